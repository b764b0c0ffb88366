import { fromRoman, toRoman, withLatinI } from '../model/roman.ts';
import { bareLower } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import { nextMark, type Span } from './tokenize.ts';

/**
 * II or III printed as 1s (a lone 1 would be I, which opens a sequence and follows none; IV on has a
 * V). Numerals with a letter of their own (1V, II1) are read as numerals where they stand
 * (readWord), and l or | after Chương by `divisionNumerals`.
 */
const ONES = /^1{2,3}$/;
const CAPITALS = /^\p{Lu}{2}/u;

/** The numbered headings whose numerals run in a sequence of their own: sections (I. TITLE) and chapters (Chương I). */
type Sequence = 'section' | 'chapter';

/** The numeral a line opens with when it numbers a heading, with the sequence it is one of. */
interface HeadingNumber {
  sequence: Sequence;
  span: number;
  printed: string;
}

/** A span that may print a numeral: figures, letters, or the bar OCR prints for I. */
const isNumeral = (span: Span | undefined): span is Span => span !== undefined && (span.kind === 'number' || span.kind === 'word' || span.text === '|');

/** The value of a Roman numeral as printed, its I perhaps printed l, | or 1 beside a letter of its own (Il, |, II1). */
const romanValue = (printed: string): number | undefined => (/^[IVXLC1l|]+$/.test(printed) && !/^\d+$/.test(printed) ? fromRoman(withLatinI(printed)) : undefined);

/**
 * A section's numeral (marks, a period, then a title in capitals: `111. NHIỆM VỤ`) or a chapter's
 * (`Chương 11`, the name written with a capital) opening the line; otherwise undefined.
 */
function headingNumber(spans: readonly Span[]): HeadingNumber | undefined {
  const at = nextMark(spans, -1);
  const first = spans[at];
  if (first?.kind === 'word' && bareLower(first.text) === 'chuong' && /^\p{Lu}/u.test(first.text)) {
    const k = nextMark(spans, at);
    return isNumeral(spans[k]) && titledOrAlone(spans, k) ? { sequence: 'chapter', span: k, printed: spans[k]!.text } : undefined;
  }
  if (!isNumeral(first) || spans[at + 1]?.text !== '.') return undefined;
  return titledOrAlone(spans, at) ? { sequence: 'section', span: at, printed: first.text } : undefined;
}

/**
 * True when the numeral at `k` ends its line or is followed by a period or colon and a title in
 * capitals: a heading's number, not a reference in running text (`Chương 11, Chương V và…`).
 */
function titledOrAlone(spans: readonly Span[], k: number): boolean {
  const after = nextMark(spans, k);
  if (after < 0) return true;
  if (spans[after]!.text !== '.' && spans[after]!.text !== ':') return false;
  const title = spans[nextMark(spans, after)];
  return title?.kind === 'word' && CAPITALS.test(title.text);
}

/**
 * True when the numeral after `value` is `value`'s with one more stroke (II after I, III after II,
 * VII after VI): OCR that loses a stroke of it prints the one before, the same numeral again.
 */
const oneStrokeMore = (value: number): boolean => toRoman(value + 1) === `${toRoman(value)}I`;

/** The value of the next Roman heading of `sequence` after line `from`, or undefined. */
function nextRoman(headings: readonly (HeadingNumber | undefined)[], from: number, sequence: Sequence): number | undefined {
  for (let k = from + 1; k < headings.length; k++) {
    const h = headings[k];
    const value = h?.sequence === sequence ? romanValue(h.printed) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Roman numerals of sections and chapters OCR misprinted, restored by the document's own sequence:
 * - printed in digits (`11. CHỈ TIÊU`, `Chương 11` for II: a Latin model reads I as 1), where the
 *   document numbers them I, II, III and the printed numeral, its 1s read as I, is the next of its
 *   sequence. A number that goes on from an Arabic one of the same sequence since its last Roman
 *   one (10., then 11.) is Arabic and stays; before a first Roman numeral nothing says the
 *   document numbers them so.
 * - printed as the numeral before with a stroke lost (`II. NHIỆM VỤ` after `II. CHỈ TIÊU`, for
 *   III): a heading repeating the one before it, where the next numeral is that one with a stroke
 *   more, is the next, unless the document's next heading of the sequence is that numeral.
 * The lines are a document's, in reading order.
 */
export function misreadHeadingNumerals(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  const last: Record<Sequence, { roman: number; arabic: number }> = { section: { roman: 0, arabic: 0 }, chapter: { roman: 0, arabic: 0 } };
  const headings = lines.map(headingNumber);
  const restore = (line: number, heading: HeadingNumber, value: number): void => {
    out.push({ line, span: heading.span, last: heading.span, kind: 'word', text: toRoman(value) });
    [last[heading.sequence].roman, last[heading.sequence].arabic] = [value, 0];
  };
  headings.forEach((heading, line) => {
    if (!heading) return;
    const { printed, sequence } = heading;
    const seen = last[sequence];
    const value = romanValue(printed);
    if (value !== undefined) {
      const repeated = value === seen.roman && oneStrokeMore(value) && nextRoman(headings, line, sequence) !== value + 1;
      if (repeated) restore(line, heading, value + 1);
      else [seen.roman, seen.arabic] = [value, 0];
      return;
    }
    if (!/^\d+$/.test(printed)) return;
    const goesOnArabic = Number(printed) === seen.arabic + 1;
    seen.arabic = Number(printed);
    if (seen.roman === 0 || goesOnArabic || !ONES.test(printed) || withLatinI(printed) !== toRoman(seen.roman + 1)) return;
    restore(line, heading, seen.roman + 1);
  });
  return out;
}
