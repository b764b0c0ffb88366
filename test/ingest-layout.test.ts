import { describe, expect, it } from 'vitest';
import type { BBox } from '../pipeline/model/document.ts';
import type { PageWords, Rules, Word } from '../pipeline/ingest/geometry.ts';
import { joinContinuedTables, layoutPage } from '../pipeline/ingest/layout/index.ts';
import { ocrWords } from '../pipeline/ingest/ocr/words.ts';

/** A tesseract TSV word row (level 5) on line `line` of block 1. */
const tsvWord = (line: number, word: number, text: string, [x, y, w, h]: number[], conf: number): string =>
  ['5', '1', '1', '1', String(line), String(word), String(x), String(y), String(w), String(h), String(conf), text].join('\t');

describe('OCR words: noise filtering', () => {
  it('keeps whole words tesseract is unsure of, drops scraps and specks', () => {
    const tsv = [
      // A row number and the word after it, read with near-zero confidence after a wide gap.
      tsvWord(1, 1, '2', [60, 590, 21, 31], 10.9),
      tsvWord(1, 2, 'Xây', [150, 589, 78, 44], 10.9),
      tsvWord(1, 3, 'dựng,', [247, 591, 115, 42], 96.8),
      tsvWord(1, 4, 'hoàn', [381, 589, 101, 35], 96.7),
      tsvWord(2, 1, 'vận', [154, 641, 74, 42], 96.9),
      tsvWord(2, 2, 'hành', [244, 641, 103, 35], 96.9),
      // A section numeral read with no confidence.
      tsvWord(3, 1, 'VI', [60, 700, 60, 32], 0),
      tsvWord(3, 2, 'Bảo', [150, 700, 80, 42], 95),
      // Scraps: a lone unsure letter beside the text, a speck read as a letter.
      tsvWord(4, 1, 'r', [400, 760, 10, 22], 0),
      tsvWord(4, 2, 'liệu', [154, 750, 76, 42], 96),
      tsvWord(4, 3, 'o', [600, 760, 6, 8], 40),
    ].join('\n');
    expect(ocrWords(tsv).map((w) => w.text)).toEqual(['2', 'Xây', 'dựng,', 'hoàn', 'vận', 'hành', 'VI', 'Bảo', 'liệu']);
  });
});

const word = (text: string, x0: number, y0: number): Word => ({ text, bbox: { x0, y0, x1: x0 + 20 * text.length, y1: y0 + 40 }, confidence: 0.95 });
const hRule = (y: number): BBox => ({ x0: 350, x1: 2250, y0: y, y1: y + 6 });
const vRule = (x: number, y0: number, y1: number): BBox => ({ x0: x, x1: x + 6, y0, y1 });

/** A page of a ruled three-column table: a header band, then one band per row given as [stt, task, lead]. */
function ruledPage(rows: (readonly [string, string, string])[]): PageWords {
  const tops = [300, ...rows.map((_, i) => 420 + 300 * i)];
  const bottom = tops.at(-1)! + 300;
  const rules: Rules = {
    horizontal: [...tops, bottom].map(hRule),
    vertical: [350, 480, 1600, 2244].map((x) => vRule(x, 300, bottom + 6)),
  };
  const words = [word('STT', 380, 340), word('Nhiệm', 520, 340), word('vụ', 680, 340), word('Chủ', 1640, 340), word('trì', 1740, 340)];
  rows.forEach(([stt, task, lead], i) => {
    const y = tops[i + 1]! + 40;
    if (stt) words.push(word(stt, 390, y));
    task.split(' ').forEach((t, k) => words.push(word(t, 520 + 160 * k, y)));
    if (lead) lead.split(' ').forEach((t, k) => words.push(word(t, 1640 + 120 * k, y)));
  });
  return { width: 2480, height: 3508, words, rules };
}

describe('ruled tables across page breaks', () => {
  it('takes a speck in the numbering cell for no label: the row cut by the break is joined to its first half', () => {
    const first = layoutPage(1, 'ocr', ruledPage([['1', 'Rà soát các', 'Bộ Nội vụ'], ['2', 'Xây dựng kho', 'Bộ Nội vụ']]));
    const second = layoutPage(2, 'ocr', ruledPage([['.', 'dữ liệu số', ''], ['3', 'Triển khai', 'Bộ Nội vụ']]));
    const cut = second.blocks.find((b) => b.table)!.table!.rows[0]!;
    expect(cut.continued).toBe(true);
    expect(cut.cells.map((c) => c.column)).toEqual([1]);

    joinContinuedTables([first, second]);
    const rows = first.blocks.find((b) => b.table)!.table!.rows;
    const text = (column: number) => rows.map((r) => r.cells.find((c) => c.column === column)?.lines.map((l) => l.text).join(' '));
    expect(text(0)).toEqual(['1', '2', '3']);
    expect(text(1)).toEqual(['Rà soát các', 'Xây dựng kho dữ liệu số', 'Triển khai']);
  });
});
