/**
 * A read-only hash table from non-negative integer keys (below 2^53) to numbers, in typed
 * arrays with open addressing. N-gram keys exceed V8's small-integer range, so a `Map` would
 * box and hash every key as a heap number; this keeps lookups allocation-free.
 */
export class NumericTable {
  /** Key at 2i, value at 2i+1: a probe reads one cache line, not two. */
  private readonly slots: Float64Array;
  private readonly mask: number;

  constructor(entries: number) {
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.slots = new Float64Array(size * 2);
    for (let i = 0; i < size; i++) this.slots[2 * i] = -1;
    this.mask = size - 1;
  }

  private slot(key: number): number {
    // Fold the high bits into the low 26, then murmur3's finalizer so every bit reaches the index.
    // Division and floor, not %, which is a slow fmod on doubles.
    const hi = Math.floor(key / 67108864);
    const lo = key - hi * 67108864;
    let h = lo ^ Math.imul(hi, 0x9e3779b1);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h & this.mask;
  }

  set(key: number, value: number): void {
    let i = this.slot(key);
    while (this.slots[2 * i] !== -1 && this.slots[2 * i] !== key) i = (i + 1) & this.mask;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = value;
  }

  /** The value under `key`, or `missing`: always a number, so callers stay on V8's double path. */
  get(key: number, missing: number): number {
    let i = this.slot(key);
    for (;;) {
      const k = this.slots[2 * i]!;
      if (k === key) return this.slots[2 * i + 1]!;
      if (k === -1) return missing;
      i = (i + 1) & this.mask;
    }
  }
}
