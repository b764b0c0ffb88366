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

/** The token right after the word `Quý` at span `si` (a word, number or code), or undefined when none is. */
function afterQuy(spans: readonly Span[], si: number): Span | undefined {
  const s = spans[si]!;
  if (s.kind !== 'word' && s.kind !== 'number' && s.kind !== 'code') return undefined;
  const before = spans[si - 1]?.kind === 'space' ? spans[si - 2] : undefined;
  return before?.kind === 'word' && isQuy(before.text) ? s : undefined;
}

/** A quarter printed in digits, 1 to 4, alone or before its year. */
const ARABIC_QUARTER = /^([1-4])(?=$|[/-])/;
/** A quarter in roman numerals, alone or before its year. */
const ROMAN_QUARTER = /^(?:I{1,3}|IV)(?=$|[/-])/;

/** A word or code that is `Quý` run together with its numeral, parted (see {@link gluedQuarter}), with its kind. */
function partedQuarter(s: Span): { kind: 'word' | 'code'; text: string } | undefined {
  if (s.kind !== 'word' && s.kind !== 'code') return undefined;
  const text = gluedQuarter(s.text);
  return text === undefined ? undefined : { kind: s.kind, text };
}

/**
 * True when a document writes its quarters in roman numerals (`Quý II`, `Quý IV/2026`, or so
 * misread: `Quý 11`, `QuýIII`) and never in digits other than 1 (`Quý 2`): a document keeps to
 * one style, so there a `Quý 1` is the I of `Quý I` read as a digit, as OCR often does.
 */
export function writesRomanQuarters(lines: Iterable<readonly Span[]>): boolean {
  let roman = false;
  for (const spans of lines) {
    for (let si = 0; si < spans.length; si++) {
      if (partedQuarter(spans[si]!) !== undefined) roman = true;
      else if (afterQuy(spans, si)) {
        // The quarter as it reads with an I printed as 1 restored (Quý 11 → Quý II).
        const quarter = quarterNumeral(spans[si]!.text) ?? spans[si]!.text;
        const digit = ARABIC_QUARTER.exec(quarter)?.[1];
        if (digit !== undefined && digit !== '1') return false;
        if (ROMAN_QUARTER.test(quarter)) roman = true;
      }
    }
  }
  return roman;
}

/**
 * Numbers and codes right after the word `Quý` whose roman numeral OCR printed with digits, and
 * `Quý` run together with its numeral, with their repair; with `romanStyle` (see
 * {@link writesRomanQuarters}) a lone 1 too (`Quý 1/2026` → `Quý I/2026`).
 */
export function quarterNumerals(lines: readonly Span[][], romanStyle = false): RuleRepair[] {
  const out: RuleRepair[] = [];
  lines.forEach((spans, li) => {
    spans.forEach((s, si) => {
      const parted = partedQuarter(s);
      if (parted !== undefined) {
        out.push({ line: li, span: si, last: si, ...parted });
        return;
      }
      if ((s.kind !== 'number' && s.kind !== 'code') || !afterQuy(spans, si)) return;
      const text = quarterNumeral(s.text) ?? (romanStyle && ARABIC_QUARTER.exec(s.text)?.[1] === '1' ? `I${s.text.slice(1)}` : undefined);
      if (text !== undefined) out.push({ line: li, span: si, last: si, kind: s.kind, text });
    });
  });
  return out;
}
