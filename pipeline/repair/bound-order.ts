/**
 * Indices in ascending order of their lower bounds (ties by index), handed out one at a time
 * from a binary heap. A branch-and-bound search stops after the first few of hundreds, and a
 * full sort orders all of them for nothing.
 */
export class BoundOrder {
  private heap = new Int32Array(256);
  private size = 0;
  private bounds: Float64Array = new Float64Array(0);

  /** Starts over with indices 0..n-1 of `bounds` (read, not copied: keep it unchanged until done). */
  reset(bounds: Float64Array, n: number): void {
    if (n > this.heap.length) this.heap = new Int32Array(2 * n);
    this.bounds = bounds;
    this.size = n;
    for (let k = 0; k < n; k++) this.heap[k] = k;
    for (let k = (n >> 1) - 1; k >= 0; k--) this.sink(k);
  }

  /** The index with the least bound not handed out yet, or -1 when none is left. */
  next(): number {
    if (this.size === 0) return -1;
    const top = this.heap[0]!;
    this.heap[0] = this.heap[--this.size]!;
    this.sink(0);
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.bounds[a]!;
    const y = this.bounds[b]!;
    return x < y || (x === y && a < b);
  }

  private sink(at: number): void {
    const { heap, size } = this;
    const item = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(heap[child + 1]!, heap[child]!)) child++;
      if (!this.before(heap[child]!, item)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = item;
  }
}
