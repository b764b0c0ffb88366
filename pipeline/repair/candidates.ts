import { channelCost } from './channel.ts';
import { stripDiacritics } from './orthography.ts';

/**
 * Letters a printed character most likely stands for, used only to *find* candidates; the
 * channel model then scores them properly.
 */
const SKELETON_MAP: Record<string, string> = {
  '0': 'o', '6': 'o', '8': 'o', '9': 'o', '4': 'a', '3': 'a', '2': 'a', '1': 'l', '5': 's', '7': 't',
  w: 'u', '¢': 'o', '&': 'e', '@': 'a', $: 's', '§': 's', '€': 'e', '£': 'e', '¥': 'y', '|': 'l', '!': 'l',
};

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
const PRIOR_WEIGHT = 0.3;

/** A candidate clean word for a printed token, with the channel cost of the misreading. */
export interface ChannelCandidate {
  word: string;
  cost: number;
}

/**
 * Finds the words of a vocabulary a printed token may be a misreading of: symmetric-deletion
 * lookup over skeletons (edit distance ≤ 2), then the channel cost of each. Results are
 * cached per printed form, since documents repeat their words.
 */
export class CandidateIndex {
  private readonly bySkeleton = new Map<string, string[]>();
  private readonly byDeletion = new Map<string, string[]>();
  private readonly cache = new Map<string, ChannelCandidate[]>();

  /**
   * @param words lower-case vocabulary words (syllables, known foreign words).
   * @param prior cost of a word out of context (−ln P), used only to rank which candidates to keep.
   */
  constructor(
    words: Iterable<string>,
    private readonly prior: (word: string) => number,
    private readonly maxDistance = 2,
  ) {
    for (const w of words) {
      const sk = stripDiacritics(w);
      const list = this.bySkeleton.get(sk);
      if (list) list.push(w);
      else this.bySkeleton.set(sk, [w]);
    }
    for (const sk of this.bySkeleton.keys()) {
      const dels = new Set<string>();
      deletions(sk, maxDistance, dels);
      for (const d of dels) {
        const list = this.byDeletion.get(d);
        if (list) list.push(sk);
        else this.byDeletion.set(d, [sk]);
      }
    }
  }

  /** Candidates for a lower-case printed token, cheapest first, at most `limit` of them. */
  lookup(printed: string, limit: number): ChannelCandidate[] {
    const cacheKey = `${limit}\u0000${printed}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const sk = skeleton(printed);
    const skeletons = new Set<string>();
    if (sk.length > 0) {
      const dels = new Set<string>();
      deletions(sk, this.maxDistance, dels);
      for (const d of dels) for (const s of this.byDeletion.get(d) ?? []) skeletons.add(s);
    }
    const found: (ChannelCandidate & { rank: number })[] = [];
    for (const s of skeletons) {
      for (const word of this.bySkeleton.get(s)!) {
        const cost = channelCost(printed, word);
        found.push({ word, cost, rank: cost + PRIOR_WEIGHT * this.prior(word) });
      }
    }
    found.sort((a, b) => a.rank - b.rank || (a.word < b.word ? -1 : 1));
    const result = found.slice(0, limit).map(({ word, cost }) => ({ word, cost }));
    this.cache.set(cacheKey, result);
    return result;
  }
}

/** Key under which abbreviations are compared: upper case, no marks, I/l/1 and O/0 folded. */
export function abbreviationKey(token: string): string {
  return stripDiacritics(token).toUpperCase().replace(/[L1|!]/g, 'I').replace(/0/g, 'O');
}
