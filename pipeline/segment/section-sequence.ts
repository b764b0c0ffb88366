import levenshtein from 'fast-levenshtein';
import { fromRoman, toRoman } from '../model/roman.ts';
import { SECTION_LETTERS, numbersRowsUnder } from './rows.ts';
import type { AppendixRow, AppendixTable } from './types.ts';

/**
 * Section headings of an appendix are numbered I, II, III … in order. A heading whose numeral
 * breaks the sequence — repeating or going back (III read as II), or not a numeral at all (VIII
 * read as VIH) — while lying within two letters of the numeral the sequence expects, is that
 * numeral misread by OCR. A numeral that jumps ahead is left alone: a heading may be missing.
 * Then a heading whose numeral the scan lost takes the one after its predecessor's, in any
 * sequence ({@link withLostLabels}).
 */
export function withSectionSequence(table: AppendixTable): AppendixTable {
  return withLostLabels(arabicNumbered(table.rows) || lettered(table.rows) ? table : withRomanSequence(table));
}

/** {@link withSectionSequence} on a table numbered I, II, III: misread numerals put back. */
function withRomanSequence(table: AppendixTable): AppendixTable {
  let previous = 0;
  let changed = false;
  const rows = table.rows.map((row): AppendixRow => {
    if (row.kind !== 'section') return row;
    const printed = (row.cells[0] ?? '').replace(/\.$/, '').trim();
    if (fromRoman(printed) === undefined && previous === 0 && !/^[IVXLC1l|]{1,4}$/.test(printed)) return row; // not a Roman-numbered table
    const read = sequenceNumeral(printed, previous);
    if (!read) return row;
    previous = read.value;
    if (read.numeral === printed) return row;
    changed = true;
    return { ...row, cells: [row.cells[0]!.trim().endsWith('.') ? `${read.numeral}.` : read.numeral, ...row.cells.slice(1)] };
  });
  return changed ? { ...table, rows } : table;
}

/**
 * One numeral of a sequence I, II, III … after the one worth `previous` (0 at the start): its value
 * and the numeral to write. A numeral that repeats or goes back (III read as II), or is none at all
 * (VIH), within two letters of the numeral expected, is that numeral misread; one that jumps ahead
 * is kept (a heading may be missing). Undefined when the printed text is no numeral of the sequence.
 */
export function sequenceNumeral(printed: string, previous: number): { value: number; numeral: string } | undefined {
  const value = fromRoman(printed);
  if (value !== undefined && value > previous) return { value, numeral: printed };
  const expected = toRoman(previous + 1);
  return levenshtein.get(printed, expected) > 2 ? undefined : { value: previous + 1, numeral: expected };
}

/**
 * The label after `label` in its sequence (II → III, B → C, 2 → 3), or undefined when it is none
 * or cannot be told: after D comes Đ in the Vietnamese alphabet, E where letters are Latin.
 */
function nextLabel(label: string): string | undefined {
  if (label.length === 1 && SECTION_LETTERS.includes(label)) return label === 'D' ? undefined : SECTION_LETTERS[SECTION_LETTERS.indexOf(label) + 1];
  const value = fromRoman(label);
  if (value !== undefined) return toRoman(value + 1);
  if (/^\d{1,2}$/.test(label)) return String(Number(label) + 1);
  return undefined;
}

/**
 * Section headings whose numeral the scan lost (a row of capitals with an empty first cell,
 * {@link buildRows}) given the numeral after the section before them: headings are numbered in order.
 */
function withLostLabels(table: AppendixTable): AppendixTable {
  let previous: string | undefined;
  let changed = false;
  const rows = table.rows.map((row): AppendixRow => {
    if (row.kind !== 'section') return row;
    const printed = (row.cells[0] ?? '').trim();
    if (printed !== '') {
      previous = printed;
      return row;
    }
    const label = previous === undefined ? undefined : nextLabel(previous.replace(/\.$/, ''));
    if (label === undefined) return row;
    // Written as its siblings are, with their period or without.
    previous = previous!.endsWith('.') ? `${label}.` : label;
    changed = true;
    return { ...row, cells: [previous, ...row.cells.slice(1)] };
  });
  return changed ? { ...table, rows } : table;
}

/**
 * Sections lettered A, B, C, D, which the Roman sequence must not read as numerals (C, then D
 * for CI): two or more headings lettered with letters no Roman numeral has. One such letter alone
 * may be a numeral misread (H for II).
 */
function lettered(rows: readonly AppendixRow[]): boolean {
  const letterOnly = (label: string): boolean => label.length === 1 && SECTION_LETTERS.includes(label) && fromRoman(label) === undefined;
  return rows.filter((row) => row.kind === 'section' && letterOnly((row.cells[0] ?? '').trim().replace(/\.$/, ''))).length >= 2;
}

/**
 * Sections numbered 1, 2, 3 (tasks 1.1, 1.2 under them), which the Roman sequence must not take for
 * misread numerals: a section numeral with a digit other than 1, or numbering the rows under it.
 */
function arabicNumbered(rows: readonly AppendixRow[]): boolean {
  return rows.some((row, k) => {
    const printed = (row.cells[0] ?? '').replace(/\.$/, '').trim();
    if (row.kind !== 'section' || !/^\d+$/.test(printed)) return false;
    return /[02-9]/.test(printed) || numbersRowsUnder(printed, rows[k + 1]?.cells[0] ?? '');
  });
}
