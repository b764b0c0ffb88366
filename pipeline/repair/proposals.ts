import type { Slot, SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { MAX_CHANNEL_COST, initialCapitalCost } from './slots.ts';

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
  // Each slot proposes to both its neighbours: its cheapest readings are found once.
  const proposers = new Map<number, SlotOption[]>();
  const cheapest = (at: number): SlotOption[] => {
    const slot = sentence[at];
    if (!slot) return [];
    let found = proposers.get(at);
    if (!found) {
      found = [...slot.options].sort((a, b) => a.cost - b.cost).slice(0, PROPOSERS);
      proposers.set(at, found);
    }
    return found;
  };
  return sentence.map((slot, i) => {
    const p = printed[i];
    if (p === undefined || slot.options.length < 2) return slot;
    let bestAlternative = Infinity;
    for (let k = 1; k < slot.options.length; k++) bestAlternative = Math.min(bestAlternative, slot.options[k]!.cost);
    if (bestAlternative - changeCost <= PROPOSE_ABOVE) return slot;
    const have = new Set(slot.options.map((o) => o.id));
    const proposed = new Set<number>();
    for (const o of cheapest(i - 1)) for (const w of dict.lm.neighbours(o.id, 'after')) proposed.add(w);
    for (const o of cheapest(i + 1)) for (const w of dict.lm.neighbours(o.first ?? o.id, 'before')) proposed.add(w);
    const added: SlotOption[] = [];
    for (const id of proposed) {
      if (have.has(id)) continue;
      const word = dict.lm.vocabulary[id]!;
      if (!/^\p{L}+$/u.test(word)) continue;
      const cost = dict.candidates.cost(p.toLowerCase(), word);
      if (cost <= MAX_CHANNEL_COST) added.push({ id, word, cost: cost + changeCost + initialCapitalCost(p, word) });
    }
    return added.length ? { ...slot, options: [...slot.options, ...added] } : slot;
  });
}
