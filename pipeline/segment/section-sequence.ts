import type { AppendixRow, AppendixTable } from './types.ts';

const ROMAN: [number, string][] = [
  [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

function toRoman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) for (; n >= value; n -= value) out += letters;
  return out;
}

/** The value of a well-formed Roman numeral (I … CXC), or undefined. */
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

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

/**
 * Section headings of an appendix are numbered I, II, III … in order. A heading whose numeral
 * breaks the sequence — repeating or going back (III read as II), or not a numeral at all (VIII
 * read as VIH) — while lying within two letters of the numeral the sequence expects, is that
 * numeral misread by OCR. A numeral that jumps ahead is left alone: a heading may be missing.
 */
export function withSectionSequence(table: AppendixTable): AppendixTable {
  let previous = 0;
  let changed = false;
  const rows = table.rows.map((row): AppendixRow => {
    if (row.kind !== 'section') return row;
    const printed = (row.cells[0] ?? '').replace(/\.$/, '').trim();
    const value = fromRoman(printed);
    if (value === undefined && previous === 0 && !/^[IVXLC1l|]{1,4}$/.test(printed)) return row; // not a Roman-numbered table
    const expected = toRoman(previous + 1);
    const fits = value !== undefined && value > previous;
    if (fits) {
      previous = value;
      return row;
    }
    if (distance(printed, expected) > 2) return row;
    previous += 1;
    changed = true;
    return { ...row, cells: [printed.endsWith('.') ? `${expected}.` : expected, ...row.cells.slice(1)] };
  });
  return changed ? { ...table, rows } : table;
}
