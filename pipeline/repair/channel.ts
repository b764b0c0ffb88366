/**
 * The OCR channel: how a Latin-script OCR engine (Tesseract without the Vietnamese model, or a
 * weak scan with it) turns Vietnamese letters into what it prints. Costs are negative log
 * probabilities in nats, so they add with language-model costs.
 *
 * The rules are visual, not lexical: marks above a vowel are lost or swapped (ê→é); a dot
 * below turns a vowel into a letter with a descender (ụ→y, ộ→9/g, ị→j, ạ→q); digits and
 * symbols stand for round vowels with marks (ố→6, á→4, ổ→3, ở→¢/&); ư is read as w, u or ir;
 * Đ as P or D; l as 1 or I.
 */

/** A letter split into its base, its modifier (â ă ê ô ơ ư đ) and its tone. */
export interface Unit {
  base: string;
  modifier: string;
  tone: string;
}

const DOT_BELOW = '\u0323';
/** Tones above a vowel that a Latin OCR turns into an accent of its own (é): acute, hook, tilde. A grave it drops. */
const CROWNING_TONES = new Set(['\u0301', '\u0309', '\u0303']);

/** Marks each base letter can carry. */
const VARIANT_MODIFIERS: Record<string, string[]> = { a: ['', '\u0302', '\u0306'], e: ['', '\u0302'], o: ['', '\u0302', '\u031b'], u: ['', '\u031b'], d: ['', 'đ'] };
const VARIANT_TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** The least a clean-unit cost takes over every marked variant of `base` (d and đ for d). */
function cheapestVariant(base: string, cost: (c: Unit) => number): number {
  let best = Infinity;
  const tones = VOWEL_LOOKALIKES[base] ? VARIANT_TONES : [''];
  for (const modifier of VARIANT_MODIFIERS[base] ?? ['']) {
    for (const tone of tones) best = Math.min(best, cost({ base, modifier, tone }));
  }
  return best;
}

/**
 * Cheapest substitution of `o` for any marked variant of `base`: scored against a skeleton's
 * letters, it bounds the channel cost of every word with that skeleton from below.
 */
export function familySubstituteCost(o: Unit, base: string): number {
  return cheapestVariant(base, (c) => substituteCost(o, c));
}

/** Cheapest deletion of any marked variant of `base`: the skeleton's bound, as {@link familySubstituteCost}. */
export function familyDeleteCost(base: string): number {
  return cheapestVariant(base, deleteCost);
}

/**
 * Letters a marked vowel family may be printed as by a Latin OCR, with their cost. A letter or a
 * digit is listed where aligned OCR shows it (see {@link CONSONANT_LOOKALIKES}), or for a dot below
 * read as a descender (ị → j); symbols are kept as written from Tesseract's behaviour.
 */
const VOWEL_LOOKALIKES: Record<string, Record<string, number>> = {
  a: { '4': 1.0, '3': 1.4, '@': 1.0, d: 1.3, i: 1.6, '&': 1.6, q: 1.2, e: 1.5 },
  o: { '0': 0.7, '6': 0.9, '9': 1.0, '8': 1.1, '5': 1.4, '3': 1.4, '&': 1.2, '¢': 1.2, g: 1.3, q: 1.4, e: 1.5, a: 1.5, c: 1.6, d: 1.5, b: 1.7 },
  e: { '&': 1.0, '€': 0.9, '£': 1.2, g: 1.5 },
  u: { w: 0.8, y: 1.0, v: 1.3, i: 1.6, r: 1.6, '¢': 1.8, t: 1.8 },
  i: { '1': 0.8, l: 0.9, j: 1.0, '|': 1.0, '!': 1.1, t: 1.4, r: 1.6, '¥': 1.6 },
  y: { '¥': 0.8 },
};

/** Extra cost by which a lookalike is less likely when the vowel carries no mark at all. */
const PLAIN_VOWEL_PENALTY = 0.9;
/** Extra cost of an accented lookalike (é) for a vowel no mark crowns (a, à, ạ), which a Latin OCR prints plain. */
const UNCROWNED_ACCENT_PENALTY = 3.0;

/**
 * What a Latin OCR prints for the barred Đ đ: P for its bowl and bar, b for its stroke across the
 * stem and bowl (Điều printed biéu at a line's start), ¢ or 6 when blurred. A plain d prints as d:
 * none of 458 aligned plain d's printed otherwise.
 */
const BARRED_D_LOOKALIKES: Record<string, number> = { p: 1.0, '¢': 1.4, '6': 1.5, a: 1.8, '0': 1.8, b: 1.5 };

/**
 * Consonants a Latin OCR confuses with other characters. Counted on aligned tokens of seed 001 (a
 * real scan) and the English-model OCR of the seeds and the written documents (1,900 to 5,100
 * each of t, h, g, c, n): one plain letter read as another (t as f, h as b, g as q, r as t,
 * v as y) never occurred, so only the confusions seen (c → e, n → m, l → 1 or i, s → 5) are
 * cheap, with the symbols Tesseract prints for them (which those tokens leave out, so they were
 * not counted); any other costs {@link SUBSTITUTE_COST}.
 */
const CONSONANT_LOOKALIKES: Record<string, Record<string, number>> = {
  l: { '1': 0.8, i: 0.9, I: 0.9, '|': 0.8, '!': 1.2 },
  n: { m: 1.5 },
  c: { e: 1.3, '¢': 1.0, '(': 1.6 },
  s: { '5': 1.0, '$': 0.8, '§': 0.9, '8': 1.6 },
  b: { '6': 1.2, '8': 1.2 },
};

/** Sequences of two printed characters that stand for one letter. */
const TWO_FOR_ONE: Record<string, Record<string, number>> = {
  u: { ir: 0.8, ur: 1.0, tr: 1.3, it: 1.3, if: 1.3, 'i¥': 1.2, ii: 1.4, iu: 1.5, tt: 1.6 },
  m: { rn: 0.6, in: 1.4, nn: 1.5 },
  d: { cl: 0.8 },
  o: { '01': 1.5 },
  h: { li: 1.2 },
};

/**
 * Single printed letters that stand for two clean ones: w for ươ and y for uy (a Latin OCR's
 * nearest letter for the pair), h for li (the ascender of l and the stem of i run together in
 * a blurred scan, so liệu prints as hệu). Keyed by printed letter, then the clean pair's first
 * and second letters.
 */
const ONE_FOR_TWO: Record<string, Record<string, Record<string, number>>> = {
  w: { u: { o: 1.0 } },
  y: { u: { y: 1.0 } },
  h: { l: { i: 1.2 } },
};

const MARK_COST = 0.35;
const MISSING_TONE_COST = 0.2;
const INSERT_COST = 2.2;
const INSERT_SYMBOL_COST = 0.9;
const DELETE_COST = 2.4;
/** A vowel with two marks stacked (ổ, ậ, ữ) is the glyph an OCR most often drops outright. */
const DELETE_STACKED_COST = 2.0;
const SUBSTITUTE_COST = 3.0;
/**
 * A consonant dropped, or printed where none was written, costs more than a vowel: on aligned
 * English-model OCR (seed 001 and the seeds' and written documents' renderings, 12,800 words) a
 * consonant went missing once in 350 words, and one was printed before a word's first letter once
 * in 1,600; most letters printed from nothing inside a word were the second of a pair read for ư
 * (ir, tr, it: {@link TWO_FOR_ONE}). Priced as vowels, a valid word lost a letter to become a
 * likelier one (van → an, chong → công). The barred Đ is the exception: seed 001's scan lost a
 * word's first Đ 8 times in 26.
 */
const CONSONANT_INDEL_COST = 3.5;
const CONSONANT_LETTER = /[b-df-hj-np-tv-xz]/;

/** Cost of reading the clean unit `c` as the printed unit `o` (both single base characters). */
export function substituteCost(o: Unit, c: Unit): number {
  const marked = c.modifier !== '' || c.tone !== '';
  if (o.base === c.base) {
    if (o.modifier === c.modifier && o.tone === c.tone) return 0;
    let cost = 0;
    if (o.modifier !== c.modifier) cost += o.modifier === '' ? MARK_COST : MARK_COST * 2;
    if (o.tone !== c.tone) cost += o.tone === '' ? MISSING_TONE_COST : MARK_COST * 2;
    return cost;
  }
  const vowel = VOWEL_LOOKALIKES[c.base];
  let cost = vowel?.[o.base] ?? CONSONANT_LOOKALIKES[c.base]?.[o.base];
  if (c.modifier === 'đ') cost = Math.min(cost ?? Infinity, BARRED_D_LOOKALIKES[o.base] ?? Infinity);
  if (cost === undefined || cost === Infinity) return SUBSTITUTE_COST;
  // A dot below makes descender lookalikes (y, g, q, j, 9) likely; marks above make digits likely.
  if (vowel && c.tone === DOT_BELOW && 'ygqj9'.includes(o.base)) cost -= 0.4;
  // A Latin OCR prints an accented lookalike (é: the lookalike e with a tone of its own; lookalikes are
  // looked up by base letter) for a letter crowned by a mark it cannot place
  // (ấ, á, ể), not for one whose only mark is a grave or a dot below (à, ạ: it prints a).
  const crowned = c.modifier !== '' || CROWNING_TONES.has(c.tone);
  if (vowel && o.tone !== '' && !crowned) cost += UNCROWNED_ACCENT_PENALTY;
  else if (vowel && !marked) cost += PLAIN_VOWEL_PENALTY;
  return cost;
}

/** Cost of OCR dropping the clean unit `c`. */
export function deleteCost(c: Unit): number {
  if (CONSONANT_LETTER.test(c.base) && c.modifier !== 'đ') return CONSONANT_INDEL_COST;
  return c.modifier !== '' && c.modifier !== 'đ' && c.tone !== '' ? DELETE_STACKED_COST : DELETE_COST;
}

/** Cost of OCR printing `o` where nothing was written. */
export function insertCost(o: Unit): number {
  if (CONSONANT_LETTER.test(o.base)) return CONSONANT_INDEL_COST;
  return /[\p{L}\p{N}]/u.test(o.base) ? INSERT_COST : INSERT_SYMBOL_COST;
}

/** Printed character pairs that may stand for one clean letter. */
export const PRINTED_PAIRS: readonly string[] = [...new Set(Object.values(TWO_FOR_ONE).flatMap((m) => Object.keys(m)))];

/** Cost of the printed pair `pair` standing for one clean letter with base `cleanBase`, if it can. */
export function twoForOneCost(cleanBase: string, pair: string): number | undefined {
  return TWO_FOR_ONE[cleanBase]?.[pair];
}

/** Clean letter pairs a single printed letter may stand for (see {@link ONE_FOR_TWO}), as two-letter strings. */
export const CLEAN_PAIRS: readonly string[] = [
  ...new Set(Object.values(ONE_FOR_TWO).flatMap((byFirst) => Object.entries(byFirst).flatMap(([first, bySecond]) => Object.keys(bySecond).map((second) => first + second)))),
];

/** Cost of the printed letter `printedBase` standing for the clean pair `first` + `second`, if it can. */
export function oneForTwoCost(printedBase: string, first: string, second: string): number | undefined {
  return ONE_FOR_TWO[printedBase]?.[first]?.[second];
}
