import { BigramPartsStore, type BigramParts } from './bigram-parts.ts';
import type { LanguageModel } from './lm.ts';

/** One reading of a slot: an LM token and the channel cost of having printed it as seen. */
export interface SlotOption {
  /** LM token id (the last word's, when the option reads the printed token as several words). */
  id: number;
  /** LM token ids of the words before the last, when the option reads one printed token as two or three words. */
  leading?: readonly number[];
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

/**
 * The beam's states, column after column, in flat arrays reused from sentence to sentence: a
 * document decodes tens of thousands of states, and an object each would be garbage. State t:
 * the option index at i-1 (-1: sentence start) and at i, its score, and the index of its
 * predecessor among all states.
 */
class BeamStates {
  prev = new Int32Array(1024);
  cur = new Int32Array(1024);
  score = new Float64Array(1024);
  back = new Int32Array(1024);
  count = 0;

  push(prev: number, cur: number, score: number, back: number): void {
    if (this.count === this.prev.length) this.grow();
    const t = this.count++;
    this.prev[t] = prev;
    this.cur[t] = cur;
    this.score[t] = score;
    this.back[t] = back;
  }

  private grow(): void {
    const size = 2 * this.prev.length;
    const into = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.prev = into(this.prev, new Int32Array(size));
    this.cur = into(this.cur, new Int32Array(size));
    this.score = into(this.score, new Float64Array(size));
    this.back = into(this.back, new Int32Array(size));
  }
}

/**
 * A slot's options by the least they can cost (channel cost plus the LM's floor for their words),
 * the LM id each is entered with (its first word when it splits the printed token), and that least cost.
 */
interface OptionOrder {
  order: number[];
  ws: number[];
  least: number[];
  /**
   * The LM parts of these words after each previous word met so far: a document repeats its
   * word pairs, so most transitions find theirs here.
   */
  after: Map<number, BigramParts>;
  /** Each option's (last) LM word, in option order, and the LM parts of a next word after them. */
  last: number[];
  before: Map<number, BigramParts>;
}

/** Scratch for one position's recombined states, reused from position to position. */
let bestScratch = new Float64Array(256);
let backScratch = new Int32Array(256);
let costsScratch = new Float64Array(64);
const keptScratch = new Int32Array(BEAM);

/**
 * Appends to `states` the best `BEAM` of the `size` recombined states of one position, best
 * first, within `BEAM_WIDTH` of the best; `back` holds predecessor indices among all states.
 */
function pushSurvivors(states: BeamStates, best: Float64Array, back: Int32Array, n: number, size: number): void {
  const kept = keptScratch;
  let count = 0;
  for (let key = 0; key < size; key++) {
    const score = best[key]!;
    if (score === Infinity) continue;
    if (count === BEAM && score >= best[kept[BEAM - 1]!]!) continue;
    let j = count < BEAM ? count++ : BEAM - 1;
    while (j > 0 && best[kept[j - 1]!]! > score) {
      kept[j] = kept[j - 1]!;
      j--;
    }
    kept[j] = key;
  }
  const limit = best[kept[0]!]! + BEAM_WIDTH;
  for (let j = 0; j < count; j++) {
    const key = kept[j]!;
    if (best[key]! > limit) break;
    states.push(Math.floor(key / n) - 1, key % n, best[key]!, back[key]!);
  }
}

/** The LM words an option stands for: several when it splits the printed token. */
const wordsOf = (o: SlotOption): number[] => (o.leading ? [...o.leading, o.id] : [o.id]);

/** The word an option opens with: its first when it splits the printed token. */
export const openingWord = (o: SlotOption): number => o.leading?.[0] ?? o.id;

/** The word before an option's last: its own when it splits the printed token, else `v`. */
export const wordBeforeLast = (o: SlotOption, v: number): number => (o.leading ? o.leading[o.leading.length - 1]! : v);

/** Scratch of {@link SentenceDecoder.confidences}, grown as needed. */
const scratch = {
  entry: new Float64Array(64),
  scores: new Float64Array(64),
  next: [0],
  nextParts: { data: new Float64Array(3), at: 0, size: 1, filled: 0 },
};

/** Least gain (nats) for which {@link SentenceDecoder.read} switches a slot: more than rounding. */
const SWITCH_GAIN = 1e-9;

/** Bytes of shared LM parts a decoder keeps before it starts afresh: bounds a huge document's memory. */
const PARTS_LIMIT = 64 * 2 ** 20;

/**
 * Decodes the sentences of one document. Readings are memoised per printed form, so option
 * lists repeat through a document: each is ordered once, and the LM parts of its words after
 * (and before) a given word are computed once, then shared by every sentence that meets them.
 */
export class SentenceDecoder {
  private readonly orders = new Map<SlotOption[], OptionOrder>();
  private readonly store = new BigramPartsStore();
  private readonly states = new BeamStates();

  constructor(private readonly lm: LanguageModel) {}

  private forgetPastLimit(): void {
    if (this.store.bytes < PARTS_LIMIT) return;
    this.orders.clear();
    this.store.clear();
  }

  private optionOrder(options: SlotOption[]): OptionOrder {
    let o = this.orders.get(options);
    if (o) return o;
    const floor = this.lm.floorCost;
    const n = options.length;
    // Plain arrays: a document makes thousands of these, and typed arrays are slow to allocate.
    o = { order: new Array<number>(n).fill(0), ws: new Array<number>(n).fill(0), least: new Array<number>(n).fill(0), after: new Map(), last: options.map((x) => x.id), before: new Map() };
    const { order, ws, least } = o;
    // Insertion sort, stable: lists are short, and a comparator call costs more than the sort.
    for (let k = 0; k < n; k++) {
      const x = options[k]!;
      const w = openingWord(x);
      let cost = x.cost + floor[x.id]!;
      for (const l of x.leading ?? []) cost += floor[l]!;
      let j = k;
      for (; j > 0 && least[j - 1]! > cost; j--) {
        order[j] = order[j - 1]!;
        ws[j] = ws[j - 1]!;
        least[j] = least[j - 1]!;
      }
      order[j] = k;
      ws[j] = w;
      least[j] = cost;
    }
    this.orders.set(options, o);
    return o;
  }

  /** The LM parts of an option list's first `m` words (in {@link OptionOrder}) after the word `v`. */
  private partsAfter(o: OptionOrder, v: number, m: number): BigramParts {
    let parts = o.after.get(v);
    if (!parts) {
      parts = this.store.take(o.ws.length);
      o.after.set(v, parts);
    }
    this.lm.bigramParts(v, o.ws, m, parts);
    return parts;
  }

  /** The LM parts of the word `w` after each option's last word, in option order. */
  private partsBefore(o: OptionOrder, w: number): BigramParts {
    let parts = o.before.get(w);
    if (!parts) {
      parts = this.store.take(o.last.length);
      this.lm.bigramPartsBefore(o.last, w, parts);
      o.before.set(w, parts);
    }
    return parts;
  }

  /**
   * Best reading of a sentence under channel + trigram LM costs: beam search over
   * (previous option, current option) states, recombining equal histories.
   * Returns the chosen option index per slot.
   */
  decode(slots: Slot[]): number[] {
    const lm = this.lm;
    this.forgetPastLimit();
    if (slots.length === 0) return [];
    // Nothing to choose: every slot has one reading (clean text).
    if (slots.every((s) => s.options.length === 1)) return new Array<number>(slots.length).fill(0);
    const states = this.states;
    states.count = 0;
    states.push(-1, -1, 0, -1);
    // The states of the column being extended: [from, to) in `states`.
    let from = 0;
    let to = 1;
    let costs = costsScratch;
    for (let i = 0; i < slots.length; i++) {
      const options = slots[i]!.options;
      const n = options.length;
      // Options by least cost, so a state stops at the first option that can no longer survive.
      const ordered = this.optionOrder(options);
      const { order, ws, least } = ordered;
      if (n > costs.length) costs = costsScratch = new Float64Array(2 * n);
      const prevOptions = i > 0 ? slots[i - 1]!.options : undefined;
      const prev2Options = i > 1 ? slots[i - 2]!.options : undefined;
      // Recombined states by (option at i-1, option at i): the only history the next step sees.
      const size = ((prevOptions?.length ?? 0) + 1) * n;
      if (size > bestScratch.length) {
        bestScratch = new Float64Array(2 * size);
        backScratch = new Int32Array(2 * size);
      }
      const best = bestScratch.fill(Infinity, 0, size);
      const back = backScratch;
      // A transition whose state cost and least option cost exceed the best score found so far by
      // BEAM_WIDTH cannot survive. States come best first: each considers fewer options.
      let bestSoFar = Infinity;
      for (let t = from; t < to; t++) {
        const stateScore = states.score[t]!;
        let m = 0;
        while (m < n && stateScore + least[m]! <= bestSoFar + BEAM_WIDTH) m++;
        if (m === 0) break;
        const cur = states.cur[t]!;
        const u = this.historyWord(states, t, prevOptions, prev2Options, 0);
        const v = this.historyWord(states, t, prevOptions, prev2Options, 1);
        lm.costsAfter(u, v, ws, m, this.partsAfter(ordered, v, m), costs);
        const base = (cur + 1) * n;
        for (let j = 0; j < m; j++) {
          const k = order[j]!;
          const o = options[k]!;
          let score = stateScore + o.cost + costs[j]!;
          if (o.leading) score += this.innerCost(v, o);
          if (score < bestSoFar) bestSoFar = score;
          if (score < best[base + k]!) {
            best[base + k] = score;
            back[base + k] = t;
          }
        }
      }
      from = to;
      pushSurvivors(states, best, back, n, size);
      to = states.count;
    }
    // Close the sentence.
    const last = slots[slots.length - 1]!.options;
    const beforeLast = slots.length > 1 ? slots[slots.length - 2]!.options : undefined;
    let best = from;
    let bestScore = Infinity;
    for (let t = from; t < to; t++) {
      const u = this.historyWord(states, t, last, beforeLast, 0);
      const v = this.historyWord(states, t, last, beforeLast, 1);
      const score = states.score[t]! + lm.cost(u, v, lm.eos);
      if (score < bestScore) {
        bestScore = score;
        best = t;
      }
    }
    const chosen = new Array<number>(slots.length);
    for (let i = slots.length - 1, t = best; i >= 0; i--, t = states.back[t]!) chosen[i] = states.cur[t]!;
    return chosen;
  }

  /**
   * LM cost of a split option's words after its first, which the decoder prices as the option's
   * entry: each after the word before it and the one before that (`v`, the history's last word).
   */
  private innerCost(v: number, o: SlotOption): number {
    const words = o.leading!;
    let u = v;
    let cost = 0;
    for (let k = 1; k <= words.length; k++) {
      const w = k < words.length ? words[k]! : o.id;
      cost += this.lm.cost(u, words[k - 1]!, w);
      u = words[k - 1]!;
    }
    return cost;
  }

  /**
   * One of the two LM words before the next slot (`which` 0: the earlier, 1: the later) after
   * state `t`: the state's words, or both words of a split option; sentence start padded.
   */
  private historyWord(states: BeamStates, t: number, curOptions: SlotOption[] | undefined, prevOptions: SlotOption[] | undefined, which: 0 | 1): number {
    const bos = this.lm.bos;
    const c = states.cur[t]!;
    const cur = c >= 0 ? curOptions?.[c] : undefined;
    if (!cur) return bos;
    if (which === 1) return cur.id;
    if (cur.leading) return wordBeforeLast(cur, bos);
    const p = states.prev[t]!;
    const prev = p >= 0 ? prevOptions?.[p] : undefined;
    return prev ? prev.id : bos;
  }

  /**
   * The best reading of a sentence and the confidence of each slot's. The beam can drop the
   * history a slot's best option needed, and return a reading that one slot's change improves
   * (`VỤ Đéc lập` where `Độc` costs 7 nats less between the same neighbours): such a slot is
   * switched to its best option, one at a time while one gains, each switch lowering the
   * reading's whole cost.
   */
  read(slots: Slot[]): { chosen: number[]; confidence: number[] } {
    const chosen = this.decode(slots);
    for (let switches = 0; ; switches++) {
      const { confidence, better } = this.weigh(slots, chosen);
      if (!better || switches === slots.length) return { chosen, confidence };
      chosen[better.slot] = better.option;
    }
  }

  /**
   * Confidence of each chosen option: its share of probability among the slot's options with
   * the chosen neighbours held fixed (channel cost and every trigram its words take part in).
   */
  confidences(slots: Slot[], chosen: number[]): number[] {
    return this.weigh(slots, chosen).confidence;
  }

  /**
   * Each chosen option's confidence ({@link confidences}), and the option that gains most over
   * its slot's chosen one, neighbours held fixed, if any does. The options' first trigrams share
   * their history, and their second ones the word after the slot: their lower-order parts are
   * shared with the decoder and between slots.
   */
  private weigh(slots: Slot[], chosen: number[]): { confidence: number[]; better?: { slot: number; option: number } } {
    const lm = this.lm;
    // The chosen words in a row (a split option gives two), and where each slot's words start.
    const flat: number[] = [];
    const starts = slots.map((slot, i) => {
      const start = flat.length;
      flat.push(...wordsOf(slot.options[chosen[i]!]!));
      return start;
    });
    let better: { slot: number; option: number } | undefined;
    let bestGain = SWITCH_GAIN;
    const confidence = slots.map((slot, i) => {
      const options = slot.options;
      const n = options.length;
      if (n === 1) return 1;
      if (n > scratch.entry.length) {
        scratch.entry = new Float64Array(2 * n);
        scratch.scores = new Float64Array(2 * n);
      }
      const { entry, scores, next, nextParts } = scratch;
      // Two chosen words before the slot (sentence start padded), then the option, then the next two
      // chosen words, the sentence end counting as one.
      const start = starts[i]!;
      const end = i + 1 < slots.length ? starts[i + 1]! : flat.length;
      const u = start >= 2 ? flat[start - 2]! : lm.bos;
      const v = start >= 1 ? flat[start - 1]! : lm.bos;
      const r1 = end < flat.length ? flat[end]! : lm.eos;
      const hasR2 = end < flat.length;
      const ordered = this.optionOrder(options);
      // Entry costs come in the order's sequence: entry[j] is option order[j]'s.
      lm.costsAfter(u, v, ordered.ws, n, this.partsAfter(ordered, v, n), entry);
      const exit = this.partsBefore(ordered, r1);
      if (hasR2) {
        next[0] = end + 1 < flat.length ? flat[end + 1]! : lm.eos;
        nextParts.filled = 0;
        lm.bigramParts(r1, next, 1, nextParts);
      }
      for (let j = 0; j < n; j++) {
        const k = ordered.order[j]!;
        const o = options[k]!;
        let score = o.cost + entry[j]!;
        if (o.leading) score += this.innerCost(v, o);
        score += lm.costWith(wordBeforeLast(o, v), o.id, r1, exit, k);
        if (hasR2) score += lm.costWith(o.id, r1, next[0]!, nextParts, 0);
        scores[k] = score;
      }
      let min = Infinity;
      let argmin = 0;
      for (let k = 0; k < n; k++) {
        if (scores[k]! < min) {
          min = scores[k]!;
          argmin = k;
        }
      }
      const gain = scores[chosen[i]!]! - min;
      if (gain > bestGain) {
        bestGain = gain;
        better = { slot: i, option: argmin };
      }
      let total = 0;
      for (let k = 0; k < n; k++) total += Math.exp(min - scores[k]!);
      return Math.exp(min - scores[chosen[i]!]!) / total;
    });
    return better ? { confidence, better } : { confidence };
  }
}
