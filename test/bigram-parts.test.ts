import { describe, expect, it } from 'vitest';
import { BigramPartsStore, type BigramParts } from '../pipeline/repair/bigram-parts.ts';

describe('bigram parts store', () => {
  it('hands out parts that never overlap, across chunks and after a clear', () => {
    const store = new BigramPartsStore();
    const taken: [BigramParts, number][] = [];
    const fill = (p: BigramParts, mark: number): void => {
      for (let k = 0; k < 3 * p.size; k++) p.data[p.at + k] = mark + k;
    };
    // Sizes up to past a whole chunk (2^16 doubles), so parts straddle nothing and big ones get room.
    for (let i = 0; i < 4000; i++) {
      const p = store.take(i % 97 === 0 ? 30_000 : 1 + (i % 23));
      expect(p.filled).toBe(0);
      fill(p, i * 100_000);
      taken.push([p, i * 100_000]);
      if (i === 2500) store.clear();
    }
    // Counted, not asserted value by value: a million expectations would take the suite's time.
    let overwritten = 0;
    for (const [p, mark] of taken) {
      expect(p.at + 3 * p.size).toBeLessThanOrEqual(p.data.length);
      for (let k = 0; k < 3 * p.size; k++) if (p.data[p.at + k] !== mark + k) overwritten++;
    }
    expect(overwritten).toBe(0);
    expect(store.bytes).toBeGreaterThan(0);
  });
});
