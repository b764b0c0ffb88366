import type { Slot, SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { isValidSyllable } from './orthography.ts';

/**
 * Share of a trusted passage's errors that are real-word errors: a mark read wrong gives
 * another valid syllable (chi read as chỉ, mạng as mang), which no spelling check sees.
 */
const REAL_WORD_SHARE = 0.3;
/** Mark variants costlier than this to misread are not considered. */
const MAX_VARIANT_COST = 1.5;

/**
 * In a passage trusted as printed, gives each valid word whose printed neighbours fit another
 * spelling of its letters much better (giảm chỉ phí → chi phí) that spelling as an alternative,
 * priced by the channel and by how rare such errors are; the decoder then weighs it with the
 * full trigram context. Words whose printed form fits are left with no choice, so clean text
 * costs one check per word.
 * @param printed the printed token of each slot (undefined where there is none)
 * @param rate the passage's estimated error rate
 */
export function withMarkAlternatives<S extends Slot>(sentence: S[], printed: (string | undefined)[], rate: number, dict: Dictionary): S[] {
  const { lm } = dict;
  const changeCost = -Math.log(rate * REAL_WORD_SHARE);
  const idAt = (i: number): number => (i < 0 ? lm.bos : i >= sentence.length ? lm.eos : sentence[i]!.options[0]!.id);
  return sentence.map((slot, i) => {
    const p = printed[i];
    if (p === undefined || slot.options.length !== 1 || !/^\p{L}+$/u.test(p)) return slot;
    // Capitals: acronyms and headings, where the LM knows least.
    if ((p.match(/\p{Lu}/gu) ?? []).length > 1) return slot;
    const lower = p.toLowerCase();
    if (!isValidSyllable(lower)) return slot;
    const keep = slot.options[0]!;
    const [u, l, r] = [idAt(i - 2), idAt(i - 1), idAt(i + 1)];
    const fit = (w: number): number => lm.cost(u, l, w) + lm.cost(l, w, r);
    const keepFit = fit(keep.id);
    const alternatives: SlotOption[] = [];
    for (const variant of dict.candidates.markVariants(lower)) {
      if (variant.cost > MAX_VARIANT_COST) continue;
      const cost = variant.cost + changeCost;
      // LM costs are ≥ 0: a variant that costs more than the printed word's whole fit cannot win.
      if (cost >= keepFit) continue;
      const id = lm.id(variant.word);
      if (id !== keep.id && fit(id) + cost < keepFit) alternatives.push({ id, word: variant.word, cost });
    }
    if (alternatives.length === 0) return slot;
    return { ...slot, options: [{ ...keep, cost: -Math.log(1 - rate * REAL_WORD_SHARE) }, ...alternatives] };
  });
}
