import type { BigramParts } from './bigram-parts.ts';
import { Continuations } from './continuations.ts';

/**
 * Runtime n-gram language model over syllable tokens: interpolated modified Kneser–Ney tables
 * (estimated by `dictionaries/builder`), each order's n-grams grouped by history.
 */

/** Serialized tables of one interpolated KN model (see `dictionaries/builder/kneser-ney.ts`). */
export interface KneserNeyTables {
  order: number;
  /** Per order n (index n-1): flat ids of every n-gram, n ids each. */
  ngrams: number[][];
  /** Per order: discounted probability term of each n-gram, same order as `ngrams`. */
  probs: number[][];
  /** Per order n ≥ 2: flat ids of every context (n-1 ids each) with its back-off weight. */
  contexts: number[][];
  gammas: number[][];
  /** Back-off weight of the unigram level to the uniform distribution. */
  unigramGamma: number;
}

/** Every `n`th id of flat n-grams, from offset `at`: one position of every n-gram. */
function everyNth(flat: number[], n: number, at: number): Int32Array {
  return Int32Array.from({ length: flat.length / n }, (_, j) => flat[j * n + at]!);
}

/** Neighbours kept per word for candidate proposals. */
const NEIGHBOURS = 8;

/**
 * Rows of the trigram level: a row per two-word context (u, v), found among the continuations
 * of u. Most contexts a decoder asks for were never seen, and the continuations' filter says so
 * without a search.
 */
interface TrigramRows {
  rowOf: Continuations;
  gamma: Float64Array;
}

function trigramRows(contexts: number[], gammas: number[], vocabularySize: number): TrigramRows {
  const rowOf = new Continuations(vocabularySize, everyNth(contexts, 2, 0), everyNth(contexts, 2, 1), Float64Array.from(gammas, (_, r) => r));
  return { rowOf, gamma: Float64Array.from(gammas) };
}

/** One interpolated KN model, ready for lookups. */
export class KneserNeyModel {
  readonly order: number;
  /** Unigram level (with its share of the uniform distribution) and one-word contexts: dense arrays by id. */
  private readonly unigram: Float64Array;
  /** Back-off weight of each one-word context; NaN for a word never seen as a context. */
  private readonly contextGamma: Float64Array;
  /** Bigram terms by first word. */
  private readonly bigrams: Continuations;
  /** Trigram terms by context row, and the rows with their back-off weights. */
  private readonly trigrams: Continuations;
  private readonly trigramRows: TrigramRows;
  /** Per word, an upper bound of P(w | u v) over every history (see {@link ceilings}). */
  readonly ceiling: Float64Array;
  /** Per word, the words most often seen after and before it (bigram level), most probable first. */
  readonly successors = new Map<number, number[]>();
  readonly predecessors = new Map<number, number[]>();

  /** @param withNeighbours index each word's likeliest neighbours (for candidate proposals). */
  constructor(tables: KneserNeyTables, vocabularySize: number, withNeighbours = false) {
    this.order = tables.order;
    const floor = tables.unigramGamma / vocabularySize;
    this.unigram = new Float64Array(vocabularySize).fill(floor);
    tables.ngrams[0]!.forEach((id, j) => (this.unigram[id] = tables.probs[0]![j]! + floor));
    this.contextGamma = new Float64Array(vocabularySize).fill(NaN);
    tables.contexts[0]?.forEach((id, j) => (this.contextGamma[id] = tables.gammas[0]![j]!));
    const bigrams = tables.order >= 2 ? tables.ngrams[1]! : [];
    this.bigrams = new Continuations(vocabularySize, everyNth(bigrams, 2, 0), everyNth(bigrams, 2, 1), tables.probs[1] ?? []);
    this.trigramRows = trigramRows(tables.order >= 3 ? tables.contexts[1]! : [], tables.order >= 3 ? tables.gammas[1]! : [], vocabularySize);
    const trigrams = tables.order >= 3 ? tables.ngrams[2]! : [];
    const rows = Int32Array.from({ length: trigrams.length / 3 }, (_, j) => this.trigramRows.rowOf.get(trigrams[3 * j]!, trigrams[3 * j + 1]!, -1));
    this.trigrams = new Continuations(this.trigramRows.gamma.length, rows, everyNth(trigrams, 3, 2), tables.probs[2] ?? []);
    this.ceiling = this.ceilings(vocabularySize);
    if (withNeighbours && tables.order >= 2) this.indexNeighbours(tables.ngrams[1]!, tables.probs[1]!);
  }

  /**
   * Each level's probability is its own term plus a back-off weight times the level below, so
   * the largest term and the largest weight of each level bound P(w | any history) from above.
   */
  private ceilings(size: number): Float64Array {
    // At least 1: a history the level never saw passes the level below through unchanged.
    const largest = (weights: ArrayLike<number>): number => {
      let g = 1;
      for (let i = 0; i < weights.length; i++) if (weights[i]! > g) g = weights[i]!;
      return g;
    };
    const g2 = largest(this.contextGamma.filter((g) => !Number.isNaN(g)));
    const g3 = largest(this.trigramRows.gamma);
    const bigram = this.bigrams.largestByWord(size);
    const trigram = this.trigrams.largestByWord(size);
    return this.unigram.map((p, w) => {
      const b = bigram[w]! + g2 * p;
      return trigram[w]! + g3 * b;
    });
  }

  private indexNeighbours(flat: number[], probs: number[]): void {
    const after = new Map<number, [number, number][]>();
    const before = new Map<number, [number, number][]>();
    const push = (m: Map<number, [number, number][]>, k: number, w: number, p: number): void => {
      const list = m.get(k);
      if (list) list.push([w, p]);
      else m.set(k, [[w, p]]);
    };
    for (let j = 0; j < probs.length; j++) {
      push(after, flat[2 * j]!, flat[2 * j + 1]!, probs[j]!);
      push(before, flat[2 * j + 1]!, flat[2 * j]!, probs[j]!);
    }
    const top = (m: Map<number, [number, number][]>, into: Map<number, number[]>): void => {
      for (const [k, list] of m) into.set(k, list.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NEIGHBOURS).map(([w]) => w));
    };
    top(after, this.successors);
    top(before, this.predecessors);
  }

  /** P(w) at the unigram level. */
  unigramProb(w: number): number {
    return this.unigram[w]!;
  }

  /** P(w | v) from the unigram and bigram levels only. */
  bigramProb(v: number, w: number): number {
    const p = this.unigram[w]!;
    if (this.order < 2 || v < 0) return p;
    const g2 = this.contextGamma[v]!;
    return Number.isNaN(g2) ? p : this.bigrams.get(v, w, 0) + g2 * p;
  }

  /** Row of the two-word context (u, v) in the trigram level, or -1 when it was never seen. */
  trigramRow(u: number, v: number): number {
    return this.order < 3 || u < 0 || v < 0 ? -1 : this.trigramRows.rowOf.get(u, v, -1);
  }

  /** P(w | u v) for a context row of {@link trigramRow} (not -1), given P(w | v). */
  extendRow(row: number, w: number, bigram: number): number {
    return this.trigrams.get(row, w, 0) + this.trigramRows.gamma[row]! * bigram;
  }
}

/**
 * How much one history word's probabilities count as evidence of which model's text a sentence is
 * (an exponent): one word is weak evidence of a whole sentence's kind, so its likelihoods are tempered.
 */
const EVIDENCE_SHARE = 0.5;

/**
 * The domain model's share of the mixture after each history word: its posterior given that word,
 * P(domain | v) ∝ a·P_domain(v)^s against (1 − a)·P_background(v)^s ({@link EVIDENCE_SHARE}). A
 * word the domain text all but never used (đà, cai) says the sentence is not of its kind, and the
 * background's word pairs decide what follows (đà → nẵng, cai → nghiện); a word of the domain's
 * own lets its pairs weigh more.
 */
function historyWeights(domain: KneserNeyModel, background: KneserNeyModel, a: number, size: number, bos: number): Float64Array {
  const weights = new Float64Array(size);
  for (let v = 0; v < size; v++) {
    const d = a * domain.unigramProb(v) ** EVIDENCE_SHARE;
    const b = (1 - a) * background.unigramProb(v) ** EVIDENCE_SHARE;
    weights[v] = v === bos || d + b === 0 ? a : d / (d + b);
  }
  return weights;
}

/**
 * A mixture of a domain model (administrative text) and a background model (general
 * Vietnamese), over one shared vocabulary. Costs are negative natural logs.
 */
export class LanguageModel {
  private readonly ids: Map<string, number>;
  /** Ids of the sentence-boundary tokens. */
  readonly bos: number;
  readonly eos: number;
  readonly unknown: number;
  /**
   * Per word, a lower bound of −ln P(w | u v) over every history: a decoder skips a reading whose
   * cost cannot come within its beam, whatever the context.
   */
  readonly floorCost: Float64Array;
  /** Per history word v, the domain model's share of P(w | u v): see {@link historyWeights}. */
  private readonly weightAfter: Float64Array;

  constructor(
    readonly vocabulary: string[],
    private readonly domain: KneserNeyModel,
    private readonly background: KneserNeyModel,
    private readonly domainWeight: number,
  ) {
    this.ids = new Map(vocabulary.map((t, i) => [t, i]));
    this.bos = this.id('<s>');
    this.eos = this.id('</s>');
    this.unknown = this.id('<unk>');
    this.weightAfter = historyWeights(domain, background, domainWeight, vocabulary.length, this.bos);
    let least = 1;
    let most = 0;
    for (const a of this.weightAfter) {
      if (a < least) least = a;
      if (a > most) most = a;
    }
    // The mixture is linear in the weight, so its largest over every history's weight is at one
    // of the extremes. Rounding must never lift the bound above a cost the model gives: lowered a hair.
    this.floorCost = domain.ceiling.map((d, w) => {
      const b = background.ceiling[w]!;
      return -Math.log(Math.max(least * d + (1 - least) * b, most * d + (1 - most) * b)) - 1e-9;
    });
  }

  /** Id of a token, or the unknown id. */
  id(token: string): number {
    return this.ids.get(token) ?? this.unknown;
  }

  /** −ln P(w | u v). Pass −1 for a missing history position. */
  cost(u: number, v: number, w: number): number {
    return this.mixedCost(this.domain.trigramRow(u, v), this.background.trigramRow(u, v), w, this.domain.bigramProb(v, w), this.background.bigramProb(v, w), this.weight(v));
  }

  /** The domain model's share after the history word `v` (−1: none). */
  private weight(v: number): number {
    return v < 0 ? this.domainWeight : this.weightAfter[v]!;
  }

  /** Writes the parts of place `k` of `p` from each model's P(w | v), mixed with weight `a`. */
  private setParts(p: BigramParts, k: number, domainBigram: number, backgroundBigram: number, a: number): void {
    const { data, at, size } = p;
    data[at + k] = domainBigram;
    data[at + size + k] = backgroundBigram;
    data[at + 2 * size + k] = -Math.log(a * domainBigram + (1 - a) * backgroundBigram);
  }

  /**
   * Fills `p` ({@link BigramParts} of the words `ws` after `v`) up to its first `n` words: a
   * decoder shares them between every history that ends in `v`.
   */
  bigramParts(v: number, ws: readonly number[], n: number, p: BigramParts): void {
    const a = this.weight(v);
    for (let k = p.filled; k < n; k++) this.setParts(p, k, this.domain.bigramProb(v, ws[k]!), this.background.bigramProb(v, ws[k]!), a);
    if (n > p.filled) p.filled = n;
  }

  /** Fills `p` with the parts of one next word `w` after each of the words `vs`, place k for vs[k]. */
  bigramPartsBefore(vs: readonly number[], w: number, p: BigramParts): void {
    for (let k = 0; k < vs.length; k++) this.setParts(p, k, this.domain.bigramProb(vs[k]!, w), this.background.bigramProb(vs[k]!, w), this.weight(vs[k]!));
    p.filled = vs.length;
  }

  /** −ln P(w | u v) from the parts of P(w | v) at place `k` of `p`. */
  costWith(u: number, v: number, w: number, p: BigramParts, k: number): number {
    const rd = this.domain.trigramRow(u, v);
    const rb = this.background.trigramRow(u, v);
    const { data, at, size } = p;
    if (rd < 0 && rb < 0) return data[at + 2 * size + k]!;
    return this.mixedCost(rd, rb, w, data[at + k]!, data[at + size + k]!, this.weight(v));
  }

  /** −ln of the mixture, each model's P(w | u v) from its context row (or -1) and its P(w | v). */
  private mixedCost(rd: number, rb: number, w: number, domainBigram: number, backgroundBigram: number, a: number): number {
    const d = rd < 0 ? domainBigram : this.domain.extendRow(rd, w, domainBigram);
    const b = rb < 0 ? backgroundBigram : this.background.extendRow(rb, w, backgroundBigram);
    return -Math.log(a * d + (1 - a) * b);
  }

  /**
   * −ln P(w | u v) into `out` for the first `n` words of `ws`, from their parts `p` after v
   * ({@link bigramParts}, filled at least that far).
   */
  costsAfter(u: number, v: number, ws: readonly number[], n: number, p: BigramParts, out: Float64Array): void {
    const rd = this.domain.trigramRow(u, v);
    const rb = this.background.trigramRow(u, v);
    const { data, at, size } = p;
    if (rd < 0 && rb < 0) {
      for (let k = 0; k < n; k++) out[k] = data[at + 2 * size + k]!;
      return;
    }
    const a = this.weight(v);
    for (let k = 0; k < n; k++) out[k] = this.mixedCost(rd, rb, ws[k]!, data[at + k]!, data[at + size + k]!, a);
  }

  /**
   * The words the domain model most expects right after `v` (`after`) or right before it
   * (`before`), most likely first: candidates a garbled printed token may be, whatever it looks like.
   */
  neighbours(v: number, direction: 'after' | 'before'): readonly number[] {
    return (direction === 'after' ? this.domain.successors : this.domain.predecessors).get(v) ?? [];
  }

  /** Per token id: 1 when it is a word of letters only, not a number, code, mark or boundary token. */
  private letterWords?: Uint8Array;

  /** True when the token is a word of letters only (not `<num>`, `,`, `</s>`…). */
  isLetterWord(id: number): boolean {
    this.letterWords ??= Uint8Array.from(this.vocabulary, (t) => (/^\p{L}+$/u.test(t) ? 1 : 0));
    return this.letterWords[id] === 1;
  }

  /** −ln P(w) with no context: how common a token is. */
  unigramCost(w: number): number {
    return this.cost(-1, -1, w);
  }
}
