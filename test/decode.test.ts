import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../fixtures/generator/random.ts';
import { loadDictionary } from '../dictionaries/load.ts';
import { SentenceDecoder, type Slot, type SlotOption } from '../pipeline/repair/decode.ts';

const dict = await loadDictionary();
const { lm } = dict;

/** Words the model knows well, so that sentences meet seen bigrams and trigrams. */
const common = lm.vocabulary
  .map((_, id) => ({ id, cost: lm.unigramCost(id) }))
  .filter((x) => lm.isLetterWord(x.id))
  .sort((a, b) => a.cost - b.cost)
  .slice(0, 60)
  .map((x) => x.id);

/**
 * A sentence of up to six slots with one to three readings each, a few of them splits (two or
 * three words for one printed token): at most nine (previous, current) pairs per position, which
 * the beam keeps all of.
 */
function sentence(next: () => number): Slot[] {
  const pick = (): number => common[Math.floor(next() * common.length)]!;
  return Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
    options: Array.from({ length: 1 + Math.floor(next() * 3) }, (): SlotOption => {
      const id = pick();
      const cost = next() * 3;
      const r = next();
      return r < 0.1 ? { leading: [pick()], id, word: 'split', cost } : r < 0.15 ? { leading: [pick(), pick()], id, word: 'split in three', cost } : { id, word: 'word', cost };
    }),
  }));
}

/** Channel plus trigram cost of reading a sentence as `chosen`, boundaries included. */
function pathCost(slots: Slot[], chosen: number[]): number {
  const words = [lm.bos, lm.bos];
  let cost = 0;
  slots.forEach((slot, i) => {
    const o = slot.options[chosen[i]!]!;
    cost += o.cost;
    words.push(...(o.leading ?? []), o.id);
  });
  words.push(lm.eos);
  for (let k = 2; k < words.length; k++) cost += lm.cost(words[k - 2]!, words[k - 1]!, words[k]!);
  return cost;
}

/** Every reading of a sentence, as option indices. */
function readings(slots: Slot[]): number[][] {
  return slots.reduce<number[][]>((acc, slot) => acc.flatMap((r) => slot.options.map((_, k) => [...r, k])), [[]]);
}

describe('sentence decoder', () => {
  it('finds the cheapest reading of sentences whose states all fit in the beam', () => {
    const next = random(350);
    const decoder = new SentenceDecoder(lm);
    for (let n = 0; n < 300; n++) {
      const slots = sentence(next);
      const best = Math.min(...readings(slots).map((r) => pathCost(slots, r)));
      expect(pathCost(slots, decoder.decode(slots))).toBeCloseTo(best, 9);
    }
  });

  it('reads long sentences, past what the beam holds, so that no one slot’s change would lower the cost, and never above the beam’s', () => {
    const next = random(57);
    const decoder = new SentenceDecoder(lm);
    const pick = (): number => common[Math.floor(next() * common.length)]!;
    let improved = 0;
    for (let n = 0; n < 200; n++) {
      const slots: Slot[] = Array.from({ length: 8 + Math.floor(next() * 10) }, () => ({
        options: Array.from({ length: 1 + Math.floor(next() * 12) }, (): SlotOption => ({ id: pick(), word: 'word', cost: next() * 4 })),
      }));
      const beam = pathCost(slots, decoder.decode(slots));
      const { chosen, confidence } = decoder.read(slots);
      const cost = pathCost(slots, chosen);
      expect(cost).toBeLessThanOrEqual(beam + 1e-9);
      if (cost < beam - 1e-9) improved++;
      slots.forEach((slot, i) => {
        for (let k = 0; k < slot.options.length; k++) expect(pathCost(slots, chosen.map((c, j) => (j === i ? k : c)))).toBeGreaterThanOrEqual(cost - 1e-9);
      });
      expect(confidence).toEqual(decoder.confidences(slots, chosen));
    }
    // The beam does drop needed histories on sentences this wide: the switches were exercised.
    expect(improved).toBeGreaterThan(0);
  });

  it("gives each chosen reading its share of probability among the slot's readings, neighbours fixed", () => {
    const next = random(71);
    const decoder = new SentenceDecoder(lm);
    for (let n = 0; n < 300; n++) {
      const slots = sentence(next);
      const chosen = decoder.decode(slots);
      const confidence = decoder.confidences(slots, chosen);
      slots.forEach((slot, i) => {
        // Changing one slot's reading changes only the trigrams its words are in: whole-path costs
        // differ from the slot's own scores by the same amount for every reading.
        const costs = slot.options.map((_, k) => pathCost(slots, chosen.map((c, j) => (j === i ? k : c))));
        const total = costs.reduce((sum, c) => sum + Math.exp(costs[chosen[i]!]! - c), 0);
        expect(confidence[i]).toBeCloseTo(1 / total, 9);
      });
    }
  });
});
