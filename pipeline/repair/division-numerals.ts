import { fromRoman, withLatinI } from '../model/roman.ts';
import { stripDiacritics } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/** Marks of a numeral, with the I that OCR prints as l or | (Chương | for Chương I). */
const NUMERAL_MARKS = /^[IVXLCl|]+$/;

/** A word's letters without marks, in lower case: how a division's name is recognised however printed. */
const bare = (word: string): string => stripDiacritics(word).toLowerCase();

/**
 * True when the words before `at` name a division numbered in Roman numerals: Chương and Phần in
 * a legal text, a Phụ lục. A division's name is written with a capital; in lower case (`một phần |`)
 * the bar is more likely a table's rule.
 */
function namesRomanDivision(spans: readonly Span[], at: number): boolean {
  if (spans[at - 1]?.kind !== 'space') return false;
  const word = spans[at - 2];
  if (word?.kind !== 'word') return false;
  const name = bare(word.text);
  if (name === 'chuong' || name === 'phan') return /^\p{Lu}/u.test(word.text);
  const phu = spans[at - 4]?.text ?? '';
  return name === 'luc' && spans[at - 3]?.kind === 'space' && bare(phu) === 'phu' && /^\p{Lu}/u.test(phu);
}

/**
 * Roman numerals after Chương, Phần or Phụ lục printed with their I as l or | (`Chương |`,
 * `PHỤ LỤC Il`, `Phần |I`, which OCR splits at the bar), restored. Digits are left: a chapter
 * may be numbered in Arabic figures. A bar on a line with another is a table's, not a numeral.
 */
export function divisionNumerals(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  lines.forEach((spans, li) => {
    // A line with two bars is a table's row (`| Chương | Nội dung |`) or rules a scan printed: its bars are no numerals.
    if (spans.filter((s) => s.text === '|').length > 1) return;
    spans.forEach((s, si) => {
      if (!namesRomanDivision(spans, si)) return;
      let last = si;
      while (last + 1 < spans.length && (spans[last + 1]!.kind === 'word' || spans[last + 1]!.kind === 'symbol') && NUMERAL_MARKS.test(spans[last + 1]!.text)) last++;
      const printed = spans.slice(si, last + 1).map((x) => x.text).join('');
      if (!NUMERAL_MARKS.test(printed) || !/[l|]/.test(printed)) return;
      const text = withLatinI(printed);
      if (fromRoman(text) !== undefined) out.push({ line: li, span: si, last, kind: 'word', text });
    });
  });
  return out;
}
