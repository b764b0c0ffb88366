import { canonicalSyllable, isValidSyllable } from './orthography.ts';
import type { Span } from './tokenize.ts';

/** Tokens the language model sees besides words. */
export const NUM = '<num>';
export const CODE = '<code>';
export const BOS = '<s>';
export const EOS = '</s>';
export const UNK = '<unk>';

/** Punctuation that ends a sentence-like unit for the language model. */
const BOUNDARY = new Set(['.', ';', ':', '!', '?', '…']);

/** The language-model form of a word: lower case; syllables in canonical tone placement. */
export function lmWord(text: string): string {
  const lower = text.toLowerCase();
  return isValidSyllable(lower) ? canonicalSyllable(lower) : lower;
}

/** What one span contributes to the LM stream: a token, a boundary, or nothing. */
export function lmItem(span: Span, atLineStart: boolean): string | 'boundary' | undefined {
  switch (span.kind) {
    case 'word':
      return lmWord(span.text);
    case 'number':
      return NUM;
    case 'code':
      return CODE;
    case 'punct':
      if (BOUNDARY.has(span.text)) return 'boundary';
      if (atLineStart && (span.text === '-' || span.text === '+' || span.text === '–')) return 'boundary';
      return span.text === ',' ? ',' : undefined;
    default:
      return undefined;
  }
}

/** Splits tokenized lines (one paragraph) into LM sentences. */
export function lmSentences(lines: Span[][]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const spans of lines) {
    let first = true;
    for (const span of spans) {
      if (span.kind === 'space') continue;
      const item = lmItem(span, first);
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
