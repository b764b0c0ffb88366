const TAGS = /<\/?(?:b|i|u|em|strong|span|sup|sub)\b[^<>]{0,200}>/gi;
const EMPHASIS = /(\*{1,3}|_{2})(?=\S)([^*_]{0,500}?\S)\1/g;

/**
 * One line without its light markup — Markdown emphasis and heading marks, inline HTML
 * emphasis tags — and with its spaces collapsed: the words as a reader sees them. Used
 * wherever clean source text is read (segmenter, dictionary builder, fixture generator).
 */
export function stripMarkup(line: string): string {
  return line
    .normalize('NFC')
    .replace(TAGS, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(EMPHASIS, '$2')
    .replace(/\*\*/g, '')
    .replace(/[\u00a0\u2002-\u200b\t ]+/g, ' ')
    .trim();
}
