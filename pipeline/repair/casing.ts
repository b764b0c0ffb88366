/**
 * Writes a repaired lower-case word in the casing of the printed token: all capitals for
 * titles (QUYET → QUYẾT), a capital for names and sentence starts (Piéu → Điều), lower case
 * otherwise. A leading capital I before lower case is OCR's reading of l (Iinh → lĩnh).
 */
export function applyCasing(printed: string, word: string): string {
  const letters = [...printed].filter((c) => /\p{L}/u.test(c));
  const upper = letters.filter((c) => /\p{Lu}/u.test(c)).length;
  if (letters.length >= 2 && upper === letters.length) return word.toUpperCase();
  const first = printed[0] ?? '';
  if (first === 'I' && upper === 1 && word.startsWith('l')) return word;
  if (/\p{Lu}/u.test(first)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
