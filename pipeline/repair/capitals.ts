import { openingWord, type SlotOption } from './decode.ts';
import { lmWord } from './lm-tokens.ts';
import { previousMark, type Span } from './tokenize.ts';

/**
 * How a word inside a sentence is written: with an initial capital (a name, an agency, a title:
 * `Bộ Nội vụ`, `Ban Thường vụ`, `Trương Hải Long`) or in lower case. OCR keeps case well, since
 * a capital is the largest letter of a word, and Vietnamese writes some words capitalised far more
 * often than others: `Vụ` in `Vụ trưởng Vụ Tổ chức`, never `về`; `Thị` in a name, never `thì`.
 */
export type WordCase = 'capital' | 'lower';

/** Spans after which the next word may open a sentence or a quotation: its case then tells nothing. */
const CONTINUES = new Set(['word', 'number', 'code']);

/**
 * The case of the word at `spans[at]` when it says something of the word: the word is not the first
 * of its line (which may open a sentence, an item or a cell) and follows a word, number, code or
 * comma; it has two characters or more and, besides its first letter, no capital (acronyms,
 * headings in capitals). Digits and symbols inside a damaged word do not matter (`B6` is a capital).
 */
export function wordCaseAt(spans: readonly Span[], at: number): WordCase | undefined {
  const text = spans[at]!.text;
  if ([...text].length < 2) return undefined;
  const before = previousMark(spans, at);
  if (before < 0) return undefined;
  const prev = spans[before]!;
  if (!CONTINUES.has(prev.kind) && prev.text !== ',') return undefined;
  const first = text[0]!;
  const rest = text.slice(1);
  if (/\p{Lu}/u.test(rest)) return undefined;
  if (/\p{Lu}/u.test(first)) return 'capital';
  return /\p{Ll}/u.test(first) ? 'lower' : undefined;
}

/** Counts, per LM word, how often clean text writes it with a capital and in lower case mid-sentence. */
export function countWordCases(lines: readonly Span[][], into: Map<string, [number, number]>): void {
  for (const spans of lines) {
    spans.forEach((span, at) => {
      if (span.kind !== 'word' || !/^\p{L}+$/u.test(span.text)) return;
      const c = wordCaseAt(spans, at);
      if (!c) return;
      const word = lmWord(span.text);
      const counts = into.get(word) ?? [0, 0];
      counts[c === 'capital' ? 0 : 1]++;
      into.set(word, counts);
    });
  }
}

/** Counts each word of a name (lines holding a name each) as written with a capital, as names are wherever they stand. */
export function countNameCapitals(names: readonly Span[][], into: Map<string, [number, number]>): void {
  for (const spans of names) {
    for (const span of spans) {
      if (span.kind !== 'word' || !/^\p{Lu}\p{Ll}*$/u.test(span.text)) continue;
      const word = lmWord(span.text);
      const counts = into.get(word) ?? [0, 0];
      counts[0]++;
      into.set(word, counts);
    }
  }
}

/** Serialized case counts: LM ids with their capitalised and lower-case counts, in step. */
export interface WordCaseCounts {
  ids: number[];
  capital: number[];
  lower: number[];
}

/** Weight, in occurrences, of the overall rate of capitals in a word's estimate: a few sightings do not decide. */
const PRIOR_WEIGHT = 2;
/**
 * Share of the overall rate of capitals that every word keeps, however often it was seen in lower
 * case: any word may open the name of a document or an agency cited mid-sentence (`tại Kết luận
 * số 29`, `Ban Thường vụ`), so thousands of lower-case sightings never make a capital impossible.
 */
const CAPITAL_FLOOR = 0.02;

/** P(case | word) for every LM word, from counts smoothed towards the overall rate. */
export class WordCaseModel {
  private readonly capitalCost: Float64Array;
  private readonly lowerCost: Float64Array;
  /** Priced option lists by case: readings of a printed form are memoised, so their lists repeat. */
  private readonly memo = { capital: new WeakMap<SlotOption[], SlotOption[]>(), lower: new WeakMap<SlotOption[], SlotOption[]>() };

  constructor(counts: WordCaseCounts, vocabularySize: number) {
    const capitals = counts.capital.reduce((a, b) => a + b, 0);
    const total = capitals + counts.lower.reduce((a, b) => a + b, 0);
    const rate = total > 0 ? capitals / total : 0.5;
    this.capitalCost = new Float64Array(vocabularySize).fill(-Math.log(rate));
    this.lowerCost = new Float64Array(vocabularySize).fill(-Math.log(1 - rate));
    counts.ids.forEach((id, k) => {
      const n = counts.capital[k]! + counts.lower[k]!;
      const p = CAPITAL_FLOOR * rate + (1 - CAPITAL_FLOOR) * ((counts.capital[k]! + PRIOR_WEIGHT * rate) / (n + PRIOR_WEIGHT));
      this.capitalCost[id] = -Math.log(p);
      this.lowerCost[id] = -Math.log(1 - p);
    });
  }

  /** −ln P(written in case `c` | word `id`). */
  cost(id: number, c: WordCase): number {
    return (c === 'capital' ? this.capitalCost : this.lowerCost)[id]!;
  }

  /** The options of a slot with the cost of the printed case added to each (a split option: its first word's). */
  priced(options: SlotOption[], c: WordCase): SlotOption[] {
    let out = this.memo[c].get(options);
    if (!out) {
      out = options.map((o) => ({ ...o, cost: o.cost + this.cost(openingWord(o), c) }));
      this.memo[c].set(options, out);
    }
    return out;
  }
}
