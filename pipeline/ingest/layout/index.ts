import levenshtein from 'fast-levenshtein';
import type { Block, IngestPath, Line, Page, Table, TableRow } from '../../model/document.ts';
import type { PageWords } from '../geometry.ts';
import { groupBlocks, orderBlocks, type TextBlock } from './blocks.ts';
import { furnitureKind } from './furniture.ts';
import { groupRows, segment, splitRow, typicalHeight, type Segment } from './rows.ts';
import { findGridTables } from './grid.ts';
import { withMergedCells } from './merged-cells.ts';
import { findTables, rowLabel, type PageTable } from './table.ts';

/** A column gutter is wider than this many word heights (issuer | national motto). */
export const GUTTER = 2;

/**
 * Lays out one page: words → rows → tables and column segments → blocks in reading order, with
 * page numbers marked as page headers/footers. Line numbers are assigned by {@link numberLines}.
 */
export function layoutPage(number: number, path: IngestPath, page: PageWords): Page {
  const h = typicalHeight(page.words);
  const grid = page.rules ? findGridTables(page.words, page.rules, page.width, h) : { tables: [], rest: page.words };
  const rows = groupRows(grid.rest);
  const found = findTables(rows, h);
  const tables = [...grid.tables, ...found.tables].map((t) => ({ ...t, rows: withMergedCells(t.rows) }));
  const used = found.used;
  const segments = rows.flatMap((r, i) => (used.has(i) ? [] : splitRow(r, GUTTER * h)));
  const textBlocks = groupBlocks(segments, h);
  const tableBlocks: TextBlock[] = tables.map((t) => ({ segments: [], bbox: t.bbox }));
  const ordered = orderBlocks([...textBlocks, ...tableBlocks]);
  const blocks = ordered.map((b): Block => {
    const t = tableBlocks.indexOf(b);
    if (t >= 0) return tableBlock(tables[t]!, number);
    const lines = b.segments.map((s) => toLine(s, number));
    const furniture = lines.length === 1 ? furnitureKind(lines[0]!.text, b.bbox, page.height) : undefined;
    return { kind: furniture ?? 'text', lines };
  });
  return { number, path, blocks, width: page.width, height: page.height, ...(page.rotation ? { rotation: page.rotation } : {}) };
}

function toLine(s: Segment, page: number): Line {
  const line: Line = { text: s.text, prov: { page, line: 0, bbox: s.bbox } };
  const conf = s.words.map((w) => w.confidence).filter((c) => c !== undefined);
  if (conf.length > 0) line.confidence = conf.reduce((a, b) => a + b, 0) / conf.length;
  return line;
}

/** A table found on a page as a table block: cells by column, numbering cells reduced to their labels. */
export function tableBlock(t: PageTable, page: number): Block {
  const rows: TableRow[] = t.rows.map((r) => ({
    page,
    cells: r.cells.flatMap((segments, column) => {
      const lines = cellLines(segments, column, page);
      const span = r.spans?.[column];
      return lines.length > 0 ? [{ column, lines, ...(span ? { span } : {}) }] : [];
    }),
  }));
  return { kind: 'table', lines: [], table: { header: t.header, rows } };
}

/**
 * A cell's lines; a numbering cell (column 0) reduced to its label where it has one, and dropped
 * where it holds neither letter nor digit (specks read as '.', ',': a row cut by a page break has no label).
 */
function cellLines(segments: Segment[], column: number, page: number): Line[] {
  const lines = segments.map((s) => toLine(s, page));
  if (column !== 0) return lines;
  const text = lines.map((l) => l.text).join(' ');
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  const label = rowLabel(text);
  if (label === undefined) return lines;
  const words = segments.flatMap((s) => s.words);
  return [{ ...toLine(segment(words), page), text: label }];
}

/**
 * Joins tables that go on over page breaks into the block where they began: the repeated header
 * is dropped, and a first row without a label (the rest of a row cut by the break) is joined to the
 * row it continues, so no row of the result is a fragment. A table may run over many pages.
 */
export function joinContinuedTables(pages: readonly Page[]): void {
  let open: Block | undefined;
  for (const page of pages) {
    const content = (b: Block): boolean => b.kind !== 'page-header' && b.kind !== 'page-footer';
    const startIndex = page.blocks.findIndex(content);
    const start = page.blocks[startIndex];
    if (start?.table && open?.table && sameColumns(open.table, start.table)) {
      appendRows(open.table, start.table.rows);
      page.blocks.splice(startIndex, 1);
    }
    open = page.blocks.findLast(content) ?? open;
  }
}

function appendRows(table: Table, rows: readonly TableRow[]): void {
  const [first, ...rest] = rows[0] && repeatsHeader(rows[0], headerNames(table)) ? rows.slice(1) : rows;
  const target = table.rows.at(-1);
  if (first && target && !isLabelled(first)) appendRow(target, first);
  else if (first) rest.unshift(first);
  table.rows.push(...rest);
}

const cellText = (row: TableRow, column: number): string =>
  row.cells
    .filter((c) => c.column === column)
    .flatMap((c) => c.lines.map((l) => l.text))
    .join(' ');

/**
 * True when a row's numbering cell holds a row label (STT), or opens with one before a title in
 * capitals (`III. HẠ TẦNG VÀ THỊ TRƯỜNG`, a heading merged across the row): no fragment of a row cut
 * by a page break.
 */
function isLabelled(row: TableRow): boolean {
  const text = cellText(row, 0);
  const [first = '', ...title] = text.split(/\s+/);
  return rowLabel(text) !== undefined || (/\.$/.test(first) && rowLabel(first) !== undefined && title.length > 0 && !/\p{Ll}/u.test(title.join(' ')));
}

/**
 * The names of a table's columns: its header's, or, where its first page took the header for a
 * row (its STT misread as a label such as `II`), that first row's.
 */
function headerNames(table: Table): readonly string[] {
  const first = table.rows[0];
  if (table.header.some((h) => h !== '') || !first) return table.header;
  return table.header.map((_, column) => cellText(first, column));
}

/** Letters and digits of a header text, lower case: what survives a misread speck or mark. */
const headerKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Header cells a repeated header must match, as a share of the named ones, and how closely. */
const REPEATED_SHARE = 0.6;
const REPEATED_SIMILARITY = 0.8;

/**
 * True when a page's first row is the table's header printed again, though its page did not take
 * it for a header (an OCR misread of `STT` as a label such as `I`): most named header cells, the
 * numbering one aside, are matched by the row's cells.
 */
function repeatsHeader(row: TableRow, header: readonly string[]): boolean {
  let named = 0;
  let same = 0;
  header.forEach((h, column) => {
    const key = headerKey(h);
    if (column === 0 || key === '') return;
    named++;
    const text = headerKey(cellText(row, column));
    if (text !== '' && 1 - levenshtein.get(key, text) / Math.max(key.length, text.length) >= REPEATED_SIMILARITY) same++;
  });
  return named >= 2 && same >= REPEATED_SHARE * named;
}

function sameColumns(a: Table, b: Table): boolean {
  return a.header.length === b.header.length;
}

/** Joins the cells of `next` (the second half of a row cut by a page break) to `row`. */
function appendRow(row: TableRow, next: TableRow): void {
  for (const cell of next.cells) {
    const target = row.cells.find((c) => c.column === cell.column);
    if (target) target.lines.push(...cell.lines);
    else row.cells.push(cell);
  }
  row.cells.sort((a, b) => a.column - b.column);
}

/**
 * Numbers a page's lines in reading order (tables cell by cell), leaving one blank line between
 * blocks, so the plain-text rendering keeps paragraphs apart.
 */
export function numberLines(page: Page): void {
  let n = 1;
  for (const block of page.blocks) {
    const lines = block.table ? block.table.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) : block.lines;
    for (const line of lines) line.prov.line = n++;
    n++;
  }
}
