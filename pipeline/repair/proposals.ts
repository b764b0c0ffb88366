import { openingWord, type Slot, type SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { keepBest } from './keep-best.ts';
import { MAX_CHANNEL_COST, offeredReadings } from './slots.ts';

/** How many of a neighbouring slot's cheapest readings propose words. */
const PROPOSERS = 2;
/** Only slots whose best spelled-alike reading costs more than this get proposals: retrieval failed there. */
const PROPOSE_ABOVE = 0.8;

/**
 * Adds, to each slot with a choice, the words the language model most expects after the
 * previous slot's likeliest readings and before the next slot's, priced by the channel like any
 * candidate. Retrieval by spelling misses words OCR garbled past recognition (601 for đổi); the
 * context still names them, and the channel still has to accept them.
 * @param printed the printed token of each slot (undefined where there is no choice)
 * @param changeCost the prior cost of a printed word being wrong in this text
 */
export function withContextProposals<S extends Slot>(sentence: S[], printed: (string | undefined)[], changeCost: number, dict: Dictionary): S[] {
  const { lm } = dict;
  return sentence.map((slot, i) => {
    const p = printed[i];
    if (p === undefined || slot.options.length < 2) return slot;
    let bestAlternative = Infinity;
    for (let k = 1; k < slot.options.length; k++) bestAlternative = Math.min(bestAlternative, slot.options[k]!.cost);
    if (bestAlternative - changeCost <= PROPOSE_ABOVE) return slot;
    // A handful of words: an array keeps them in order and dedupes as fast as a set would.
    const proposed: number[] = [];
    const propose = (ws: readonly number[]): void => {
      for (const w of ws) if (!proposed.includes(w) && !slot.options.some((o) => o.id === w)) proposed.push(w);
    };
    for (const o of cheapest(sentence[i - 1])) propose(lm.neighbours(o.id, 'after'));
    for (const o of cheapest(sentence[i + 1])) propose(lm.neighbours(openingWord(o), 'before'));
    const words = proposed.filter((id) => lm.isLetterWord(id)).map((id) => [id, lm.vocabulary[id]!] as const);
    const added = offeredReadings(p, words, MAX_CHANNEL_COST, changeCost, dict);
    return added.length ? { ...slot, options: [...slot.options, ...added] } : slot;
  });
}

/** A slot's {@link PROPOSERS} cheapest readings, cheapest first (the earlier of equals first). */
function cheapest(slot: Slot | undefined): SlotOption[] {
  const found: SlotOption[] = [];
  for (const o of slot?.options ?? []) keepBest(found, o, PROPOSERS, (a, b) => a.cost < b.cost);
  return found;
}
