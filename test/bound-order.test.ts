import { describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/generator/random.ts';
import { BoundOrder } from '../pipeline/repair/bound-order.ts';

describe('bound order', () => {
  it('hands out every index once, by ascending bound and then by index, however often it is reused', () => {
    const random = seededRandom(11);
    const order = new BoundOrder();
    for (const n of [0, 1, 2, 7, 100, 600, 3]) {
      // Bounds drawn from few values, so ties are common; Infinity too (a skeleton no printing reaches).
      const bounds = Float64Array.from({ length: n }, () => (random() < 0.05 ? Infinity : Math.floor(random() * 8) / 2));
      const expected = Array.from({ length: n }, (_, k) => k).sort((a, b) => (bounds[a] === bounds[b] ? a - b : bounds[a]! < bounds[b]! ? -1 : 1));
      order.reset(bounds, n);
      const got: number[] = [];
      for (let k = order.next(); k >= 0; k = order.next()) got.push(k);
      expect(got).toEqual(expected);
      expect(order.next()).toBe(-1);
    }
  });
});
