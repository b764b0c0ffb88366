/** Roman numerals as administrative documents number sections and quarters (I … CXC). */

const ROMAN: [number, string][] = [
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** The Roman numeral of a positive integer. */
export function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/** The value of a well-formed Roman numeral (I … CXC), or undefined (IIII, VV, VIH). */
export function fromRoman(text: string): number | undefined {
  if (!/^[IVXLC]+$/.test(text)) return undefined;
  let n = 0;
  let rest = text;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      n += value;
      rest = rest.slice(letters.length);
    }
  }
  return rest === '' && toRoman(n) === text ? n : undefined;
}

/** A numeral with the I that OCR prints as 1, l or | written I (111 → III, 1V → IV). */
export const withLatinI = (text: string): string => text.replace(/[1l|]/g, 'I');

/**
 * The well-formed Roman numeral a printed run is, its I printed as 1, l or | written I (II1 →
 * III), or undefined. It must show a letter a numeral has of its own: `l` or `11` alone is none.
 */
export function romanWithLatinI(printed: string): string | undefined {
  if (!/^[IVXLC1l|]+$/.test(printed) || !/[IVXLC]/.test(printed)) return undefined;
  const numeral = withLatinI(printed);
  return fromRoman(numeral) === undefined ? undefined : numeral;
}
