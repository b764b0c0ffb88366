import { describe, expect, it } from 'vitest';
import { lmSentences } from '../pipeline/repair/lm-tokens.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

const sentences = (...lines: string[]): string[][] => lmSentences(lines.map(tokenizeLine));

describe('the language model’s sentences', () => {
  it('reads the period of an abbreviated post opening a list item or line as no sentence end (TT. Tỉnh ủy, KT. CHỦ TỊCH)', () => {
    expect(sentences('- TT. Tỉnh ủy, TT. HĐND tỉnh;', 'KT. CHỦ TỊCH')).toEqual([
      ['tt', 'tỉnh', 'ủy', ',', 'tt', 'hđnd', 'tỉnh'],
      ['kt', 'chủ', 'tịch'],
    ]);
  });

  it('still ends a sentence at a heading’s Roman numeral or letter, at a period ending the line, and after capitals inside a sentence', () => {
    // A paragraph's lines run on: a line break ends nothing.
    expect(sentences('II. NHIỆM VỤ', 'B. GIẢI PHÁP', 'Lưu: VT, TH.', 'do UBND. Sở Nội vụ')).toEqual([['ii'], ['nhiệm', 'vụ', 'b'], ['giải', 'pháp', 'lưu'], ['vt', ',', 'th'], ['do', 'ubnd'], ['sở', 'nội', 'vụ']]);
  });
});
