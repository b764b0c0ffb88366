import { bareLower } from './orthography.ts';

/**
 * Writes a repaired lower-case word in the casing of the printed token: all capitals for
 * titles (QUYET → QUYẾT), a capital for names and sentence starts (Piéu → Điều), lower case
 * otherwise. A leading capital I before lower case is OCR's reading of l (Iinh → lĩnh).
 * @param opensSentence the word opens a paragraph or a sentence: when OCR printed its first letter
 *   as another letter (Đ as b: `biéu 5.` for Điều 5.), the printed letter's case says nothing, and
 *   the word takes the capital a sentence opens with.
 */
export function applyCasing(printed: string, word: string, opensSentence = false): string {
  const letters = [...printed].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  if (letters.length >= 2 && upper === letters.length) return word.toUpperCase();
  const first = printed[0] ?? '';
  if (first === 'I' && upper === 1 && word.startsWith('l')) return word;
  if (/\p{Lu}/u.test(first)) return word.charAt(0).toUpperCase() + word.slice(1);
  if (opensSentence && /\p{L}/u.test(first) && bareLower(first) !== bareLower(word.charAt(0))) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
