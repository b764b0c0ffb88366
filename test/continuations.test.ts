import { describe, expect, it } from 'vitest';
import { seededRandom } from '../fixtures/generator/random.ts';
import { Continuations } from '../pipeline/repair/continuations.ts';

describe('n-gram continuations', () => {
  it('finds the value of every n-gram by history and next word, and nothing else', () => {
    // Deterministic pseudo-random n-grams over 50 histories and 400 words, in no particular order.
    const random = seededRandom(7);
    const below = (n: number): number => Math.floor(random() * n);
    const expected = new Map<string, number>();
    const rows: number[] = [];
    const words: number[] = [];
    const values: number[] = [];
    while (values.length < 3000) {
      const [r, w] = [below(50), below(400)];
      if (expected.has(`${r} ${w}`)) continue;
      const v = random();
      expected.set(`${r} ${w}`, v);
      rows.push(r);
      words.push(w);
      values.push(v);
    }
    const table = new Continuations(50, rows, words, values);
    for (let r = 0; r < 50; r++) {
      for (let w = 0; w < 400; w++) expect(table.get(r, w, -1)).toBe(expected.get(`${r} ${w}`) ?? -1);
    }
    const largest = table.largestByWord(400);
    for (let w = 0; w < 400; w++) {
      const seen = [...expected].filter(([k]) => k.endsWith(` ${w}`)).map(([, v]) => v);
      expect(largest[w]).toBe(Math.max(0, ...seen));
    }
  });
});
