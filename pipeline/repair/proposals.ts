import { openingWord, wordBeforeLast, type Slot, type SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { keepBest } from './keep-best.ts';
import { historyKey, type RepairMemo } from './memo.ts';
import { MAX_CHANNEL_COST, offeredReadings } from './slots.ts';

/** How many of a neighbouring slot's cheapest readings propose words. */
const PROPOSERS = 2;
/** Only slots whose best spelled-alike reading costs more than this get proposals: retrieval failed there. */
const PROPOSE_ABOVE = 0.8;

/**
 * Cost (−ln P) within which the words before a slot all but name the word in it (`của Chính` →
 * phủ, P ≥ 0.22): such a word is offered even where retrieval found close readings.
 */
const EXPECTED_COST = 1.5;
/**
 * Channel cost within which a word so named is offered where retrieval found close readings: one
 * letter misread past its lookalikes (3 nats) and its marks, no more.
 */
const EXPECTED_CHANNEL_COST = 3.5;

/**
 * Adds, to each slot with a choice, words its context names, priced by the channel like any
 * candidate. Retrieval by spelling keeps a printed token's cheapest readings only, and misses
 * words OCR garbled past recognition (601 for đổi) or past a closer word (`Chính pha`: phá, pha,
 * phà… before phủ); the context still names them, and the channel still has to accept them.
 * Where retrieval failed, the words the language model most expects after the previous slot's
 * likeliest readings and before the next slot's are offered; elsewhere, only those two words
 * before all but name ({@link EXPECTED_COST}), each of the two slots' cheapest readings taken in
 * turn: a printed valid word is often its slot's cheapest reading (`cua`), the word meant its
 * next (`của`).
 * @param printed the printed token of each slot (undefined where there is no choice)
 * @param changeCost the prior cost of a printed word being wrong in this text
 */
export function withContextProposals<S extends Slot>(sentence: S[], printed: (string | undefined)[], changeCost: number, dict: Dictionary, memo: RepairMemo): S[] {
  const { lm } = dict;
  return sentence.map((slot, i) => {
    const p = printed[i];
    if (p === undefined || slot.options.length < 2) return slot;
    let bestAlternative = Infinity;
    for (let k = 1; k < slot.options.length; k++) bestAlternative = Math.min(bestAlternative, slot.options[k]!.cost);
    const retrieved = bestAlternative - changeCost <= PROPOSE_ABOVE;
    // A handful of words: an array keeps them in order and dedupes as fast as a set would.
    const proposed: number[] = [];
    const propose = (w: number): void => {
      if (!proposed.includes(w) && !slot.options.some((o) => o.id === w) && lm.isLetterWord(w)) proposed.push(w);
    };
    const before = cheapest(sentence[i - 1]);
    if (retrieved) {
      const earlier = i >= 2 ? cheapest(sentence[i - 2]).map((o) => o.id) : [lm.bos];
      for (const o of before) {
        for (const u of earlier) {
          // A reading split in two has its own word before its last.
          expectedAfter(wordBeforeLast(o, u), o.id, dict, memo).forEach(propose);
        }
      }
    } else {
      for (const o of before) lm.neighbours(o.id, 'after').forEach(propose);
      for (const o of cheapest(sentence[i + 1])) lm.neighbours(openingWord(o), 'before').forEach(propose);
    }
    if (proposed.length === 0) return slot;
    const added = offeredReadings(p, proposed.map((id) => [id, lm.vocabulary[id]!] as const), retrieved ? EXPECTED_CHANNEL_COST : MAX_CHANNEL_COST, changeCost, dict);
    return added.length ? { ...slot, options: [...slot.options, ...added] } : slot;
  });
}

/** The words after `u v` at no more than {@link EXPECTED_COST}, most likely first; a batch asks again and again. */
function expectedAfter(u: number, v: number, dict: Dictionary, memo: RepairMemo): readonly number[] {
  const { lm } = dict;
  const key = historyKey(u, v, lm.vocabulary.length);
  let words = memo.expectedAfter.get(key);
  if (!words) {
    words = lm.neighbours(v, 'after').filter((w) => lm.floorCost[w]! <= EXPECTED_COST && lm.cost(u, v, w) <= EXPECTED_COST);
    memo.expectedAfter.set(key, words);
  }
  return words;
}

/** A slot's {@link PROPOSERS} cheapest readings, cheapest first (the earlier of equals first). */
function cheapest(slot: Slot | undefined): SlotOption[] {
  const found: SlotOption[] = [];
  for (const o of slot?.options ?? []) keepBest(found, o, PROPOSERS, (a, b) => a.cost < b.cost);
  return found;
}
