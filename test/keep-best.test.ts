import { describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/generator/random.ts';
import { keepBest } from '../pipeline/repair/keep-best.ts';

describe('keep best', () => {
  it('keeps what a stable sort puts first, equals in the order they came', () => {
    const random = seededRandom(3);
    for (const limit of [0, 1, 2, 5, 40]) {
      const items = Array.from({ length: 30 }, (_, order) => ({ cost: Math.floor(random() * 6), order }));
      const kept: typeof items = [];
      for (const item of items) keepBest(kept, item, limit, (a, b) => a.cost < b.cost);
      expect(kept).toEqual([...items].sort((a, b) => a.cost - b.cost).slice(0, limit));
    }
  });
});
