/**
 * What the LM costs of a list of next words after one word v share, whatever the word before
 * v: each model's P(w | v), and the cost when neither model knows the two-word history (most
 * histories). Kept in a chunk of a {@link BigramPartsStore}: the domain model's P(w | v) at
 * `data[at + k]`, the background model's at `data[at + size + k]`, the cost at
 * `data[at + 2 * size + k]`, for the first `filled` of `size` words.
 */
export interface BigramParts {
  data: Float64Array;
  at: number;
  size: number;
  filled: number;
}

/** Doubles per chunk: large enough that chunks are rare, small enough to waste little. */
const CHUNK = 1 << 16;

/**
 * Room for many {@link BigramParts} in a few large typed arrays: a document asks for tens of
 * thousands, and a typed array of its own each would cost more to allocate than to fill.
 */
export class BigramPartsStore {
  private chunk = new Float64Array(CHUNK);
  private used = 0;
  /** Doubles handed out since the store was made or cleared. */
  private total = 0;

  /** Empty parts with room for `size` words. */
  take(size: number): BigramParts {
    const need = 3 * size;
    if (this.used + need > this.chunk.length) {
      this.chunk = new Float64Array(Math.max(CHUNK, need));
      this.used = 0;
    }
    const parts = { data: this.chunk, at: this.used, size, filled: 0 };
    this.used += need;
    this.total += need;
    return parts;
  }

  /** Bytes handed out: the owner clears its caches (and this store) past a limit. */
  get bytes(): number {
    return 8 * this.total;
  }

  /** Starts afresh; parts handed out before stay valid for whoever still holds them. */
  clear(): void {
    this.chunk = new Float64Array(CHUNK);
    this.used = 0;
    this.total = 0;
  }
}
