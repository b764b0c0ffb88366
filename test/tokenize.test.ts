import { describe, expect, it } from 'vitest';
import { loneSymbolsAsWords, tokenizeLine } from '../pipeline/repair/tokenize.ts';

const kinds = (line: string) => tokenizeLine(line).filter((s) => s.kind !== 'space').map((s) => [s.text, s.kind]);

describe('tokenizeLine', () => {
  it('covers the line exactly, whitespace and all', () => {
    for (const line of ['  - Sở Nội vụ;', 'a)\tXây dựng', 'Cdn cw Nghi quyet 56 42-NQ/TW ngay', 'STT\tNhiệm vụ\t\tThời hạn', '']) {
      expect(tokenizeLine(line).map((s) => s.text).join('')).toBe(line);
    }
  });

  it('keeps document codes, dates and markers whole', () => {
    expect(kinds('Quyết định số 350/QĐ-TTg ngày 26/02/2026')).toContainEqual(['350/QĐ-TTg', 'code']);
    expect(kinds('Nghị quyết số 42-NQ/TW')).toContainEqual(['42-NQ/TW', 'code']);
    expect(kinds('tự động 24/7.')).toContainEqual(['24/7', 'code']);
    expect(kinds('Quý IV/2026')).toContainEqual(['IV/2026', 'code']);
    expect(kinds('(1) hạ tầng số, (2) dữ liệu số')).toContainEqual(['(2)', 'code']);
    expect(kinds('theo mục (2b) và (12a).')).toEqual(expect.arrayContaining([['(2b)', 'code'], ['(12a)', 'code']]));
    expect(kinds('a) Xây dựng')).toContainEqual(['a)', 'code']);
    expect(kinds('đ) Đẩy mạnh')).toContainEqual(['đ)', 'code']);
  });

  it('keeps inline tags whole as symbols: their letters are no words', () => {
    expect(kinds('Sở Nội vụ;<br>Sở Tư pháp')).toEqual([['Sở', 'word'], ['Nội', 'word'], ['vụ', 'word'], [';', 'punct'], ['<br>', 'symbol'], ['Sở', 'word'], ['Tư', 'word'], ['pháp', 'word']]);
    expect(kinds('<b>I</b> <br/>')).toEqual([['<b>', 'symbol'], ['I', 'word'], ['</b>', 'symbol'], ['<br/>', 'symbol']]);
    expect(kinds('<!-- image --> Hình 1')).toEqual([['<!-- image -->', 'symbol'], ['Hình', 'word'], ['1', 'number']]);
    expect(kinds('a < b > c')).toEqual([['a', 'word'], ['<', 'symbol'], ['b', 'word'], ['>', 'symbol'], ['c', 'word']]);
  });

  it('keeps ranges apart and OCR letter-symbols inside words', () => {
    expect(kinds('2026 - 2030')).toEqual([['2026', 'number'], ['-', 'punct'], ['2030', 'number']]);
    expect(kinds('D& 4n s6')).toEqual([['D&', 'word'], ['4n', 'word'], ['s6', 'word']]);
  });

  it('reads a letter-like symbol alone between two words as a word, and no other symbol', () => {
    const asWords = (line: string) => loneSymbolsAsWords(tokenizeLine(line)).filter((s) => s.kind !== 'space').map((s) => [s.text, s.kind]);
    expect(asWords('danh gia & murc')).toContainEqual(['&', 'word']);
    // After a number it is a currency or a sign, and at a line's edge it stands beside no word.
    expect(asWords('100 $ moi')).toContainEqual(['$', 'symbol']);
    expect(asWords('& murc')).toContainEqual(['&', 'symbol']);
    expect(asWords('A + B')).toContainEqual(['+', 'symbol']);
    // Between two capitalised words it joins names.
    expect(asWords('Cong ty Procter & Gamble')).toContainEqual(['&', 'symbol']);
    const spans = tokenizeLine('Bộ Nội vụ');
    expect(loneSymbolsAsWords(spans)).toBe(spans);
  });
});
