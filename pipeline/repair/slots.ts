import { abbreviationKey, type ChannelCandidate } from './candidates.ts';
import type { SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { NUM, lmWord } from './lm-tokens.ts';
import { isMeasureOrFormula } from './measures.ts';
import { hasVietnameseMarks, isLoanSyllable, isValidSyllable, spellsSyllable, stripDiacritics } from './orthography.ts';
import { romanWithLatinI } from '../model/roman.ts';

/** Candidates the decoder considers per printed word. */
const CANDIDATES = 12;
/** Cost of keeping a printed form that is no Vietnamese syllable nor known word. */
const UNKNOWN_WORD_COST = 9;
/** Printed tokens longer than this are kept as they are (URLs, run-on garbage). */
const MAX_WORD_LENGTH = 24;
/** Splits are tried for printed tokens this long whose best single reading costs more than this. */
const MIN_SPLIT_LENGTH = 4;
const SPLIT_WHEN_ABOVE = 2.5;
/** Cost of a missing space, and how many split readings the decoder sees. */
const SPLIT_COST = 1.0;
const SPLIT_CANDIDATES = 3;
const SPLIT_OPTIONS = 4;
/** Channel cost within which a candidate differs from its printed syllable by marks only (đẩu for đầu). */
const MARKS_ONLY_COST = 1.5;
/** Cost of changing a printed initial capital (see {@link initialCapitalCost}). */
const INITIAL_CAPITAL_COST = 1.5;
/** Cost of keeping a lone letter that is no word. */
const LONE_LETTER_COST = 3;
/** Extra cost of reading a printed number as a word (56 → số): digits usually are digits. */
const NUMBER_AS_WORD_COST = 2.5;
/**
 * Share of a passage's error rate that a printed valid word without marks carries, were it
 * written so: OCR damage falls on marks, and a word without them has only its letters to lose. On
 * aligned English-model OCR, 2.3% (seed 001) and 0.5% (the seeds' and written documents'
 * renderings) of the words written without marks came out misprinted, against 99.9% of those with
 * marks. The share is set well above that, for scans worse than those, where letters break too.
 * Priced at the whole rate, a valid word OCR read right lost to the context's likelier word
 * (`ven biển` read as văn bản, `cao điểm` as các điểm).
 */
const UNMARKED_KEEP_SHARE = 0.2;
/** The same share for a printed valid word with marks: written so, it still had its marks to lose. */
const MARKED_KEEP_SHARE = 0.6;
/** Error rate under which valid printed words are taken as they are, without alternatives. */
const TRUST_BELOW = 0.05;

/** True when a passage's error rate is low enough to take its valid printed words as they are. */
export function trustsPrinted(errorRate: number): boolean {
  return errorRate < TRUST_BELOW;
}
/** Channel cost above which a candidate is not a plausible misreading at all. */
export const MAX_CHANNEL_COST = 6;
/** Readings costlier than a slot's cheapest by more than this are dropped: context rarely pays that much. */
const OPTION_MARGIN = 5;

/** Keeps the printed form (first) and every option within the margin of the cheapest. */
function pruned(options: SlotOption[]): WordReading {
  const best = Math.min(...options.map((o) => o.cost));
  return { kind: 'choose', options: options.filter((o, i) => i === 0 || o.cost <= best + OPTION_MARGIN) };
}

const VOWEL = /[AEIOUY]/;
/** Acronyms joined by & for và, as agencies' names are shortened (KH&CN, LĐTB&XH). */
const JOINED_ACRONYM = /^\p{Lu}{2,}(?:&\p{Lu}{2,})+$/u;

/** Channel cost within which a Vietnamese word is a likely misreading of a printed one. */
const LIKELY_READING_COST = 2.5;

/**
 * True when some Vietnamese word is a likely misreading away from the printed word (lower case):
 * OCR damage leaves one (dugc, cia, Lmu), a foreign word or a brand name does not (Zalo, Viettel,
 * livestream). Looked up as {@link readWord} does, so the search is memoised for it.
 */
export function hasLikelyReading(lower: string, dict: Dictionary): boolean {
  return lower.length <= MAX_WORD_LENGTH && dict.candidates.lookup(lower, CANDIDATES).some((c) => c.cost <= LIKELY_READING_COST);
}

/** How a printed word span is to be read. */
export type WordReading =
  | { kind: 'fixed'; word: string; id: number }
  | { kind: 'choose'; options: SlotOption[] };

/** Ways OCR prints a barred Đ: P or B for its bowl and bar, or D with the bar read as a P of its own. */
const MISREAD_D = /DP|P|B/g;
/** Most misread-Đ sites tried in one key: each may or may not be one, so tries double per site. */
const MAX_MISREAD_D_SITES = 4;

/**
 * The abbreviation whose Đ OCR printed as P, B or DP (QP, Qb, QDP for QĐ; HPND for HĐND;
 * BGDDPT for BGDĐT), or undefined: each is read as Đ only where the abbreviation has Đ, since
 * many have a P or B of their own (CP, TP, BXD).
 */
function withMisreadD(key: string, dict: Dictionary): string | undefined {
  const sites = [...key.matchAll(MISREAD_D)];
  if (sites.length === 0 || sites.length > MAX_MISREAD_D_SITES) return undefined;
  for (let mask = 1; mask < 1 << sites.length; mask++) {
    let read = '';
    let from = 0;
    const ds: number[] = [];
    sites.forEach((m, i) => {
      if (((mask >> i) & 1) === 0) return;
      read += key.slice(from, m.index);
      ds.push(read.length);
      read += 'D';
      from = m.index + m[0].length;
    });
    read += key.slice(from);
    const known = dict.abbreviationsByKey.get(read);
    // Keys keep one letter per letter, so positions match.
    if (known && ds.every((i) => known[i] === 'Đ')) return known;
  }
  return undefined;
}

/** A printed abbreviation, restored to the dictionary's spelling when OCR damaged it (HDND → HĐND). */
export function readAbbreviation(printed: string, dict: Dictionary): string | undefined {
  // OCR prints capital I as l (Al for AI, VNelD for VNeID): count those as capitals too.
  const capitals = (printed.replace(/l/g, 'I').match(/\p{Lu}/gu) ?? []).length;
  if (capitals < 2 || /\p{Ll}{3,}/u.test(printed)) return undefined;
  if (dict.abbreviations.includes(printed)) return printed;
  // Abbreviations carry no tone marks nor vowel marks (Đ is a letter of its own): a valid syllable
  // with them is a word of a heading in capitals (DỮ), not an abbreviation with its marks misread (ĐU).
  if (hasVietnameseMarks(printed.replace(/[đĐ]/gu, 'd')) && isValidSyllable(printed.toLowerCase())) return undefined;
  const key = abbreviationKey(printed);
  const known = dict.abbreviationsByKey.get(key) ?? withMisreadD(key, dict);
  if (known) return known;
  // A letter in a run of the same letter read once more (MOOOCs for MOOCs): a blurred scan smears the run.
  for (const m of key.matchAll(/(\p{L})\1+/gu)) {
    const stutter = dict.abbreviationsByKey.get(key.slice(0, m.index) + key.slice(m.index + 1));
    if (stutter) return stutter;
  }
  return undefined;
}

/**
 * The readings of one printed word: the printed form itself, priced by how likely the block
 * is to be damaged, and the dictionary's candidates, priced by the channel model.
 */
export function readWord(printed: string, errorRate: number, capsLine: boolean, dict: Dictionary): WordReading {
  const { lm } = dict;
  if (isMeasureOrFormula(printed)) return { kind: 'fixed', word: printed, id: lm.id(lmWord(printed)) };
  const abbreviation = readAbbreviation(printed, dict);
  // In a heading in capitals, a word that only a misread makes an abbreviation (DU for ĐU, LUU for
  // IUU) is more likely a word of the heading (QUẢN LÝ DỮ LIỆU, LƯU TRỮ) if it spells a syllable
  // once its marks are restored: the decoder reads it.
  const headingWord = abbreviation !== undefined && capsLine && abbreviation !== printed && spellsSyllable(printed.toLowerCase());
  if (abbreviation !== undefined && !headingWord) return { kind: 'fixed', word: abbreviation, id: lm.id(abbreviation.toLowerCase()) };

  const lower = printed.toLowerCase();
  const keepWord = lmWord(printed);
  const loan = isLoanSyllable(lower);
  // A loanword's p-syllable the language model has met (đèn pin) is a word, as a syllable is.
  const known = isValidSyllable(lower) || dict.foreignWords.has(lower) || (loan && lm.id(lower) !== lm.unknown);
  // Vietnamese marks on something that is no Vietnamese syllable (Nguêi, Ràsoát) is damage even in
  // clean text: names are syllables (a minority name's p-syllable too), and foreign words carry no such marks.
  const markedNonSyllable = !known && !loan && hasVietnameseMarks(lower) && /^\p{L}+$/u.test(lower);
  // Otherwise clean text is taken as it is: its unknown words are names and terms, not damage. No
  // syllable is as long as MAX_WORD_LENGTH, and searching its deletions grows with its square.
  if ((trustsPrinted(errorRate) && !markedNonSyllable) || lower.length > MAX_WORD_LENGTH) return { kind: 'fixed', word: keepWord, id: lm.id(keepWord) };
  // A Roman numeral numbers a chapter, an appendix or a term (Chương I, Phụ lục V, khóa XV): no
  // damaged word prints as one in running text. In a heading in capitals a numeral that is also a
  // syllable may be a word (ĐƠN VỊ printed DON VI), and is read as one.
  const numeral = romanWithLatinI(printed);
  if (numeral !== undefined && (!capsLine || !isValidSyllable(numeral.toLowerCase()))) return { kind: 'fixed', word: numeral, id: lm.id(numeral.toLowerCase()) };
  // Capitals inside running text are an acronym the dictionary does not know (CSIRT), not a word to
  // respell; so are capitals with no vowel anywhere (CVP, KT), since every syllable has one, and
  // acronyms joined by & for và (KH&CN, NN&MT), on any line.
  if (!known && ((/^\p{Lu}{2,}$/u.test(printed) && (!capsLine || !VOWEL.test(stripDiacritics(printed)))) || JOINED_ACRONYM.test(printed))) {
    return { kind: 'fixed', word: keepWord, id: lm.id(keepWord) };
  }

  const keepError = known ? errorRate * (hasVietnameseMarks(lower) ? MARKED_KEEP_SHARE : UNMARKED_KEEP_SHARE) : 1;
  // A lone letter is often an initial or a list letter (T. Anh, b)), or a word whose vowel OCR lost (B for Bộ).
  const keepCost = known ? -Math.log(1 - keepError) : printed.length === 1 ? LONE_LETTER_COST : UNKNOWN_WORD_COST;
  const changeCost = -Math.log(Math.max(errorRate, 1e-6));
  const options: SlotOption[] = [{ id: lm.id(keepWord), word: keepWord, cost: keepCost }];
  let cheapest = Infinity;
  for (const c of dict.candidates.lookup(lower, CANDIDATES)) {
    cheapest = Math.min(cheapest, c.cost);
    if (c.word === keepWord || c.cost > MAX_CHANNEL_COST) continue;
    options.push({ id: c.id, word: c.word, cost: c.cost + changeCost + initialCapitalCost(printed, c.word) });
  }
  if (!known && (cheapest > SPLIT_WHEN_ABOVE || markedNonSyllable) && [...lower].length >= MIN_SPLIT_LENGTH) options.push(...splitReadings(lower, markedNonSyllable, changeCost, dict));
  return pruned(options);
}

/** Capitals OCR prints for Đ: the only initial capitals it commonly gets wrong. */
const CAPITALS_FOR_D = new Set(['D', 'P']);

/**
 * Extra cost of a reading that changes a printed initial capital: a capital is the largest,
 * clearest letter of a word (B6 Nbi is Bộ Nội, not Sở Nội), except Đ printed as D or P.
 */
export function initialCapitalCost(printed: string, word: string): number {
  const first = printed[0] ?? '';
  if (!/[A-Z]/.test(first)) return 0;
  const target = stripDiacritics(word[0] ?? '').toUpperCase();
  if (target === first || (word.startsWith('đ') && CAPITALS_FOR_D.has(first))) return 0;
  return INITIAL_CAPITAL_COST;
}

/**
 * Readings of a printed word offered from outside the candidate search (the words its context
 * expects, a name list's syllables), priced by the channel like any candidate; a word the channel
 * cannot turn into the printed form within `maxCost` is left out.
 */
export function offeredReadings(printed: string, offered: Iterable<readonly [id: number, word: string]>, maxCost: number, changeCost: number, dict: Dictionary): SlotOption[] {
  const lower = printed.toLowerCase();
  const out: SlotOption[] = [];
  for (const [id, word] of offered) {
    const cost = dict.candidates.cost(lower, word);
    if (cost <= maxCost) out.push({ id, word, cost: cost + changeCost + initialCapitalCost(printed, word) });
  }
  return out;
}

/**
 * Readings of a printed token OCR ran together, cheapest first: two words (phucvu → phục vụ),
 * and, when the token kept its marks (`marked`), three syllables (bốtrívốn → bố trí vốn). A
 * narrow table cell makes OCR drop the spaces of a whole phrase while it reads its letters well,
 * so three-way cuts only take pieces read as printed or with their marks changed.
 */
function splitReadings(lower: string, marked: boolean, changeCost: number, dict: Dictionary): SlotOption[] {
  const chars = [...lower];
  const out: SlotOption[] = [];
  for (let k = 2; k <= chars.length - 2; k++) {
    const left = dict.candidates.lookup(chars.slice(0, k).join(''), SPLIT_CANDIDATES);
    const right = dict.candidates.lookup(chars.slice(k).join(''), SPLIT_CANDIDATES);
    for (const a of left) {
      for (const b of right) {
        const cost = a.cost + b.cost + SPLIT_COST;
        if (cost <= MAX_CHANNEL_COST) out.push({ leading: [a.id], id: b.id, word: `${a.word} ${b.word}`, cost: cost + changeCost });
      }
    }
  }
  if (marked) out.push(...threeSyllableCuts(chars, changeCost, dict));
  return out.sort((x, y) => x.cost - y.cost).slice(0, SPLIT_OPTIONS);
}

/**
 * Readings of `chars` as three syllables: every cut into three pieces shaped like syllables, each
 * read as one of its cheapest candidates that differ from it by marks at most (a narrow cell's
 * letters are read well, its spaces lost), costing two missing spaces.
 */
function threeSyllableCuts(chars: readonly string[], changeCost: number, dict: Dictionary): SlotOption[] {
  const n = chars.length;
  const readings = (from: number, to: number): readonly ChannelCandidate[] => {
    const text = chars.slice(from, to).join('');
    return spellsSyllable(text) ? dict.candidates.lookup(text, SPLIT_CANDIDATES).filter((c) => c.cost <= MARKS_ONLY_COST) : [];
  };
  // Each first and last piece is read once, whatever the cut between them.
  const firsts = chars.map((_, i) => (i > 0 ? readings(0, i) : []));
  const lasts = chars.map((_, j) => (j > 1 ? readings(j, n) : []));
  const out: SlotOption[] = [];
  for (let i = 1; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) {
      if (firsts[i]!.length === 0 || lasts[j]!.length === 0) continue;
      const middles = readings(i, j);
      for (const a of firsts[i]!) {
        for (const b of middles) {
          for (const c of lasts[j]!) {
            out.push({ leading: [a.id, b.id], id: c.id, word: `${a.word} ${b.word} ${c.word}`, cost: a.cost + b.cost + c.cost + 2 * SPLIT_COST + changeCost });
          }
        }
      }
    }
  }
  return out;
}

/** The readings of a printed number: itself, or in damaged text a word it may stand for (58 → số). */
export function readNumber(printed: string, errorRate: number, atLineStart: boolean, dict: Dictionary): WordReading {
  const { lm } = dict;
  // A number opening a line numbers a row or an item (STT): it is a number, however damaged the text.
  if (trustsPrinted(errorRate) || printed.length > 3 || atLineStart) return { kind: 'fixed', word: printed, id: lm.id(NUM) };
  const changeCost = -Math.log(errorRate) + NUMBER_AS_WORD_COST;
  const options: SlotOption[] = [{ id: lm.id(NUM), word: printed, cost: -Math.log(1 - errorRate) }];
  for (const c of dict.candidates.lookup(printed, CANDIDATES)) {
    if (c.cost > MAX_CHANNEL_COST) continue;
    options.push({ id: c.id, word: c.word, cost: c.cost + changeCost });
  }
  return pruned(options);
}
