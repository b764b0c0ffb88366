/**
 * Inline HTML that text exports keep: emphasis tags, the line breaks that Markdown table cells
 * can only hold as `<br>`, and comments (converters mark a dropped picture `<!-- image -->`).
 */
const TAG_SOURCE = String.raw`<!--.{0,200}?-->|<\/?(?:b|i|u|em|strong|span|sup|sub|br)\b[^<>]{0,200}>`;
const TAGS = new RegExp(TAG_SOURCE, 'gi');
/** One inline tag at a given position (sticky): tokenizers keep it as one span, never as words. */
export const INLINE_TAG = new RegExp(TAG_SOURCE, 'iy');
/** A line break inside a cell or paragraph. */
export const LINE_BREAK_TAG = /<br\b[^<>]{0,200}>/gi;
const EMPHASIS = /(\*{1,3}|_{2})(?=\S)([^*_]{0,500}?\S)\1/g;

/**
 * One line without its light markup — Markdown emphasis and heading marks, inline HTML
 * tags and comments, `<br>` read as a space — and with its spaces collapsed: the words as a reader
 * sees them. Used wherever clean source text is read (segmenter, dictionary builder, fixture generator).
 */
export function stripMarkup(line: string): string {
  return line
    .normalize('NFC')
    .replace(LINE_BREAK_TAG, ' ')
    .replace(TAGS, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(EMPHASIS, '$2')
    .replace(/\*\*/g, '')
    .replace(/[\u00a0\u2002-\u200b\t ]+/g, ' ')
    .trim();
}
