import type { BigramParts, LanguageModel } from './lm.ts';

/** One reading of a slot: an LM token and the channel cost of having printed it as seen. */
export interface SlotOption {
  /** LM token id (the second word's, when the option splits the printed token in two). */
  id: number;
  /** LM token id of the first word, when the option reads one printed token as two words. */
  first?: number;
  /** Word as it should be written (lower case for words; casing is restored later). */
  word: string;
  /** −ln P(printed | word) plus the prior of the option's kind (keep, alternative). */
  cost: number;
}

/** A position of the sentence: its possible readings. The first option is the printed form. */
export interface Slot {
  options: SlotOption[];
}

/** States kept per position: enough for the trigram history to matter, small enough to be fast. */
const BEAM = 10;
/**
 * States scoring worse than the position's best by more than this (nats, e^-10 ≈ 1/22,000) are
 * dropped as well: on damaged text this halves the work and changes no measured reading.
 */
const BEAM_WIDTH = 10;

interface State {
  /** Option index at i-1 (-1: sentence start) and at i. */
  prev: number;
  cur: number;
  score: number;
  /** Index of the predecessor state in the previous column. */
  back: number;
}

/** The two LM ids before the next slot: the state's words, or both words of a split option. */
function history(s: State, curOptions: SlotOption[] | undefined, prevOptions: SlotOption[] | undefined, bos: number): [number, number] {
  const cur = s.cur >= 0 ? curOptions?.[s.cur] : undefined;
  if (!cur) return [bos, bos];
  if (cur.first !== undefined) return [cur.first, cur.id];
  const prev = s.prev >= 0 ? prevOptions?.[s.prev] : undefined;
  return [prev ? prev.id : bos, cur.id];
}

/** The LM id a slot option is entered with: its first word when it splits the printed token. */
const entryId = (o: SlotOption): number => o.first ?? o.id;

/** The best `BEAM` of the recombined states of one position, best first, within `BEAM_WIDTH` of the best. */
function survivors(best: Float64Array, back: Int32Array, n: number): State[] {
  const kept: number[] = [];
  for (let key = 0; key < best.length; key++) {
    const score = best[key]!;
    if (score === Infinity) continue;
    if (kept.length === BEAM && score >= best[kept[BEAM - 1]!]!) continue;
    let j = kept.length < BEAM ? kept.length : BEAM - 1;
    while (j > 0 && best[kept[j - 1]!]! > score) {
      kept[j] = kept[j - 1]!;
      j--;
    }
    kept[j] = key;
  }
  const limit = best[kept[0]!]! + BEAM_WIDTH;
  const states: State[] = [];
  for (const key of kept) {
    if (best[key]! > limit) break;
    states.push({ prev: Math.floor(key / n) - 1, cur: key % n, score: best[key]!, back: back[key]! });
  }
  return states;
}

/**
 * Best reading of a sentence under channel + trigram LM costs: beam search over
 * (previous option, current option) states, recombining equal histories.
 * Returns the chosen option index per slot.
 */
export function decodeSentence(slots: Slot[], lm: LanguageModel): number[] {
  if (slots.length === 0) return [];
  // Nothing to choose: every slot has one reading (clean text).
  if (slots.every((s) => s.options.length === 1)) return new Array<number>(slots.length).fill(0);
  const columns: State[][] = [];
  let column: State[] = [{ prev: -1, cur: -1, score: 0, back: -1 }];
  let costs = new Float64Array(64);
  for (let i = 0; i < slots.length; i++) {
    const options = slots[i]!.options;
    const n = options.length;
    // Options cheapest first, so a state stops at the first option that can no longer survive.
    const order = options.map((_, k) => k).sort((a, b) => options[a]!.cost - options[b]!.cost);
    const ws = Int32Array.from(order, (k) => entryId(options[k]!));
    if (n > costs.length) costs = new Float64Array(2 * n);
    const prevOptions = i > 0 ? slots[i - 1]!.options : undefined;
    const prev2Options = i > 1 ? slots[i - 2]!.options : undefined;
    // Recombined states by (option at i-1, option at i): the only history the next step sees.
    const best = new Float64Array(((prevOptions?.length ?? 0) + 1) * n).fill(Infinity);
    const back = new Int32Array(best.length);
    // States ending in the same word share the bigram-level part of every transition.
    const parts = new Map<number, BigramParts>();
    // LM costs are ≥ 0, so a transition whose state and channel costs alone exceed the best score
    // found so far by BEAM_WIDTH cannot survive. States come best first: each considers fewer options.
    let bestSoFar = Infinity;
    for (let si = 0; si < column.length; si++) {
      const s = column[si]!;
      let m = 0;
      while (m < n && s.score + options[order[m]!]!.cost <= bestSoFar + BEAM_WIDTH) m++;
      if (m === 0) break;
      const [u, v] = history(s, prevOptions, prev2Options, lm.bos);
      let vParts = parts.get(v);
      if (!vParts || vParts.domain.length < m) parts.set(v, (vParts = lm.bigramParts(v, ws, m)));
      lm.costsAfter(u, v, ws, m, vParts, costs);
      const base = (s.cur + 1) * n;
      for (let j = 0; j < m; j++) {
        const k = order[j]!;
        const o = options[k]!;
        let score = s.score + o.cost + costs[j]!;
        if (o.first !== undefined) score += lm.cost(v, o.first, o.id);
        if (score < bestSoFar) bestSoFar = score;
        if (score < best[base + k]!) {
          best[base + k] = score;
          back[base + k] = si;
        }
      }
    }
    columns.push(column);
    column = survivors(best, back, n);
  }
  // Close the sentence.
  const last = slots[slots.length - 1]!.options;
  const beforeLast = slots.length > 1 ? slots[slots.length - 2]!.options : undefined;
  let best = 0;
  let bestScore = Infinity;
  column.forEach((s, si) => {
    const [u, v] = history(s, last, beforeLast, lm.bos);
    const score = s.score + lm.cost(u, v, lm.eos);
    if (score < bestScore) {
      bestScore = score;
      best = si;
    }
  });
  const chosen = new Array<number>(slots.length);
  let state: State | undefined = column[best];
  for (let i = slots.length - 1; i >= 0 && state; i--) {
    chosen[i] = state.cur;
    state = columns[i]![state.back];
  }
  return chosen;
}

/** The LM words an option stands for: two when it splits the printed token. */
const wordsOf = (o: SlotOption): number[] => (o.first !== undefined ? [o.first, o.id] : [o.id]);

/**
 * Confidence of each chosen option: its share of probability among the slot's options with
 * the chosen neighbours held fixed (channel cost and every trigram its words take part in).
 */
export function slotConfidences(slots: Slot[], chosen: number[], lm: LanguageModel): number[] {
  const words = slots.map((slot, i) => wordsOf(slot.options[chosen[i]!]!));
  /** The two chosen words before slot i, sentence start padded. */
  const before = (i: number): number[] => {
    const out: number[] = [];
    for (let k = i - 1; k >= 0 && out.length < 2; k--) out.unshift(...words[k]!);
    while (out.length < 2) out.unshift(lm.bos);
    return out.slice(-2);
  };
  /** The next two chosen words after slot i, the sentence end counting as one. */
  const after = (i: number): number[] => {
    const out: number[] = [];
    for (let k = i + 1; k < slots.length && out.length < 2; k++) out.push(...words[k]!);
    if (out.length < 2) out.push(lm.eos);
    return out.slice(0, 2);
  };
  return slots.map((slot, i) => {
    if (slot.options.length === 1) return 1;
    const [left, right] = [before(i), after(i)];
    const scores = slot.options.map((o) => {
      const seq = [...left, ...wordsOf(o), ...right];
      let s = o.cost;
      for (let k = 2; k < seq.length; k++) s += lm.cost(seq[k - 2]!, seq[k - 1]!, seq[k]!);
      return s;
    });
    const min = Math.min(...scores);
    const total = scores.reduce((acc, s) => acc + Math.exp(min - s), 0);
    return Math.exp(min - scores[chosen[i]!]!) / total;
  });
}
