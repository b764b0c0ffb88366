import levenshtein from 'fast-levenshtein';
import { familySpelling, spell, spellingCost, spellingCosts, type Spelling } from './spelling.ts';
import { BoundOrder } from './bound-order.ts';
import { keepBest } from './keep-best.ts';
import { stripDiacritics } from './orthography.ts';

/**
 * Letters a printed character most likely stands for, used only to *find* candidates; the
 * channel model then scores them properly.
 */
const SKELETON_MAP: Record<string, string> = {
  '0': 'o', '6': 'o', '8': 'o', '9': 'o', '4': 'a', '3': 'a', '2': 'a', '1': 'l', '5': 's', '7': 't',
  w: 'u', '¢': 'o', '&': 'o', '@': 'a', $: 's', '§': 's', '€': 'e', '£': 'e', '¥': 'y', '|': 'l', '!': 'l',
};

/**
 * Printed letter pairs that stand for one letter (chirc → chức, dit → dữ, rn → m): a token's
 * skeleton is also looked up with them replaced.
 */
const PAIR_SKELETONS: [RegExp, string][] = [
  [/ir|ur|it|if|iy|ii/g, 'u'],
  [/rn/g, 'm'],
  [/cl/g, 'd'],
];

/** Lower-case, accent-free letters a printed token is read as, for retrieval. */
export function skeleton(printed: string): string {
  let out = '';
  for (const ch of stripDiacritics(printed.toLowerCase())) {
    const m = SKELETON_MAP[ch];
    if (m) out += m;
    else if (/\p{L}/u.test(ch)) out += ch;
  }
  return out;
}

function deletions(s: string, depth: number, out: Set<string>): void {
  out.add(s);
  if (depth === 0 || s.length <= 1) return;
  for (let i = 0; i < s.length; i++) deletions(s.slice(0, i) + s.slice(i + 1), depth - 1, out);
}

/** How much a word's rarity counts when choosing which candidates the decoder sees. */
const PRIOR_WEIGHT = 0.5;

/** Printed forms whose candidates are remembered (about 2 KB each). */
const CACHE_LIMIT = 100_000;

interface Ranked extends ChannelCandidate {
  rank: number;
}

/** A candidate's place among the kept ones: by rank, ties by word. */
const ranksBefore = (a: Ranked, b: Ranked): boolean => a.rank < b.rank || (a.rank === b.rank && a.word < b.word);

/** How the language model knows a vocabulary word: its id and its cost out of context. */
export interface WordEntry {
  id: number;
  prior: number;
}

/** A vocabulary word under its skeleton, with its LM id and out-of-context cost. */
interface FamilyWord extends WordEntry {
  word: string;
  /** Its spelling, once a lookup has scored it: kept with the word, not found again by name. */
  spelling?: Spelling;
}

/** A candidate clean word for a printed token, with its LM id and the channel cost of the misreading. */
export interface ChannelCandidate {
  word: string;
  id: number;
  cost: number;
}

/**
 * Finds the words of a vocabulary a printed token may be a misreading of: symmetric-deletion
 * lookup over skeletons (edit distance ≤ 2), then the channel cost of each. Results are
 * cached per printed form, since documents repeat their words.
 *
 * Skeletons are numbered in sorted order, so a sorted list of ids is a sorted list of
 * skeletons, whose channel DPs share the rows of their common prefixes.
 */
export class CandidateIndex {
  /** By skeleton id: the skeleton, its words (likeliest first), its family spelling, the weighted prior of its likeliest word. */
  private readonly skeletons: string[];
  private readonly words: FamilyWord[][];
  private readonly families: Spelling[];
  private readonly priors: Float64Array;
  private readonly idOf = new Map<string, number>();
  private readonly byDeletion = new Map<string, Int32Array>();
  private readonly cache = new Map<string, ChannelCandidate[]>();
  private readonly nearCache = new Map<string, Int32Array>();
  private readonly variantCache = new Map<string, ChannelCandidate[]>();
  private readonly spellings = new Map<string, Spelling>();
  /** Per skeleton id, the near-skeleton search that last accepted it (deduplication without a set). */
  private readonly acceptedIn: Int32Array;
  private search = 0;
  /** Scratch for one lookup: the near skeletons' bounds, sized for the largest near list, and their order. */
  private bounds = new Float64Array(256);
  private readonly order = new BoundOrder();

  /**
   * @param words lower-case vocabulary words (syllables, known foreign words).
   * @param entry a word's LM id, and its cost out of context (−ln P), used only to rank which candidates to keep.
   */
  constructor(
    words: Iterable<string>,
    entry: (word: string) => WordEntry,
    private readonly maxDistance = 2,
  ) {
    const bySkeleton = new Map<string, FamilyWord[]>();
    for (const word of words) {
      const sk = stripDiacritics(word);
      const family = { word, ...entry(word) };
      const list = bySkeleton.get(sk);
      if (list) list.push(family);
      else bySkeleton.set(sk, [family]);
    }
    this.skeletons = [...bySkeleton.keys()].sort();
    // Likeliest first: a skeleton's words are scored until even their lower bound cannot place.
    this.words = this.skeletons.map((sk) => bySkeleton.get(sk)!.sort((a, b) => a.prior - b.prior || (a.word < b.word ? -1 : 1)));
    this.families = this.skeletons.map(familySpelling);
    this.priors = Float64Array.from(this.words, (list) => PRIOR_WEIGHT * list[0]!.prior);
    this.acceptedIn = new Int32Array(this.skeletons.length);
    const byDeletion = new Map<string, number[]>();
    this.skeletons.forEach((sk, id) => {
      this.idOf.set(sk, id);
      const dels = new Set<string>();
      deletions(sk, maxDistance, dels);
      for (const d of dels) {
        const list = byDeletion.get(d);
        if (list) list.push(id);
        else byDeletion.set(d, [id]);
      }
    });
    for (const [d, ids] of byDeletion) this.byDeletion.set(d, Int32Array.from(ids));
  }

  private spelling(word: string): Spelling {
    let s = this.spellings.get(word);
    if (!s) {
      s = spell(word);
      this.spellings.set(word, s);
    }
    return s;
  }

  /**
   * The other vocabulary words spelled with the same letters as a lower-case word, whatever
   * their marks (chi: chí, chỉ, chị…), with the channel cost of misreading each as it.
   */
  markVariants(word: string): readonly ChannelCandidate[] {
    let variants = this.variantCache.get(word);
    if (!variants) {
      const printed = this.spelling(word);
      const id = this.idOf.get(stripDiacritics(word));
      variants = (id === undefined ? [] : this.words[id]!)
        .filter((w) => w.word !== word)
        .map((w) => ({ word: w.word, id: w.id, cost: spellingCost(printed, (w.spelling ??= spell(w.word))) }));
      if (this.variantCache.size >= CACHE_LIMIT) this.variantCache.clear();
      this.variantCache.set(word, variants);
    }
    return variants;
  }

  /** Channel cost of one given word for a lower-case printed token (LM-proposed candidates). */
  cost(printed: string, word: string): number {
    return spellingCost(this.spelling(printed), this.spelling(word));
  }

  /**
   * Ids of the skeletons within edit distance 2 (1 for the shortest) of a printed skeleton or
   * its pair readings, ascending. Printed forms that differ only in marks, digits or case share them.
   */
  private nearSkeletons(sk: string): Int32Array {
    const hit = this.nearCache.get(sk);
    if (hit) return hit;
    const variants = new Set<string>();
    if (sk.length > 0) variants.add(sk);
    for (const [re, to] of PAIR_SKELETONS) {
      const v = sk.replace(re, to);
      if (v !== sk && v.length > 0) variants.add(v);
    }
    const search = ++this.search;
    const near: number[] = [];
    for (const v of variants) {
      const limit = v.length <= 2 ? 1 : this.maxDistance;
      const dels = new Set<string>();
      deletions(v, limit, dels);
      for (const d of dels) {
        const ids = this.byDeletion.get(d);
        if (!ids) continue;
        for (const id of ids) {
          if (this.acceptedIn[id] === search || levenshtein.get(v, this.skeletons[id]!) > limit) continue;
          this.acceptedIn[id] = search;
          near.push(id);
        }
      }
    }
    const sorted = Int32Array.from(near).sort();
    if (this.nearCache.size >= CACHE_LIMIT) this.nearCache.clear();
    this.nearCache.set(sk, sorted);
    return sorted;
  }

  /** Candidates for a lower-case printed token, cheapest first, at most `limit` of them. */
  lookup(printed: string, limit: number): ChannelCandidate[] {
    const cacheKey = `${limit}\u0000${printed}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const near = this.nearSkeletons(skeleton(printed));
    const n = near.length;
    if (n > this.bounds.length) this.bounds = new Float64Array(2 * n);
    const { bounds, order } = this;
    const printedSpelling = spell(printed);
    spellingCosts(printedSpelling, near, this.families, bounds);
    for (let k = 0; k < n; k++) bounds[k] = bounds[k]! + this.priors[near[k]!]!;
    // Lower bounds first: a skeleton whose best case cannot beat the current top `limit` ends the
    // search, and a word whose own bound cannot ends its skeleton's words (the rarer ones after it).
    order.reset(bounds, n);
    const found: Ranked[] = [];
    for (let k = order.next(); k >= 0; k = order.next()) {
      const bound = bounds[k]!;
      if (found.length >= limit && bound > found[limit - 1]!.rank) break;
      const id = near[k]!;
      const floor = bound - this.priors[id]!;
      for (const family of this.words[id]!) {
        const { word, prior } = family;
        if (found.length >= limit && floor + PRIOR_WEIGHT * prior > found[limit - 1]!.rank) break;
        const cost = spellingCost(printedSpelling, (family.spelling ??= spell(word)));
        keepBest(found, { word, id: family.id, cost, rank: cost + PRIOR_WEIGHT * prior }, limit, ranksBefore);
      }
    }
    const result = found.map(({ word, id, cost }) => ({ word, id, cost }));
    // A long batch meets endless distinct garbage: bound the memo rather than let it grow.
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }
}

/** Key under which abbreviations are compared: upper case, no marks, I/l/1 and O/0 folded. */
export function abbreviationKey(token: string): string {
  return stripDiacritics(token).toUpperCase().replace(/[L1|!]/g, 'I').replace(/0/g, 'O');
}
