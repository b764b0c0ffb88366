import type { Block, Document, Line, Page } from '../model/document.ts';
import { furnitureKind } from './layout/furniture.ts';
import { joinContinuedTables, tableBlock } from './layout/index.ts';
import { findTables } from './layout/table.ts';
import { sideBySideColumns } from './text-columns.ts';
import { CELL_HEIGHT, inCharacterCells, textRow } from './text-geometry.ts';

/**
 * The layout of space-aligned text: what `pdftotext -layout`, fixed-width exports and OCR
 * engines that keep inter-word spaces write, each column of a table set at its own character
 * position, each row's cells wrapped over several lines, side-by-side blocks on shared lines.
 * Table lines are read as word geometry, one character cell per unit of width, and the tables
 * found by the same finder as on PDF pages.
 */

/**
 * A line opening with the numbering column's header (STT, TT) and a gutter after it: the mark of a
 * space-aligned table. `STT Nhiệm vụ …` with single spaces (a header run together, as in OCR text)
 * is no such table, and the page is left to segmentation.
 */
const NUMBER_HEADER_LINE = /^\s*(S\s?TT|TT)\s{2,}\S/i;

/**
 * Reads the layout of a plain-text document: its space-aligned tables into table blocks, as
 * ingest does for PDF pages, joining those that go on over a form feed (pages with tab-separated
 * rows are left to segmentation, which reads those); blocks set as two side-by-side columns become
 * two blocks, left then right. Other lines stay as they were. Lines keep their line numbers in the file;
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
  const rows = inFlow.map(textRow);
  const { tables, used } = findTables(rows, CELL_HEIGHT);
  if (tables.length === 0) return page;
  const tableStarts = new Map<Line, Block>();
  for (const t of tables) tableStarts.set(inFlow[rows.findIndex((r) => r.bbox.y0 === t.bbox.y0)]!, withFileLines(tableBlock(t, page.number)));
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

/** A table block whose lines carry their file line numbers and boxes in character cells. */
function withFileLines(block: Block): Block {
  for (const row of block.table?.rows ?? []) for (const line of row.cells.flatMap((c) => c.lines)) line.prov = inCharacterCells(line.prov);
  return block;
}
