import { describe, expect, it } from 'vitest';
import { WordCaseModel, countWordCases, wordCaseAt } from '../pipeline/repair/capitals.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

/** The case of the n-th word of a line (0-based), as repair reads it. */
const caseOfWord = (line: string, n: number): string | undefined => {
  const spans = tokenizeLine(line);
  const at = spans.map((s, i) => (s.kind === 'word' ? i : -1)).filter((i) => i >= 0)[n]!;
  return wordCaseAt(spans, at);
};

describe('case of a word inside a sentence', () => {
  it('reads the case of words that follow a word, number, code or comma', () => {
    expect(caseOfWord('theo đề nghị của Vụ trưởng', 4)).toBe('capital');
    expect(caseOfWord('theo đề nghị của Vụ trưởng', 5)).toBe('lower');
    expect(caseOfWord('Quyết định 350/QĐ-TTg Phê duyệt', 2)).toBe('capital');
    expect(caseOfWord('tỉnh Lào Cai, Sở Tài chính', 3)).toBe('capital');
  });

  it('says nothing where a capital may open a sentence, an item or a quotation', () => {
    expect(caseOfWord('Vụ trưởng', 0)).toBeUndefined();
    expect(caseOfWord('xong. Sau đó', 1)).toBeUndefined();
    expect(caseOfWord('gồm: Bộ Nội vụ', 1)).toBeUndefined();
    expect(caseOfWord('(Bộ Nội vụ)', 0)).toBeUndefined();
  });

  it('says nothing of acronyms, headings in capitals and lone letters, but reads damaged words', () => {
    expect(caseOfWord('của UBND tỉnh', 1)).toBeUndefined();
    expect(caseOfWord('QUYẾT ĐỊNH VỀ', 1)).toBeUndefined();
    expect(caseOfWord('ông Nguyễn T Anh', 2)).toBeUndefined();
    expect(caseOfWord('hợp với B6 Nội vụ', 2)).toBe('capital');
  });
});

describe('P(case | word)', () => {
  const counts = new Map<string, [number, number]>();
  const text = ['Theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ', 'báo cáo về việc triển khai về tiến độ', 'ý kiến của Vụ Kế hoạch về dự toán'];
  countWordCases(text.map(tokenizeLine), counts);
  const vocabulary = ['vụ', 'về', 'hiếm'];
  const model = new WordCaseModel(
    { ids: [0, 1], capital: [counts.get('vụ')![0], counts.get('về')![0]], lower: [counts.get('vụ')![1], counts.get('về')![1]] },
    vocabulary.length,
  );

  it('counts each word’s capitals and lower cases mid-sentence from clean text', () => {
    expect(counts.get('vụ')).toEqual([3, 0]);
    expect(counts.get('về')).toEqual([0, 3]);
  });

  it('makes a capital cheap for words written capitalised and dear for words never so, unseen words in between', () => {
    expect(model.cost(0, 'capital')).toBeLessThan(model.cost(2, 'capital'));
    expect(model.cost(2, 'capital')).toBeLessThan(model.cost(1, 'capital'));
    expect(model.cost(1, 'lower')).toBeLessThan(model.cost(0, 'lower'));
    // Probabilities of the two cases of one word add up to one.
    for (const id of [0, 1, 2]) expect(Math.exp(-model.cost(id, 'capital')) + Math.exp(-model.cost(id, 'lower'))).toBeCloseTo(1, 12);
  });

  it('never makes a capital impossible: a word seen only in lower case keeps a floor, however often seen', () => {
    // Word 0 seen 100,000 times in lower case, word 1 once with a capital, word 2 never.
    const model = new WordCaseModel({ ids: [0, 1], capital: [0, 1], lower: [100_000, 0] }, 3);
    const rate = 1 / 100_001;
    // Without a floor the estimate would be about rate / 50,000 (cost −ln rate + 10.8).
    expect(model.cost(0, 'capital')).toBeLessThan(-Math.log(rate) + 4);
    // The floor keeps the order: still dearer than a word never seen.
    expect(model.cost(0, 'capital')).toBeGreaterThan(model.cost(2, 'capital'));
  });

  it('adds the printed case’s cost to every reading of a slot, a split reading by its first word', () => {
    const options = [
      { id: 0, word: 'vụ', cost: 1 },
      { id: 1, first: 1, word: 'về vụ', cost: 2 },
    ];
    const priced = model.priced(options, 'capital');
    expect(priced[0]!.cost).toBeCloseTo(1 + model.cost(0, 'capital'), 12);
    expect(priced[1]!.cost).toBeCloseTo(2 + model.cost(1, 'capital'), 12);
    expect(model.priced(options, 'capital')).toBe(priced);
  });
});
