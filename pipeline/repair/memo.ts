import { SentenceDecoder, type SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import type { WordReading } from './slots.ts';

/**
 * What repair remembers between the documents it reads with one dictionary. A batch's documents
 * share their words and their damage: a printed form read once is read the same way in the next
 * document, and its option list, ordered once, finds its language-model parts already computed.
 * Everything here is a function of the dictionary and the key alone, so it changes no reading.
 */
export interface RepairMemo {
  /** Readings of printed forms, by form and the context that shapes them. */
  readonly readings: Map<string, WordReading>;
  /** The one-reading option list of each word read as it is, by LM id and word. */
  readonly fixedOptions: Map<string, SlotOption[]>;
  /** The words the language model all but names after a two-word history, by {@link historyKey}. */
  readonly expectedAfter: Map<number, readonly number[]>;
  readonly decoder: SentenceDecoder;
}

/**
 * Readings remembered (under 1 KB each with their option lists; the decoder bounds its own LM parts)
 * before the memo starts afresh: bounds a long batch's memory.
 */
const READINGS_LIMIT = 50_000;

const memos = new WeakMap<Dictionary, RepairMemo>();

/** The memo of a dictionary, started afresh once it holds {@link READINGS_LIMIT} readings. */
export function repairMemo(dict: Dictionary): RepairMemo {
  let memo = memos.get(dict);
  if (!memo || memo.readings.size + memo.fixedOptions.size + memo.expectedAfter.size >= READINGS_LIMIT) {
    memo = { readings: new Map(), fixedOptions: new Map(), expectedAfter: new Map(), decoder: new SentenceDecoder(dict.lm) };
    memos.set(dict, memo);
  }
  return memo;
}

/** One number for the history `u v` over a vocabulary of `size` tokens (`u` may be −1, no word). */
export function historyKey(u: number, v: number, size: number): number {
  return (u + 1) * size + v;
}
