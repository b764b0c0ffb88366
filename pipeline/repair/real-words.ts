import type { Slot, SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import type { MisreadEvidence } from './misread-evidence.ts';
import { isValidSyllable } from './orthography.ts';

/**
 * Share of a trusted passage's errors that are real-word errors: a mark read wrong gives
 * another valid syllable (chi read as chỉ, mạng as mang), which no spelling check sees.
 */
const REAL_WORD_SHARE = 0.3;
/**
 * How much likelier a mark is misread on a word of a heading set in capitals: a capital leaves
 * its marks little room above it (the horn of Ư, the breve of Ă), and OCR models learn marks
 * mostly from lower case. On the pages the Vietnamese model read for our fixtures, 4 of 143
 * capitalised words and 4 of 6,252 lower-case ones came out as another spelling of their letters
 * (about 44 times as often); half of that, as so few capitals were seen.
 */
const CAPITALS_FACTOR = 20;
/** Log odds by which a reading must beat the printed word to count as evidence of a misreading (9 to 1). */
const CLEAR_ODDS = Math.log(9);
/** Mark variants costlier than this to misread are not considered. */
const MAX_VARIANT_COST = 1.5;
/**
 * Words spelled with other letters costlier than this to misread are not considered: a letter and
 * a mark misread together (tầng printed hằng, 3.7) is about the most one real-word error takes.
 */
const MAX_NEAR_COST = 4;
/** The cheapest misreading of one letter as another (rn for m): below it no such reading can win. */
const MIN_LETTER_COST = 0.6;

/**
 * In a passage trusted as printed, gives each valid word whose printed neighbours fit another
 * spelling of its letters much better (giảm chỉ phí → chi phí) that spelling as an alternative,
 * priced by the channel and by how rare such errors are; the decoder then weighs it with the
 * full trigram context. A word its neighbours reject outright is also offered the words they
 * expect that the channel can turn into it (dữ hệu → dữ liệu). Words whose printed form fits are
 * left with no choice, so clean text costs one check per word.
 * @param printed the printed token of each slot (undefined where there is none)
 * @param rate the passage's estimated error rate
 * @param heading the sentence is a heading, two or more words all in capitals (not `Lưu: VT, VP`,
 *   whose capitals are acronyms)
 * @param evidence the misreadings found so far in the document, which raise the prior of a
 *   printed form the OCR was already caught misreading (and record this sentence's)
 */
export function withMarkAlternatives<S extends Slot>(
  sentence: S[],
  printed: (string | undefined)[],
  rate: number,
  dict: Dictionary,
  heading: boolean,
  evidence?: MisreadEvidence,
): S[] {
  const { lm } = dict;
  const idAt = (i: number): number => (i < 0 ? lm.bos : i >= sentence.length ? lm.eos : sentence[i]!.options[0]!.id);
  // A heading's words are words (MỤC TIÊU), which the OCR misreads more often than lower case,
  // since capitals leave their marks less room.
  const baseRate = rate * REAL_WORD_SHARE * (heading ? CAPITALS_FACTOR : 1);
  return sentence.map((slot, i) => {
    const p = printed[i];
    if (p === undefined || slot.options.length !== 1 || !/^\p{L}+$/u.test(p)) return slot;
    // Capitals in running text are acronyms, which the LM knows least.
    if ((p.match(/\p{Lu}/gu) ?? []).length > 1 && !heading) return slot;
    const lower = p.toLowerCase();
    if (!isValidSyllable(lower)) return slot;
    const keep = slot.options[0]!;
    const [u, l, r] = [idAt(i - 2), idAt(i - 1), idAt(i + 1)];
    const fit = (w: number): number => lm.cost(u, l, w) + lm.cost(l, w, r);
    const keepFit = fit(keep.id);
    const misreadRate = evidence?.rate(lower, baseRate) ?? baseRate;
    const changeCost = -Math.log(misreadRate);
    // A reading wins only if the LM pays for its channel cost and prior: fit + channel < budget.
    const budget = keepFit - changeCost;
    // Evidence counts only what the base prior alone decides clearly, so a form's rate cannot feed itself.
    const baseBudget = keepFit + Math.log(baseRate) - CLEAR_ODDS;
    let misread = false;
    const alternatives: SlotOption[] = [];
    const consider = (id: number, word: string, channel: number, altFit: number): void => {
      if (altFit + channel >= budget) return;
      alternatives.push({ id, word, cost: channel + changeCost });
      if (altFit + channel < baseBudget) misread = true;
    };
    for (const variant of dict.candidates.markVariants(lower)) {
      // LM costs are ≥ 0: a variant whose channel cost alone exceeds the budget cannot win.
      if (variant.cost > MAX_VARIANT_COST || variant.cost >= budget) continue;
      if (variant.id !== keep.id) consider(variant.id, variant.word, variant.cost, fit(variant.id));
    }
    // A word its context rejects outright may be a letter misread too (dữ lệu, dữ hệu for dữ liệu, hạ
    // hằng for hạ tầng): the words its neighbours most expect are tried, priced by the channel.
    if (budget > MIN_LETTER_COST) {
      for (const neighbours of [lm.neighbours(l, 'after'), lm.neighbours(r, 'before')]) {
        for (const id of neighbours) {
          // The fit is cheaper than the channel and rules most expected words out first, often on its first term.
          const left = lm.cost(u, l, id);
          if (left + MIN_LETTER_COST >= budget) continue;
          const altFit = left + lm.cost(l, id, r);
          if (altFit + MIN_LETTER_COST >= budget || id === keep.id || alternatives.some((a) => a.id === id)) continue;
          if (!lm.isLetterWord(id)) continue;
          const word = lm.vocabulary[id]!;
          const channel = dict.candidates.cost(lower, word);
          if (channel <= MAX_NEAR_COST) consider(id, word, channel, altFit);
        }
      }
    }
    evidence?.record(lower, misread);
    if (alternatives.length === 0) return slot;
    return { ...slot, options: [{ ...keep, cost: -Math.log(1 - misreadRate) }, ...alternatives] };
  });
}
