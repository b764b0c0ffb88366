/** Bits of the seen-filter per n-gram: about one false "maybe" in nine lookups of unseen pairs. */
const BITS_PER_NGRAM = 8;

/**
 * The n-grams of one order grouped by history: each history's next words sorted by id in one
 * flat array, with a value each (an n-gram's probability term, or a two-word context's row in
 * the trigram level). A decoder asks for several next words after the same history; they are then
 * found by binary search in one small region of memory, instead of one probe each into a table of
 * hundreds of thousands of entries, most of them cache misses.
 */
export class Continuations {
  /** Row r's next words are `next[starts[r] .. starts[r + 1])`. */
  private readonly starts: Int32Array;
  private readonly next: Int32Array;
  private readonly values: Float64Array;
  /**
   * One bit per (history, word) hash, set for every n-gram: most words a decoder asks for never
   * followed the history, and a bit in a table small enough to stay in cache says so without a search.
   */
  private readonly seen: Int32Array;
  private readonly seenShift: number;

  /**
   * @param rows number of histories
   * @param rowOf history row of each n-gram
   * @param wordOf last word of each n-gram
   * @param values value of each n-gram (same order)
   */
  constructor(rows: number, rowOf: ArrayLike<number>, wordOf: ArrayLike<number>, values: ArrayLike<number>) {
    const count = values.length;
    let log2 = 10;
    while (2 ** log2 < count * BITS_PER_NGRAM) log2++;
    this.seen = new Int32Array(2 ** (log2 - 5));
    this.seenShift = 32 - log2;
    for (let j = 0; j < count; j++) {
      const h = this.seenBit(rowOf[j]!, wordOf[j]!);
      this.seen[h >>> 5]! |= 1 << (h & 31);
    }
    this.starts = new Int32Array(rows + 1);
    for (let j = 0; j < count; j++) this.starts[rowOf[j]! + 1]!++;
    for (let r = 0; r < rows; r++) this.starts[r + 1]! += this.starts[r]!;
    // Each row's entries as word · 2^32 + entry index: a native numeric sort orders them by word.
    const keys = new Float64Array(count);
    const fill = this.starts.slice(0, rows);
    for (let j = 0; j < count; j++) keys[fill[rowOf[j]!]!++] = wordOf[j]! * 2 ** 32 + j;
    this.next = new Int32Array(count);
    this.values = new Float64Array(count);
    for (let r = 0; r < rows; r++) {
      const [from, to] = [this.starts[r]!, this.starts[r + 1]!];
      if (to - from > 1) keys.subarray(from, to).sort();
    }
    for (let k = 0; k < count; k++) {
      const word = Math.floor(keys[k]! / 2 ** 32);
      this.next[k] = word;
      this.values[k] = values[keys[k]! - word * 2 ** 32]!;
    }
  }

  /** Per word (ids below `size`), its largest value after any history; 0 for a word never seen next. */
  largestByWord(size: number): Float64Array {
    const out = new Float64Array(size);
    for (let k = 0; k < this.next.length; k++) if (this.values[k]! > out[this.next[k]!]!) out[this.next[k]!] = this.values[k]!;
    return out;
  }

  private seenBit(row: number, word: number): number {
    // The high bits of a multiplicative hash are the well-mixed ones.
    return Math.imul(Math.imul(word, 0x85ebca6b) ^ row, 0x9e3779b1) >>> this.seenShift;
  }

  get(row: number, word: number, missing: number): number {
    const h = this.seenBit(row, word);
    if ((this.seen[h >>> 5]! & (1 << (h & 31))) === 0) return missing;
    let lo = this.starts[row]!;
    let hi = this.starts[row + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.next[mid]!;
      if (w < word) lo = mid + 1;
      else if (w > word) hi = mid - 1;
      else return this.values[mid]!;
    }
    return missing;
  }
}
