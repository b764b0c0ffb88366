/**
 * Removes light markup (Markdown emphasis and headings, inline HTML tags) from clean text so
 * the dictionary counts words, not formatting. Lines stay where they were.
 */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/\*\*|__|\*/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '');
}
