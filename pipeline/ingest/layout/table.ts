import type { BBox, CellSpan } from '../../model/document.ts';
import { unionBox, type Word } from '../geometry.ts';
import { segment, splitRow, type Row, type Segment } from './rows.ts';

/** A table found on one page: column header texts and body rows, cells as segments (one per visual line). */
export interface PageTable {
  header: string[];
  rows: PageTableRow[];
  bbox: BBox;
}

/** A body row. */
export interface PageTableRow {
  /** Cell lines by column index. */
  cells: Segment[][];
  /** By column index: the span of a vertically merged cell whose lines this row's cell repeats. */
  spans?: (CellSpan | undefined)[];
  /** On a ruled table: the columns where the rule above this row is missing, a merged cell running on from the row above. */
  openAbove?: number[];
}

/** The header cell of the numbering column (STT, TT). */
const NUMBER_HEADER = /^(S\s?TT|TT)$/i;
/** A row label in the numbering column: roman numerals for sections, numbers (1, 1.2), letters (a). */
const ROW_LABEL = /^([IVXLC]+|\d{1,3}(\.\d{1,3})*|[a-zđ])[.)]?$/i;

const clean = (s: string): string => s.replace(/[^\p{L}\p{N}.\s]/gu, '').trim();

/**
 * A numbering cell holds nothing but its label, so specks read around it (`1!`, `2 .`, `: 3`)
 * are dropped: the label alone when the cell's letters, digits and inner dots make one, else `undefined`.
 */
export function rowLabel(text: string): string | undefined {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}.]/gu, '').replace(/^\.+/, ''))
    .filter(Boolean);
  return words.length === 1 && ROW_LABEL.test(words[0]!) ? words[0] : undefined;
}

/**
 * Finds the tables on a page from word geometry alone: a header row anchored on its numbering
 * column (STT), columns from the header cells' positions refined to the gutters of the body text,
 * rows started by the labels in the numbering column.
 * @param rows the page's rows, top to bottom
 * @param h typical word height of the page
 * @returns the tables and the indexes of the rows they use
 */
export function findTables(rows: readonly Row[], h: number): { tables: PageTable[]; used: Set<number> } {
  const tables: PageTable[] = [];
  const used = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    if (used.has(i) || !NUMBER_HEADER.test(clean(rows[i]!.words[0]!.text))) continue;
    const found = tableAt(rows, i, h);
    if (!found) continue;
    tables.push(found.table);
    for (let k = found.first; k <= found.last; k++) used.add(k);
  }
  return { tables, used };
}

/** Finds the table whose header contains row `anchor` (the STT line), and the rows it spans. */
function tableAt(rows: readonly Row[], anchor: number, h: number) {
  const sttBox = rows[anchor]!.words[0]!.bbox;
  const first = headerTop(rows, anchor, h);
  let bodyStart = anchor + 1;
  while (bodyStart < rows.length && !hasLabel(rows[bodyStart]!, sttBox, h) && gapBetween(rows[bodyStart - 1]!, rows[bodyStart]!) < 0.65 * h) bodyStart++;
  const columns = headerColumns(rows.slice(first, bodyStart), h);
  if (columns.length < 3) return undefined;
  const next = nextTableTop(rows, bodyStart, h);
  let last = bodyStart - 1;
  while (last + 1 < next && gapBetween(rows[last]!, rows[last + 1]!) < 2.5 * h) last++;
  if (next < rows.length && last + 1 === next) last = endBeforeHeading(rows, bodyStart, last, sttBox, h);
  const body = rows.slice(bodyStart, last + 1);
  const bounds = boundaries(columns, body, h);
  const tableRows = bodyRows(body, bounds, sttBox, h);
  const header = columns.map((c) => c.text);
  const bbox = unionBox(rows.slice(first, last + 1).map((r) => r.bbox));
  return { table: { header, rows: tableRows, bbox }, first, last };
}

const gapBetween = (upper: Row, lower: Row): number => lower.bbox.y0 - upper.bbox.y1;

/** The first header line of the next table below row `from` (its numbering column's name and the header lines above it), or the row count. */
function nextTableTop(rows: readonly Row[], from: number, h: number): number {
  for (let j = from; j < rows.length; j++) {
    if (NUMBER_HEADER.test(clean(rows[j]!.words[0]!.text))) return headerTop(rows, j, h);
  }
  return rows.length;
}

/** The top line of the header whose numbering column's name is on row `anchor`. */
function headerTop(rows: readonly Row[], anchor: number, h: number): number {
  const stt = rows[anchor]!.words[0]!.bbox;
  let first = anchor;
  // Header lines above the STT line belong to taller header cells, whose STT text is centred below them.
  while (first > 0 && gapBetween(rows[first - 1]!, rows[first]!) < 0.65 * h && !rows[first - 1]!.words.some((w) => w.bbox.x0 < stt.x1)) first--;
  return first;
}

/**
 * The last row of a table that runs into the next one's header: the lines between are the next
 * table's heading (PHỤ LỤC II, its title), set apart from the last row by the widest gap after
 * the last row label.
 */
function endBeforeHeading(rows: readonly Row[], bodyStart: number, last: number, stt: BBox, h: number): number {
  let labelled = bodyStart;
  for (let k = bodyStart; k <= last; k++) if (hasLabel(rows[k]!, stt, h)) labelled = k;
  let end = last;
  let widest = -Infinity;
  for (let k = labelled; k < last; k++) {
    const gap = gapBetween(rows[k]!, rows[k + 1]!);
    if (gap > widest) {
      widest = gap;
      end = k;
    }
  }
  return end;
}

/** True when the row has a row label (STT value) under the header's STT cell. */
function hasLabel(row: Row, stt: BBox, h: number): boolean {
  const w = row.words[0]!;
  const centre = (w.bbox.x0 + w.bbox.x1) / 2;
  return centre < stt.x1 + h && centre > stt.x0 - h && rowLabel(w.text) !== undefined;
}

/** A header cell: its span and its lines' text, top to bottom. */
interface HeaderColumn {
  x0: number;
  x1: number;
  text: string;
}

/** A header segment with the index of the header line it is on. */
interface HeaderPart {
  segment: Segment;
  line: number;
}

/** Parts merged where they overlap horizontally: the lines of each cell. */
function overlapping(parts: readonly HeaderPart[]): HeaderPart[][] {
  const groups: { x1: number; parts: HeaderPart[] }[] = [];
  for (const p of [...parts].sort((a, b) => a.segment.bbox.x0 - b.segment.bbox.x0)) {
    const last = groups.at(-1);
    if (last && p.segment.bbox.x0 < last.x1) {
      last.parts.push(p);
      last.x1 = Math.max(last.x1, p.segment.bbox.x1);
    } else groups.push({ x1: p.segment.bbox.x1, parts: [p] });
  }
  return groups.map((g) => g.parts);
}

const headerText = (parts: readonly HeaderPart[]): string =>
  [...parts].sort((a, b) => a.line - b.line || a.segment.bbox.x0 - b.segment.bbox.x0).map((p) => p.segment.text).join(' ');

function headerColumn(parts: readonly HeaderPart[], prefix = ''): HeaderColumn {
  const text = headerText(parts);
  return {
    x0: Math.min(...parts.map((p) => p.segment.bbox.x0)),
    x1: Math.max(...parts.map((p) => p.segment.bbox.x1)),
    text: prefix ? `${prefix} ${text}` : text,
  };
}

/**
 * The columns under one header cell. A name spanning several columns (`Cơ quan thực hiện` over
 * `Chủ trì` and `Phối hợp`) sits above the names of its columns, which its lines overlap all
 * together: the lowest lines, as long as each of their parts falls within one of two or more
 * cells, are the second level, and each of its cells is a column named after both levels.
 */
function underSpanningName(parts: readonly HeaderPart[]): HeaderColumn[] {
  const last = Math.max(...parts.map((p) => p.line));
  let cells = overlapping(parts.filter((p) => p.line === last));
  if (cells.length < 2) return [headerColumn(parts)];
  let from = last;
  while (from - 1 >= 0) {
    const wider = overlapping(parts.filter((p) => p.line >= from - 1));
    if (wider.length !== cells.length) break;
    cells = wider;
    from--;
  }
  const top = parts.filter((p) => p.line < from);
  if (top.length === 0) return [headerColumn(parts)];
  return cells.map((c) => headerColumn(c, headerText(top)));
}

/** Header cells: the header's segments merged where they overlap horizontally (a cell's wrapped lines), a spanning name's columns apart. */
function headerColumns(headerRows: readonly Row[], h: number): HeaderColumn[] {
  const parts = headerRows.flatMap((r, line) => splitRow(r, 0.8 * h).map((segment) => ({ segment, line })));
  return overlapping(parts).flatMap(underSpanningName);
}

/**
 * Column boundaries: between two header cells, the position crossed by the fewest runs of body
 * text (a gutter), so body text wider than its header text stays in its column. Runs, not words:
 * the word spaces of a cell's phrase are no gutter, though the cells of a column all have one
 * in the same place (Sở Nội vụ).
 */
function boundaries(columns: readonly { x0: number; x1: number }[], body: readonly Row[], h: number): number[] {
  const words = body.flatMap((r) => splitRow(r, 0.55 * h));
  const out: number[] = [];
  for (let c = 0; c + 1 < columns.length; c++) {
    const lo = Math.floor(columns[c]!.x1);
    const hi = Math.ceil(columns[c + 1]!.x0);
    if (hi - lo < 2) {
      out.push((lo + hi) / 2);
      continue;
    }
    const cover = new Int32Array(hi - lo);
    for (const w of words) for (let x = Math.max(lo, Math.ceil(w.bbox.x0)); x < Math.min(hi, w.bbox.x1); x++) cover[x - lo]!++;
    const min = Math.min(...cover);
    let best = { start: 0, len: 0 };
    for (let x = 0; x < cover.length; ) {
      if (cover[x] !== min) {
        x++;
        continue;
      }
      const start = x;
      while (x < cover.length && cover[x] === min) x++;
      if (x - start > best.len) best = { start, len: x - start };
    }
    out.push(lo + best.start + best.len / 2);
  }
  return out;
}

/** Index of the column holding position x, given the boundaries between columns. */
const columnAt = (bounds: readonly number[], x: number): number => bounds.filter((b) => x >= b).length;

/**
 * Body rows: each visual row is cut into cells at the column boundaries (a run of words that crosses
 * a boundary with only word spaces is one merged cell, such as a section title); a row label in the
 * numbering column starts a new table row.
 */
function bodyRows(body: readonly Row[], bounds: readonly number[], stt: BBox, h: number): PageTableRow[] {
  const rows: PageTableRow[] = [];
  body.forEach((row, k) => {
    const labelled = hasLabel(row, stt, h) && columnAt(bounds, row.words[0]!.bbox.x1 - 1) === 0;
    if (labelled || rows.length === 0 || gapBetween(body[k - 1]!, row) > 1.0 * h) rows.push({ cells: bounds.map(() => []).concat([[]]) });
    const current = rows.at(-1)!;
    // What follows a row label is set in the columns after the numbering, however near it starts.
    cellRuns(row.words, bounds, h, labelled).forEach((words, r) => {
      const column = columnAt(bounds, words[0]!.bbox.x0 + 1);
      current.cells[r > 0 && labelled ? Math.max(1, column) : column]!.push(segment(words));
    });
  });
  return rows;
}

/**
 * Splits a row's words into the runs of its cells: where a gap wider than a word space holds a
 * column boundary, or a gap is very wide. A row's label (`labelled`) is a run of its own, however close the
 * title after it is set (VIII Đào tạo). A row set as two or more cells besides its label is a
 * row of cells all along, so there a word space that holds a boundary splits too: a gutter
 * squeezed to one space, as space-aligned text sets two cells that nearly touch. A title running
 * over the columns is set alone on its row, and stays whole.
 */
function cellRuns(words: readonly Word[], bounds: readonly number[], h: number, labelled: boolean): Word[][] {
  const holdsBoundary = (a: Word, b: Word): boolean => bounds.some((x) => x > a.bbox.x1 - 1 && x < b.bbox.x0 + 1);
  const runs: Word[][] = [];
  for (const w of words) {
    const last = runs.at(-1)?.at(-1);
    const gap = last ? w.bbox.x0 - last.bbox.x1 : 0;
    const afterLabel = labelled && last === words[0];
    if (!last || afterLabel || (holdsBoundary(last, w) && gap > 0.55 * h) || gap > 1.5 * h) runs.push([w]);
    else runs.at(-1)!.push(w);
  }
  // Runs reaching past the numbering column: the row's cells besides its label.
  const cells = runs.filter((r) => r.at(-1)!.bbox.x1 > bounds[0]!);
  return cells.length < 2 ? runs : runs.flatMap((r) => splitWhere(r, holdsBoundary));
}

/** Cuts a run of words between every two neighbours for which `cut` holds. */
function splitWhere(words: readonly Word[], cut: (a: Word, b: Word) => boolean): Word[][] {
  const out: Word[][] = [[words[0]!]];
  for (let k = 1; k < words.length; k++) {
    if (cut(words[k - 1]!, words[k]!)) out.push([words[k]!]);
    else out.at(-1)!.push(words[k]!);
  }
  return out;
}
