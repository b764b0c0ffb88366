import { fromRoman } from '../model/roman.ts';
import { canonicalSyllable, isValidSyllable } from './orthography.ts';
import { nextMark, previousMark, type Span } from './tokenize.ts';

/** Tokens the language model sees besides words. */
export const NUM = '<num>';
export const CODE = '<code>';
export const BOS = '<s>';
export const EOS = '</s>';
export const UNK = '<unk>';

/** Punctuation that ends a sentence-like unit for the language model. */
const BOUNDARY = new Set(['.', ';', ':', '!', '?', '…']);

/** Marks that open a list item when they open a line. */
const ITEM_MARKS = new Set(['-', '+', '–']);

/** True when a punctuation mark ends a sentence-like unit (`.`, `;`, `:` …). */
export const isSentenceEnd = (text: string): boolean => BOUNDARY.has(text);

/** The language-model form of a word: lower case; syllables in canonical tone placement. */
export function lmWord(text: string): string {
  const lower = text.toLowerCase();
  return isValidSyllable(lower) ? canonicalSyllable(lower) : lower;
}

/**
 * What the span at `at` of a line contributes to the LM stream: a token, a boundary, or nothing.
 * A colon ends a sentence, except before a number or code on its line: there it says what the
 * word before it labels (`Số: 87/2026/NĐ-CP`), and the model learns `số :` before a code.
 */
export function lmItem(spans: readonly Span[], at: number, atLineStart: boolean): string | 'boundary' | undefined {
  const span = spans[at]!;
  switch (span.kind) {
    case 'word':
      return lmWord(span.text);
    case 'number':
      return NUM;
    case 'code':
      return CODE;
    case 'punct':
      if (span.text === ':' && labelsNumber(spans, at)) return ':';
      if (span.text === '.' && abbreviates(spans, at)) return undefined;
      if (isSentenceEnd(span.text)) return 'boundary';
      if (atLineStart && ITEM_MARKS.has(span.text)) return 'boundary';
      return span.text === ',' ? ',' : undefined;
    default:
      return undefined;
  }
}

/** An abbreviated post or title before its period (TM., KT., TL., TT. for thường trực, TS.). */
const ABBREVIATED = /^\p{Lu}{2,3}$/u;

/**
 * True when the period at `at` abbreviates the word written against it rather than ending a
 * sentence: two or three capitals (no Roman numeral, which numbers a heading) opening a list item
 * or the line, with more on the line after it (`- TT. Tỉnh ủy, TT. HĐND tỉnh`, `KT. CHỦ TỊCH`).
 */
function abbreviates(spans: readonly Span[], at: number): boolean {
  const word = spans[at - 1];
  if (word?.kind !== 'word' || !ABBREVIATED.test(word.text) || fromRoman(word.text) !== undefined || nextMark(spans, at) < 0) return false;
  const before = previousMark(spans, at - 1);
  return before < 0 || spans[before]!.text === ',' || ITEM_MARKS.has(spans[before]!.text);
}

/** True when the next mark after `at` on its line is a number or a code. */
function labelsNumber(spans: readonly Span[], at: number): boolean {
  const next = spans[nextMark(spans, at)];
  return next?.kind === 'number' || next?.kind === 'code';
}

/** Splits tokenized lines (one paragraph) into LM sentences. */
export function lmSentences(lines: Span[][]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const spans of lines) {
    let first = true;
    for (let at = 0; at < spans.length; at++) {
      if (spans[at]!.kind === 'space') continue;
      const item = lmItem(spans, at, first);
      first = false;
      if (item === 'boundary') {
        if (cur.length) out.push(cur);
        cur = [];
      } else if (item !== undefined) cur.push(item);
    }
  }
  if (cur.length) out.push(cur);
  return out;
}
