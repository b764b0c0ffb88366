import { describe, expect, it } from 'vitest';
import { countNoise, pooledWithNeighbours, type WordKinds } from '../pipeline/repair/noise.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

/** Word kinds as a dictionary would give them: nothing known, these words foreign. */
const kinds = (foreign: string[]): WordKinds => ({ isKnown: () => false, isForeign: (w) => foreign.includes(w) });

describe('evidence of damage', () => {
  it('counts a word no Vietnamese word is a likely misreading of as no evidence, damage near one as damage', () => {
    const line = tokenizeLine('Triển khai Zalo và dugc cho người dân');
    expect(countNoise(line, kinds(['zalo']))).toEqual({ words: 7, damaged: 1, marked: 4 });
    expect(countNoise(line, kinds([]))).toEqual({ words: 8, damaged: 2, marked: 4 });
  });

  it('marks on what is no syllable are damage, however far from any word', () => {
    expect(countNoise(tokenizeLine('Zalé'), kinds(['zalé'])).damaged).toBe(1);
  });

  it('pools a block of few words with its nearest neighbours, the next first, until two dozen words', () => {
    const block = (words: number, damaged = 0) => ({ words, damaged, marked: 0 });
    const pooled = pooledWithNeighbours([block(30), block(2, 1), block(10), block(40, 4)]);
    expect(pooled[0]).toEqual(block(30));
    // 2 + 10 after it + 30 before it.
    expect(pooled[1]).toEqual(block(42, 1));
    // 10 + 40 after it.
    expect(pooled[2]).toEqual(block(50, 4));
    expect(pooled[3]).toEqual(block(40, 4));
  });
});
