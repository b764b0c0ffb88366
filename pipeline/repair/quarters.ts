import { withLatinI } from '../model/roman.ts';
import { bareLower } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/** A quarter number set in roman numerals with its I printed as 1, l or | (11 for II, 1V for IV). */
const MISREAD_NUMERAL = /^([1Il|]{2,3}|[1Il|]V)(?=$|[/\s-])/;

/**
 * The quarter written after `Quý` with its roman numeral restored (`11/2026` → `II/2026`,
 * `111` → `III`), or undefined when it needs nothing. A year has four quarters, so 11 and 111
 * after `Quý` are no numbers but II and III with the OCR's usual 1 for I; a lone `1` is quarter 1.
 */
export function quarterNumeral(printed: string): string | undefined {
  const m = MISREAD_NUMERAL.exec(printed);
  if (!m) return undefined;
  const numeral = withLatinI(m[1]!);
  return numeral === m[1] ? undefined : numeral + printed.slice(m[1]!.length);
}

/** The word `Quý` (a quarter of the year), however its marks were printed. */
const isQuy = (word: string): boolean => bareLower(word) === 'quy';

/** The quarters of a year in roman numerals. */
const QUARTERS = new Set(['I', 'II', 'III', 'IV']);
/** `Quý` run together with its numeral (`QuýIV/2026`): OCR loses the narrow space before an I or a V. */
const GLUED_QUARTER = /^(\p{L}+?)([IVl1|]{1,3})(?=$|[/-])/u;

/**
 * `Quý` and its quarter printed as one token, parted again (`QuýIV/2026` → `Quý IV/2026`,
 * `QuyII` → `Quy II`), or undefined when the token is no such pair.
 */
export function gluedQuarter(printed: string): string | undefined {
  const m = GLUED_QUARTER.exec(printed);
  if (!m || !isQuy(m[1]!)) return undefined;
  const numeral = withLatinI(m[2]!);
  return QUARTERS.has(numeral) ? `${m[1]} ${numeral}${printed.slice(m[0].length)}` : undefined;
}

/**
 * Numbers and codes right after the word `Quý` whose roman numeral OCR printed with digits, and
 * `Quý` run together with its numeral, with their repair.
 */
export function quarterNumerals(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  lines.forEach((spans, li) => {
    spans.forEach((s, si) => {
      if (s.kind === 'word' || s.kind === 'code') {
        const parted = gluedQuarter(s.text);
        if (parted !== undefined) {
          out.push({ line: li, span: si, last: si, kind: s.kind, text: parted });
          return;
        }
      }
      if (s.kind !== 'number' && s.kind !== 'code') return;
      const before = spans[si - 1]?.kind === 'space' ? spans[si - 2] : undefined;
      if (before?.kind !== 'word' || !isQuy(before.text)) return;
      const text = quarterNumeral(s.text);
      if (text !== undefined) out.push({ line: li, span: si, last: si, kind: s.kind, text });
    });
  });
  return out;
}
