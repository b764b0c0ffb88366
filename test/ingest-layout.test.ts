import { describe, expect, it } from 'vitest';
import type { BBox, Page } from '../pipeline/model/document.ts';
import type { Grid } from '../pipeline/ingest/layout/grid.ts';
import type { PageWords, Rules, Word } from '../pipeline/ingest/geometry.ts';
import { furnitureKind } from '../pipeline/ingest/layout/furniture.ts';
import { joinContinuedTables, layoutPage } from '../pipeline/ingest/layout/index.ts';
import { withMergedCells } from '../pipeline/ingest/layout/merged-cells.ts';
import { segment } from '../pipeline/ingest/layout/rows.ts';
import type { PageTableRow } from '../pipeline/ingest/layout/table.ts';
import { rereadRowLabels } from '../pipeline/ingest/ocr/labels.ts';
import { baseline, neighbourLine, sideBySide, uncoveredLines, whitenPaper } from '../pipeline/ingest/ocr/lost-lines.ts';
import { extractRulingLines } from '../pipeline/ingest/ocr/rules.ts';
import { ocrWords } from '../pipeline/ingest/ocr/words.ts';
import type { GrayImage } from '../pipeline/ingest/pgm.ts';

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
      // A speck between two words read as a dot, and a printed dash.
      tsvWord(5, 1, 'chuyển', [154, 800, 140, 42], 96),
      tsvWord(5, 2, '.', [305, 830, 3, 3], 80),
      tsvWord(5, 3, 'về', [320, 800, 50, 42], 96),
      tsvWord(5, 4, '-', [385, 820, 13, 6], 93),
      tsvWord(5, 5, '2030', [410, 800, 100, 35], 96),
    ].join('\n');
    expect(ocrWords(tsv).map((w) => w.text)).toEqual(['2', 'Xây', 'dựng,', 'hoàn', 'vận', 'hành', 'VI', 'Bảo', 'liệu', 'chuyển', 'về', '-', '2030']);
  });
});

const word = (text: string, x0: number, y0: number): Word => ({ text, bbox: { x0, y0, x1: x0 + 20 * text.length, y1: y0 + 40 }, confidence: 0.95 });
const hRule = (y: number): BBox => ({ x0: 350, x1: 2250, y0: y, y1: y + 6 });
const vRule = (x: number, y0: number, y1: number): BBox => ({ x0: x, x1: x + 6, y0, y1 });

/**
 * A page of a ruled three-column table: a header band, then one band per row given as [stt, task, lead].
 * @param lost indexes of rows whose top rule the scan lost
 * @param numberHeader the header text of the numbering column, as read
 */
function ruledPage(rows: (readonly [string, string, string])[], lost: number[] = [], numberHeader = 'STT'): PageWords {
  const tops = [300, ...rows.map((_, i) => 420 + 300 * i)];
  const bottom = tops.at(-1)! + 300;
  const rules: Rules = {
    horizontal: [...tops, bottom].filter((_, k) => !lost.includes(k - 1)).map(hRule),
    vertical: [350, 480, 1600, 2244].map((x) => vRule(x, 300, bottom + 6)),
  };
  const words = [word(numberHeader, 380, 340), word('Nhiệm', 520, 340), word('vụ', 680, 340), word('Chủ', 1640, 340), word('trì', 1740, 340)];
  rows.forEach(([stt, task, lead], i) => {
    const y = tops[i + 1]! + 40;
    if (stt) words.push(word(stt, 390, y));
    task.split(' ').forEach((t, k) => words.push(word(t, 520 + 160 * k, y)));
    if (lead) lead.split(' ').forEach((t, k) => words.push(word(t, 1640 + 120 * k, y)));
  });
  return { width: 2480, height: 3508, words, rules };
}

/** The text of one column of a page's first table, row by row. */
const columnText = (page: Page, column: number) =>
  page.blocks.find((b) => b.table)!.table!.rows.map((r) => r.cells.find((c) => c.column === column)?.lines.map((l) => l.text).join(' '));

describe('ruled tables across page breaks', () => {
  const first = () => layoutPage(1, 'ocr', ruledPage([['1', 'Rà soát các', 'Bộ Nội vụ'], ['2', 'Xây dựng kho', 'Bộ Nội vụ']]));

  it('takes a speck in the numbering cell for no label: the row cut by the break is joined to its first half', () => {
    const [start, second] = [first(), layoutPage(2, 'ocr', ruledPage([['.', 'dữ liệu số', ''], ['3', 'Triển khai', 'Bộ Nội vụ']]))];
    expect(second.blocks.find((b) => b.table)!.table!.rows[0]!.cells.map((c) => c.column)).toEqual([1]);
    joinContinuedTables([start, second]);
    expect(columnText(start, 0)).toEqual(['1', '2', '3']);
    expect(columnText(start, 1)).toEqual(['Rà soát các', 'Xây dựng kho dữ liệu số', 'Triển khai']);
  });

  it('drops a repeated header whose STT was misread as a label, and joins the cut row under it', () => {
    const [start, second] = [first(), layoutPage(2, 'ocr', ruledPage([['', 'dữ liệu số', ''], ['3', 'Triển khai', 'Bộ Nội vụ']], [], 'I'))];
    joinContinuedTables([start, second]);
    expect(columnText(start, 0)).toEqual(['1', '2', '3']);
    expect(columnText(start, 1)).toEqual(['Rà soát các', 'Xây dựng kho dữ liệu số', 'Triển khai']);
  });

  it('drops a repeated header when both pages misread its STT (II, then 1): the first page’s header row names the columns', () => {
    const rows: [string, string, string][] = [['1', 'Rà soát các', 'Bộ Nội vụ'], ['2', 'Xây dựng kho', 'Bộ Nội vụ']];
    const start = layoutPage(1, 'ocr', ruledPage(rows, [], 'II'));
    expect(start.blocks.find((b) => b.table)!.table!.header.every((h) => h === '')).toBe(true);
    const second = layoutPage(2, 'ocr', ruledPage([['', 'dữ liệu số', ''], ['3', 'Triển khai', 'Bộ Nội vụ']], [], '1'));
    joinContinuedTables([start, second]);
    expect(columnText(start, 0)).toEqual(['II', '1', '2', '3']);
    expect(columnText(start, 1)).toEqual(['Nhiệm vụ', 'Rà soát các', 'Xây dựng kho dữ liệu số', 'Triển khai']);
  });
});

describe('ruled tables with a lost rule', () => {
  it('cuts a band holding two row labels into two rows', () => {
    const page = layoutPage(1, 'ocr', ruledPage([['1', 'Rà soát các', 'Bộ Nội vụ'], ['2', 'Xây dựng kho', 'Bộ Tư pháp'], ['3', 'Triển khai', 'Bộ Nội vụ']], [1]));
    expect(columnText(page, 0)).toEqual(['1', '2', '3']);
    expect(columnText(page, 1)).toEqual(['Rà soát các', 'Xây dựng kho', 'Triển khai']);
    expect(columnText(page, 2)).toEqual(['Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Nội vụ']);
  });
});

/** A white raster with dark rectangles painted on it ([x0, y0, x1, y1], ends excluded). */
function raster(width: number, height: number, dark: number[][], ink = 40): GrayImage {
  const pixels = new Uint8Array(width * height).fill(245);
  for (const [x0, y0, x1, y1] of dark) for (let y = y0!; y < y1!; y++) pixels.fill(ink, y * width + x0!, y * width + x1!);
  return { pixels, width, height };
}

describe('ruling lines', () => {
  it('finds a blurred rule whose faint first line comes in pieces as one rule, and erases it', () => {
    const pieces = [[100, 50, 300, 51], [330, 50, 520, 51], [560, 50, 900, 51]];
    const image = raster(1000, 120, [...pieces, [100, 51, 900, 55]]);
    const { horizontal } = extractRulingLines(image, 120);
    expect(horizontal).toEqual([{ x0: 100, x1: 900, y0: 50, y1: 55 }]);
    expect(Math.min(...image.pixels)).toBe(245);
  });

  it('takes the joined feet of a line of bold letters for text, not a rule, and leaves the letters whole', () => {
    // Letter stems standing on a continuous baseline, as blurred bold serif type comes out.
    const stems = Array.from({ length: 20 }, (_, k) => [100 + 14 * k, 20, 108 + 14 * k, 60]);
    const image = raster(400, 80, [...stems, [100, 58, 380, 62]]);
    const before = image.pixels.slice();
    expect(extractRulingLines(image, 120).horizontal).toEqual([]);
    expect(image.pixels).toEqual(before);
  });

  it('keeps a column rule broken at each row whole across a one-line row, but not a letter stem beside it', () => {
    // A column rule drawn row by row: a one-line header row (80 px), a gap, a three-line row (200 px).
    // Beside it, a letter stem 50 px tall at another column.
    const image = raster(400, 400, [[200, 20, 203, 100], [200, 108, 203, 308], [260, 40, 264, 90]]);
    const { vertical } = extractRulingLines(image, 120);
    expect(vertical).toEqual([{ x0: 200, x1: 203, y0: 20, y1: 308 }]);
    expect(image.pixels[60 * 400 + 201]).toBe(255);
    expect(image.pixels[60 * 400 + 262]).toBe(40);
  });
});

describe('lines the block reading left out', () => {
  /** Three lines of "letters" 40 pixels high; the words read cover the first two. */
  const page = (): GrayImage =>
    raster(600, 240, [0, 1, 2].flatMap((line) => Array.from({ length: 8 }, (_, k) => [40 + 60 * k, 20 + 70 * line, 80 + 60 * k, 60 + 70 * line])));
  const readWord = (text: string, line: number): Word => ({ text, bbox: { x0: 40, y0: 20 + 70 * line, x1: 500, y1: 60 + 70 * line }, confidence: 0.96 });

  it('finds the line of ink no word covers, reaching above it for its marks', () => {
    const lost = uncoveredLines(page(), [readWord('một', 0), readWord('hai', 1)]);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.y0).toBeLessThanOrEqual(160 - 20);
    expect(lost[0]!.y1).toBeGreaterThanOrEqual(200);
    expect(uncoveredLines(page(), [readWord('một', 0), readWord('hai', 1), readWord('ba', 2)])).toEqual([]);
  });

  it('finds every line of a piece read as nothing at all (a header cell), going by a typical word height', () => {
    const lost = uncoveredLines(page(), [], Infinity, 40);
    expect(lost).toHaveLength(3);
    expect(lost.every((b, k) => b.y0 <= 20 + 70 * k && b.y1 >= 60 + 70 * k)).toBe(true);
    // Without a height to go by there is nothing to measure lines against.
    expect(uncoveredLines(page(), [])).toEqual([]);
    expect(uncoveredLines(raster(600, 240, []), [], Infinity, 40)).toEqual([]);
  });

  it('ignores specks', () => {
    const specks = raster(600, 240, [[40, 20, 500, 60], [100, 150, 103, 153], [300, 180, 302, 182]]);
    expect(uncoveredLines(specks, [readWord('một', 0)])).toEqual([]);
  });

  it('paints the paper of a line crop white and leaves the ink', () => {
    const line = raster(100, 40, [[10, 10, 40, 30]]);
    line.pixels[5] = 232; // grain of the paper
    line.pixels[15 * 100 + 45] = 120; // the blurred edge of a letter
    whitenPaper(line);
    expect(line.pixels[0]).toBe(255);
    expect(line.pixels[5]).toBe(255);
    expect(line.pixels[15 * 100 + 45]).toBe(120);
    expect(line.pixels[15 * 100 + 20]).toBe(40);
  });
});

describe('a lost line read beside its neighbour', () => {
  it('takes the line read nearest above the lost one as its context, else the one below', () => {
    const w = (text: string, y0: number): Word => ({ text, bbox: { x0: 40, y0, x1: 300, y1: y0 + 40 }, confidence: 0.96 });
    const lost = { x0: 40, y0: 130, x1: 120, y1: 200 };
    expect(neighbourLine([w('một', 20), w('hai', 90), w('bốn', 230)], lost)).toEqual({ x0: 40, y0: 90, x1: 300, y1: 130 });
    expect(neighbourLine([w('bốn', 230), w('năm', 300)], lost)).toEqual({ x0: 40, y0: 230, x1: 300, y1: 270 });
    expect(neighbourLine([], lost)).toBeUndefined();
  });

  it('sets two lines side by side with their baselines level, whatever hangs below them', () => {
    // A body from 10 to 40 with a thin descender to 55; a shorter body from 20 to 44 with a dot below at 50.
    const first = raster(100, 60, [[10, 10, 90, 40], [20, 40, 24, 55]]);
    const second = raster(50, 60, [[10, 20, 40, 44], [20, 49, 23, 52]]);
    expect([baseline(first), baseline(second)]).toEqual([40, 44]);
    const { image, x, y } = sideBySide(first, second);
    expect([x, y]).toEqual([100, 0]);
    // Both bodies end on row 43 of the joined image: the first one was moved down by 4.
    const inked = (px: number, row: number): boolean => image.pixels[row * image.width + px]! < 128;
    expect([inked(50, 43), inked(x + 20, 43)]).toEqual([true, true]);
    expect([inked(50, 44), inked(x + 20, 44)]).toEqual([false, false]);
    expect(baseline(image)).toBe(44);
  });
});

describe('numbering cells read again', () => {
  const edges = [350, 480, 1600, 2244];
  const grid: Grid = {
    region: { x0: 350, x1: 2244, y0: 300, y1: 1320 },
    xs: edges,
    bands: [300, 420, 720, 1020].map((top) => ({ top: top + 6, bottom: top + (top === 300 ? 120 : 300), edges, open: [] })),
    verticals: [],
    tolerance: 45,
  };
  const cellWord = (text: string, top: number): Word => word(text, 390, top + 40);

  it('reads again with the label charset a numbering cell that is no label, and keeps a reading that is one', async () => {
    const words = [cellWord('ST.', 300), cellWord('VIH', 420), word('Ứng', 520, 460), cellWord('2', 720), cellWord('VNI', 1020)];
    const asked: BBox[] = [];
    const readLabel = async (box: BBox): Promise<Word[]> => {
      asked.push(box);
      return [{ text: box.y0 < 1000 ? 'VIII' : '?', bbox: { ...box }, confidence: 0.9 }];
    };
    const out = await rereadRowLabels(words, [grid], readLabel);
    // The header (no digit, no numeral letter) and the good label are not read again; a new reading that is no label is dropped.
    expect(asked).toHaveLength(2);
    expect(out.map((w) => w.text)).toEqual(['ST.', 'VIII', 'Ứng', '2', 'VNI']);
  });
});

describe('page furniture', () => {
  const top: BBox = { x0: 1200, x1: 1260, y0: 100, y1: 140 };
  const middle: BBox = { x0: 1200, x1: 1260, y0: 1700, y1: 1740 };
  it('marks a page number alone in the margin band, with a speck the OCR added after it', () => {
    for (const text of ['13', '- 13 -', 'Trang 13', '13/23', '13:', '18.']) expect(furnitureKind(text, top, 3508)).toBe('page-header');
    expect(furnitureKind('13.', middle, 3508)).toBeUndefined();
    expect(furnitureKind('13. Nhiệm vụ', top, 3508)).toBeUndefined();
  });
});

describe('vertically merged cells', () => {
  // A table in points, lines 10 high at a leading of 12.5, rows padded by 4 above and below.
  const line = (text: string, x: number, top: number) => segment([{ text, bbox: { x0: x, x1: x + 8 * text.length, y0: top, y1: top + 10 } }]);
  const lines = (x: number, top: number, ...texts: string[]) => texts.map((t, j) => line(t, x, top + 12.5 * j));
  /** Two three-line tasks; `lead` gives each row's lead cell. */
  const table = (lead: (top: number, r: number) => ReturnType<typeof line>[], openAbove?: number[][]): PageTableRow[] =>
    [0, 1].map((r) => {
      const top = 100 + r * 45.5;
      return { cells: [[line(String(r + 1), 10, top)], lines(40, top, 'Số hóa', 'hồ sơ', 'lưu trữ'), lead(top, r)], ...(openAbove ? { openAbove: openAbove[r] } : {}) };
    });
  const leads = (rows: readonly PageTableRow[]) => rows.map((r) => [r.cells[2]!.map((s) => s.text).join(' '), r.spans?.[2]]);

  it('gives a text centred down two rows, or cut between them, to both, with its span', () => {
    // One line centred on the rows' boundary, read into the lower row; two lines cut one above, one below.
    const centred = table((top, r) => (r === 1 ? [line('Sở Nội vụ', 140, top - 4 - 5)] : []));
    const cut = table((top, r) => (r === 0 ? [line('Sở Nội', 140, top + 24)] : [line('vụ', 140, top - 4 - 5 + 2.5)]));
    expect(leads(withMergedCells(centred))).toEqual([['Sở Nội vụ', { rows: 2, offset: 0 }], ['Sở Nội vụ', { rows: 2, offset: 1 }]]);
    expect(leads(withMergedCells(cut))).toEqual([['Sở Nội vụ', { rows: 2, offset: 0 }], ['Sở Nội vụ', { rows: 2, offset: 1 }]]);
  });

  it('leaves a cell set at its row\'s top to its row, however empty the cell below it', () => {
    const rows = table((top, r) => (r === 0 ? [line('Sở Nội vụ', 140, top)] : []));
    expect(leads(withMergedCells(rows))).toEqual([['Sở Nội vụ', undefined], ['', undefined]]);
  });

  it('on a ruled table follows the rules: a rule leaving the column out joins the rows, however the text is set; texts of their own stay apart', () => {
    const atTop = table((top, r) => (r === 0 ? [line('Sở Nội vụ', 140, top)] : []), [[], [2]]);
    expect(leads(withMergedCells(atTop))).toEqual([['Sở Nội vụ', { rows: 2, offset: 0 }], ['Sở Nội vụ', { rows: 2, offset: 1 }]]);
    const twoTexts = table((top, r) => [line(r === 0 ? 'Sở Nội vụ' : 'Sở Tư pháp', 140, top)], [[], [2]]);
    expect(leads(withMergedCells(twoTexts))).toEqual([['Sở Nội vụ', undefined], ['Sở Tư pháp', undefined]]);
  });
});
