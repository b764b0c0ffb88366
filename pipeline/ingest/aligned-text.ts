import type { BBox, Block, Document, Line, Page } from '../model/document.ts';
import type { Word } from './geometry.ts';
import { furnitureKind } from './layout/furniture.ts';
import { joinContinuedTables, tableBlock } from './layout/index.ts';
import type { Row } from './layout/rows.ts';
import { findTables } from './layout/table.ts';
import { sideBySideColumns } from './text-columns.ts';

/**
 * The layout of space-aligned text: what `pdftotext -layout`, fixed-width exports and OCR
 * engines that keep inter-word spaces write, each column of a table set at its own character
 * position, each row's cells wrapped over several lines, side-by-side blocks on shared lines.
 * Table lines are read as word geometry, one character cell per unit of width, and the tables
 * found by the same finder as on PDF pages.
 */

/**
 * Height of a character cell and the distance between lines, in units of one character's
 * width: the proportions of printed text the geometry thresholds are set for. One space is then
 * a word space (half a word height), two or more a gutter; lines follow each other closely and
 * one blank line is a paragraph break.
 */
const CELL_HEIGHT = 2;
const LINE_PITCH = 3;

/** A line opening with the numbering column's header (STT, TT) and a gutter after it. */
const NUMBER_HEADER_LINE = /^\s*(S\s?TT|TT)\s{2,}\S/;

/**
 * Reads the layout of a plain-text document: its space-aligned tables into table blocks, as
 * ingest does for PDF pages, joining those that go on over a form feed; blocks set as two
 * side-by-side columns become two blocks, left then right. Other lines, and pages with tab-separated rows (which
 * segmentation reads as they are), stay as they were. Lines keep their line numbers in the file;
 * those read from positions have boxes in character cells (x: 0-based column, y: 0-based line).
 */
export function withTextLayout(doc: Document): Document {
  const pages = doc.pages.map(pageWithTables).map((page) => ({
    ...page,
    blocks: page.blocks.flatMap((b) => (b.kind === 'text' ? sideBySideColumns(b) : [b])),
  }));
  joinContinuedTables(pages);
  return { ...doc, pages };
}

function pageWithTables(page: Page): Page {
  const lines = page.blocks.flatMap((b) => b.lines);
  if (!lines.some((l) => NUMBER_HEADER_LINE.test(l.text)) || lines.some((l) => l.text.includes('\t'))) return page;
  const furniture = pageFurniture(lines);
  const inFlow = lines.filter((l) => !furniture.has(l));
  const { tables, used } = findTables(inFlow.map(rowOf), CELL_HEIGHT);
  if (tables.length === 0) return page;
  const tableStarts = new Map<Line, Block>();
  for (const t of tables) {
    const first = inFlow.find((l) => l.prov.line === lineAt(t.bbox.y0))!;
    tableStarts.set(first, inCharacterCells(tableBlock(t, page.number)));
  }
  const inTable = new Set([...used].map((i) => inFlow[i]!));
  const blocks: Block[] = [];
  for (const block of page.blocks) {
    let run: Line[] = [];
    const flush = (): void => {
      if (run.length > 0) blocks.push({ ...block, lines: run });
      run = [];
    };
    for (const line of block.lines) {
      const table = tableStarts.get(line);
      const kind = furniture.get(line);
      if (table || kind || inTable.has(line)) flush();
      if (table) blocks.push(table);
      if (kind) blocks.push({ kind, lines: [line] });
      else if (!inTable.has(line)) run.push(line);
    }
    flush();
  }
  return { ...page, blocks };
}

/**
 * A page number alone on the first or last line of a page: running furniture, which would
 * otherwise be read into the table cell above or below it (layout text keeps no margins).
 */
function pageFurniture(lines: readonly Line[]): Map<Line, 'page-header' | 'page-footer'> {
  const out = new Map<Line, 'page-header' | 'page-footer'>();
  const first = lines[0]?.prov.line ?? 0;
  const height = (lines.at(-1)?.prov.line ?? 0) - first + 1;
  for (const line of [lines[0], lines.at(-1)]) {
    if (!line) continue;
    const y = line.prov.line - first;
    const kind = furnitureKind(line.text, { x0: 0, x1: 1, y0: y, y1: y + 1 }, height);
    if (kind) out.set(line, kind);
  }
  return out;
}

/** A text line as a row of words placed by character position. */
function rowOf(line: Line): Row {
  const chars = [...line.text];
  const words: Word[] = [];
  const y0 = (line.prov.line - 1) * LINE_PITCH;
  for (let x = 0; x < chars.length; ) {
    if (/\s/u.test(chars[x]!)) {
      x++;
      continue;
    }
    const start = x;
    while (x < chars.length && !/\s/u.test(chars[x]!)) x++;
    words.push({ text: chars.slice(start, x).join(''), bbox: { x0: start, x1: x, y0, y1: y0 + CELL_HEIGHT } });
  }
  const bbox = { x0: words[0]?.bbox.x0 ?? 0, x1: words.at(-1)?.bbox.x1 ?? 0, y0, y1: y0 + CELL_HEIGHT };
  return { words, bbox };
}

/** The file line (1-based) of a layout y. */
const lineAt = (y: number): number => Math.round(y / LINE_PITCH) + 1;

/** A table block whose lines carry their file line numbers and boxes in character cells. */
function inCharacterCells(block: Block): Block {
  for (const row of block.table?.rows ?? []) {
    for (const line of row.cells.flatMap((c) => c.lines)) {
      const box: BBox | undefined = line.prov.bbox;
      if (!box) continue;
      const n = lineAt(box.y0);
      line.prov = { ...line.prov, line: n, bbox: { x0: box.x0, x1: box.x1, y0: n - 1, y1: n } };
    }
  }
  return block;
}
