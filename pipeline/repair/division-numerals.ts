import { fromRoman, withLatinI } from '../model/roman.ts';
import { bareLower } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/** Marks of a numeral, with the I that OCR prints as l or | (Chương | for Chương I); no digits. */
const NUMERAL_MARKS = /^[IVXLCl|]+$/;

const opensWithCapital = (word: string): boolean => /^\p{Lu}/u.test(word);

/**
 * True when the words before `at` name a division numbered in Roman numerals: Chương and Phần in
 * a legal text, a Phụ lục. A division's name is written with a capital; in lower case (`một phần |`)
 * the bar is more likely a table's rule.
 */
function namesRomanDivision(spans: readonly Span[], at: number): boolean {
  if (spans[at - 1]?.kind !== 'space') return false;
  const word = spans[at - 2];
  if (word?.kind !== 'word') return false;
  const name = bareLower(word.text);
  if (name === 'chuong' || name === 'phan') return opensWithCapital(word.text);
  const phu = spans[at - 4]?.text ?? '';
  return name === 'luc' && spans[at - 3]?.kind === 'space' && bareLower(phu) === 'phu' && opensWithCapital(phu);
}

const isNumeralMark = (s: Span | undefined): boolean => s !== undefined && (s.kind === 'word' || s.kind === 'symbol') && NUMERAL_MARKS.test(s.text);

/**
 * Roman numerals after Chương, Phần or Phụ lục printed with their I as l or | (`Chương |`,
 * `PHỤ LỤC Il`, `Phần |I`, which OCR splits at the bar), restored. Digits are left: a chapter
 * may be numbered in Arabic figures. A bar outside every such numeral makes the line a table's
 * row (`| Chương | Nội dung |`), whose bars are no numerals.
 */
export function divisionNumerals(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  lines.forEach((spans, li) => {
    const runs: [first: number, last: number][] = [];
    spans.forEach((s, si) => {
      if (!isNumeralMark(s) || !namesRomanDivision(spans, si)) return;
      let last = si;
      while (isNumeralMark(spans[last + 1])) last++;
      runs.push([si, last]);
    });
    if (!runs.length || spans.some((x, k) => x.text === '|' && !runs.some(([a, b]) => k >= a && k <= b))) return;
    for (const [si, last] of runs) {
      const printed = spans.slice(si, last + 1).map((x) => x.text).join('');
      // After a division's name a lone bar is a numeral too (Chương | is Chương I), unlike in running text.
      const text = withLatinI(printed);
      if (/[l|]/.test(printed) && fromRoman(text) !== undefined) out.push({ line: li, span: si, last, kind: 'word', text });
    }
  });
  return out;
}
