import { LETTERING } from '../model/lettering.ts';
import type { RuleRepair } from './rule-repair.ts';
import { nextMark, type Span } from './tokenize.ts';

/** A point's label as a line opens with it: its letter, and the spans from its first to its `)`. */
interface PrintedLabel {
  letter: string;
  span: number;
  last: number;
  /** Printed with something more than the letter: a speck beside it (`c¢)`). */
  specked: boolean;
}

/**
 * The label a line opens with: a letter and `)` (the tokenizer keeps `d)` as one code), or a
 * letter with one symbol beside it, which OCR prints for a speck or for the letter's own curve
 * read twice (`c¢)`). Anything else, a word above all, is no label.
 */
function printedLabel(spans: readonly Span[]): PrintedLabel | undefined {
  const at = nextMark(spans, -1);
  if (at < 0) return undefined;
  const first = spans[at]!;
  const endsLabel = (k: number): boolean => spans[k + 1] === undefined || spans[k + 1]!.kind === 'space';
  const code = first.kind === 'code' ? /^([a-zđ])\)$/u.exec(first.text) : null;
  if (code) return endsLabel(at) ? { letter: code[1]!, span: at, last: at, specked: false } : undefined;
  const word = first.kind === 'word' ? /^([a-zđ])([^\p{L}\p{N}\s])?$/u.exec(first.text) : null;
  if (!word || spans[at + 1]?.text !== ')' || !endsLabel(at + 1)) return undefined;
  return { letter: word[1]!, span: at, last: at + 1, specked: word[2] !== undefined };
}

/** The letter after `letter` in {@link LETTERING}, or undefined after the last. */
const nextLetter = (letter: string): string | undefined => {
  const i = LETTERING.indexOf(letter);
  return i >= 0 ? LETTERING[i + 1] : undefined;
};

/**
 * Points' labels OCR misread, restored by the order points are lettered in: the label after d)
 * printed d) again is đ) (an OCR without the Vietnamese model drops the bar), and a label printed
 * with a speck beside its letter (`c¢)`) is the letter its place calls for, when it is that
 * letter, or d for đ. A list starts afresh at a); the lines are a document's, in reading order.
 */
export function misreadPointLabels(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  let previous: string | undefined;
  lines.forEach((spans, line) => {
    const label = printedLabel(spans);
    if (!label) return;
    const expected = previous === undefined ? 'a' : nextLetter(previous);
    // A letter with a symbol beside it out of order is no label this rule can read.
    if (label.specked && label.letter !== expected && label.letter !== 'a' && !(label.letter === 'd' && expected === 'đ')) return;
    const meant = label.letter === 'd' && expected === 'đ' ? 'đ' : label.letter;
    if (meant !== label.letter || label.specked) out.push({ line, span: label.span, last: label.last, kind: 'code', text: `${meant})` });
    previous = meant;
  });
  return out;
}
