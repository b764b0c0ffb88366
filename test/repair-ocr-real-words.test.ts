import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../dictionaries/load.ts';
import type { Document } from '../pipeline/model/document.ts';
import { documentToText } from '../pipeline/model/text.ts';
import { textDocument as doc } from './support/documents.ts';
import { channelCost } from '../pipeline/repair/spelling.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import { dictionaryWithout } from './support/dictionaries.ts';

/** A text as if our OCR had read its pages. */
const ocrRead = (text: string): Document => {
  const read = doc(text);
  return { ...read, pages: read.pages.map((p) => ({ ...p, path: 'ocr' as const })) };
};
const dict = () => dictionaryWithout('qd-350-ttg.txt');

describe('real-word errors on pages our OCR read', () => {
  it('prices h printed for li (the strokes of l and i run together) like a lookalike, not two arbitrary edits', () => {
    expect(channelCost('hệu', 'liệu')).toBeLessThan(1.5);
    expect(channelCost('hệu', 'liệu')).toBeLessThan(channelCost('kệu', 'liệu'));
    expect(channelCost('hên', 'liên')).toBeLessThan(channelCost('hên', 'tiên'));
  });

  it('corrects a valid word its neighbours reject when a letter, not a mark, was misread; elsewhere leaves it', () => {
    const printed = 'Các tỉnh cập nhật cơ sở dữ lệu về đất đai và chia sẻ dữ hệu với các bộ, ngành.';
    const r = repairDocument(ocrRead(printed), dict());
    const out = documentToText(r.document);
    expect(out).toContain('cơ sở dữ liệu về đất đai');
    expect(out).toContain('chia sẻ dữ liệu với');
    expect(r.changes.map((c) => [c.original, c.repaired])).toEqual([['lệu', 'liệu'], ['hệu', 'liệu']]);
    // In a text file the same words are the author's.
    expect(repairDocument(doc(printed), dict()).changes).toEqual([]);
  });

  it('keeps a copy list’s portal (Cổng TTĐT), which the genre’s conventions name, for the Công of Công an', async () => {
    const printed = 'Nơi nhận:\n\n- Như trên;\n\n- Cổng TTĐT tỉnh;\n\n- Cổng TTĐT Bộ NN&MT;\n\n- Lưu: VT.';
    expect(repairDocument(ocrRead(printed), await loadDictionary()).changes).toEqual([]);
  });

  it('leaves valid words that fit their context alone', () => {
    const printed = 'Người dân được hướng dẫn điền biểu mẫu và nộp hồ sơ trực tuyến tại nhà.';
    expect(repairDocument(ocrRead(printed), dict()).changes).toEqual([]);
  });
});

describe('real-word errors in headings set in capitals, on pages our OCR read', () => {
  it('corrects a capital word whose marks the heading contradicts; leaves acronyms in running text and text files alone', () => {
    const printed = 'I. MỤC TIỂU VÀ YÊU CẨU\n\nTriển khai theo hướng dẫn của UBND tỉnh và Sở TT&TT về ĐỀ ÁN.';
    const r = repairDocument(ocrRead(printed), dict());
    expect(documentToText(r.document)).toBe('I. MỤC TIÊU VÀ YÊU CẦU\n\nTriển khai theo hướng dẫn của UBND tỉnh và Sở TT&TT về ĐỀ ÁN.');
    expect(r.changes.map((c) => [c.original, c.repaired])).toEqual([['TIỂU', 'TIÊU'], ['CẨU', 'CẦU']]);
    expect(repairDocument(doc(printed), dict()).changes).toEqual([]);
  });

  it('checks a heading that runs on into the text under it, with no punctuation between, by its own line', () => {
    const printed = 'Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh\nBỘ TRƯỞNG BỘ XÂY DỤNG\nBan hành kế hoạch này';
    const r = repairDocument(ocrRead(printed), dict());
    expect(r.changes.map((c) => [c.original, c.repaired])).toEqual([['DỤNG', 'DỰNG']]);
    expect(repairDocument(doc(printed), dict()).changes).toEqual([]);
  });
});
