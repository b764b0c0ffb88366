import { median } from '../geometry.ts';
import type { Segment } from './rows.ts';
import { rowLabel, type PageTableRow } from './table.ts';

/**
 * Vertically merged cells (an agency leading several tasks, one deadline for a group): authors
 * merge a column's cells down the rows they share and centre the text in the merged cell. Read
 * row by row, its text lands in the middle row, or is cut between two, and the other rows look
 * empty. The page's geometry tells it apart from a cell of one row:
 * - its lines run on across a row's top at the spacing of one cell's lines, where the rows of a
 *   table are parted by the cells' padding (the gap under each row's tallest cell shows how much);
 * - or its text sits centred down a run of rows whose cells in that column are otherwise empty,
 *   where a cell of one row starts at its row's top (or is centred in its own row).
 * On a ruled table the rules tell it outright: the rule between two rows leaves the merged
 * cell's column out, however the text is set in it.
 * Such a text is given to every row it spans, each row's copy marked with the span.
 */
export function withMergedCells(rows: readonly PageTableRow[]): PageTableRow[] {
  if (rows.length < 2) return [...rows];
  // The table's own line height: a table is often set smaller than the page's text.
  const h = median(rows.flatMap((r) => r.cells.flat().map((s) => s.bottom - s.top)));
  const tops = rows.map(rowTop);
  if (tops.some((t) => !Number.isFinite(t))) return [...rows];
  const gaps = spacing(rows, tops, h);
  if (!gaps) return [...rows];
  const out: PageTableRow[] = rows.map((r) => ({ ...r, cells: r.cells.map((c) => [...c]), spans: r.spans ? [...r.spans] : r.cells.map(() => undefined) }));
  const columns = Math.max(...rows.map((r) => r.cells.length));
  const blocks = Array.from({ length: columns }, (_, k) => (k === 0 ? [] : textBlocks(out, k, gaps.join)));
  const ruled = rows.some((r) => r.openAbove !== undefined);
  // Only the geometric reading asks how the table sets its cells.
  const topAligned = !ruled && setAtTop(blocks.flat(), rows, tops, h);
  for (let k = 1; k < columns; k++) {
    for (const block of blocks[k]!) {
      const span = ruled ? spanByRules(block, out, k) : spanOf(block, out, k, tops, gaps.pad, h, topAligned);
      if (!span) continue;
      for (let r = span.from; r <= span.to; r++) {
        out[r]!.cells[k] = [...block.segments];
        out[r]!.spans![k] = { rows: span.to - span.from + 1, offset: r - span.from };
      }
    }
  }
  return out;
}

/**
 * On a ruled table the rules say which cells are merged: a block's rows with the rows around it
 * that no rule parts from them in its column. The block must be the only text of those rows in
 * the column (a rule lost in one column alone does not join two cells' texts).
 */
function spanByRules(block: TextBlock, rows: readonly PageTableRow[], k: number): { from: number; to: number } | undefined {
  const open = (r: number): boolean => rows[r]!.openAbove?.includes(k) ?? false;
  let from = block.first;
  while (from > 0 && open(from)) from--;
  let to = block.last;
  while (to + 1 < rows.length && open(to + 1)) to++;
  for (let r = block.first + 1; r <= block.last; r++) if (!open(r)) return undefined;
  for (let r = from; r <= to; r++) if (!onlyText(block, rows[r]!, k)) return undefined;
  return to > from ? { from, to } : undefined;
}

/** A run of a column's lines at one cell's line spacing, and the rows it was read into. */
interface TextBlock {
  segments: Segment[];
  first: number;
  last: number;
}

/** True when a row holds no text in column `k` but the block's (a merged cell spans only rows it alone fills). */
const onlyText = (block: TextBlock, row: PageTableRow, k: number): boolean => (row.cells[k] ?? []).every((s) => block.segments.includes(s));

/** Where a row's box starts: its numbering label's line (set on the row's first line), else its highest line. */
function rowTop(row: PageTableRow): number {
  const label = row.cells[0]?.[0];
  if (label) return label.top;
  return Math.min(...row.cells.flat().map((s) => s.top));
}

/**
 * How a table's lines are spaced: `join`, the widest gap between two lines of one cell (halfway
 * from the gap between a cell's lines to the gap between rows), and `pad`, the padding between a
 * row's box and its text. Undefined when the rows are not set apart from the lines (text laid out
 * in character cells, rows back to back).
 */
function spacing(rows: readonly PageTableRow[], tops: readonly number[], h: number): { join: number; pad: number } | undefined {
  const within: number[] = [];
  for (const row of rows)
    for (const cell of row.cells)
      for (let j = 1; j < cell.length; j++) within.push(cell[j]!.top - cell[j - 1]!.bottom);
  if (within.length === 0) return undefined;
  const line = median(within);
  // Per pair of rows, the narrowest gap from a cell's last line to the next row's top wider than
  // a cell's lines: the padding of both boxes under the row's tallest cell (a merged cell running
  // across leaves a gap of one cell's lines, and is passed over).
  const between = rows.slice(0, -1).flatMap((row, r) => {
    const gaps = row.cells.flatMap((cell) => (cell.length ? [tops[r + 1]! - cell.at(-1)!.bottom] : [])).filter((g) => g >= line + APART * h);
    return gaps.length ? [Math.min(...gaps)] : [];
  });
  if (between.length === 0) return undefined;
  const row = median(between);
  return { join: (line + row) / 2, pad: row / 2 };
}

/** A column's text blocks: its lines down the rows, cut where they are farther apart than one cell's lines. */
function textBlocks(rows: readonly PageTableRow[], k: number, join: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  rows.forEach((row, r) => {
    for (const s of row.cells[k] ?? []) {
      const open = blocks.at(-1);
      if (open && s.top - open.segments.at(-1)!.bottom < join && r - open.last <= 1) {
        open.segments.push(s);
        open.last = r;
      } else blocks.push({ segments: [s], first: r, last: r });
    }
  });
  return blocks;
}

/**
 * True when the table sets its cells at the top of their rows: most cells whose row is taller than
 * their text start at the row's top. Then a text centred in its row is no cell of that row alone.
 */
function setAtTop(blocks: readonly TextBlock[], rows: readonly PageTableRow[], tops: readonly number[], h: number): boolean {
  const observable = blocks.filter((b) => {
    if (b.first !== b.last) return false;
    const bottom = Math.max(...rows[b.first]!.cells.flat().map((s) => s.bottom));
    return bottom - b.segments.at(-1)!.bottom > h;
  });
  return observable.filter((b) => Math.abs(b.segments[0]!.top - tops[b.first]!) < TOP_ALIGNED * h).length > observable.length / 2;
}

/**
 * The rows a block spans as a merged cell, or undefined when it is a cell of its own row.
 * @param topAligned the table sets its cells at the top of their rows ({@link setAtTop})
 */
function spanOf(block: TextBlock, rows: readonly PageTableRow[], k: number, tops: readonly number[], pad: number, h: number, topAligned: boolean): { from: number; to: number } | undefined {
  // The block must be its rows' only text in the column, and may spread over empty cells around it
  // in rows numbered like its own (not over a section's title row, nor a row cut by a page break).
  for (let r = block.first; r <= block.last; r++) if (!onlyText(block, rows[r]!, k)) return undefined;
  const kind = labelKind(rows[block.first]!);
  const joins = (r: number): boolean => (rows[r]!.cells[k] ?? []).length === 0 && kind !== undefined && labelKind(rows[r]!) === kind;
  let up = block.first;
  while (up > 0 && joins(up - 1)) up--;
  let down = block.last;
  while (down + 1 < rows.length && joins(down + 1)) down++;
  const straddles = block.last > block.first;
  // A text set at its row's top is that row's own cell, however empty the cells around it, unless
  // it sits right in the middle of a run of rows.
  const atTop = !straddles && Math.abs(block.segments[0]!.top - tops[block.first]!) < TOP_ALIGNED * h;
  const centre = (block.segments[0]!.top + block.segments.at(-1)!.bottom) / 2;
  const bottomOf = (b: number): number =>
    b + 1 < rows.length ? tops[b + 1]! - pad : Math.max(...rows[b]!.cells.flat().map((s) => s.bottom), block.segments.at(-1)!.bottom) + pad;
  // The run of rows whose middle is nearest the text's.
  let best: { from: number; to: number; off: number } | undefined;
  for (let a = up; a <= block.first; a++) {
    for (let b = block.last; b <= down; b++) {
      // Where cells are set at the top, a text centred in its own row is no cell of that row alone.
      if (a === b && topAligned) continue;
      const off = Math.abs((tops[a]! - pad + bottomOf(b)) / 2 - centre);
      if (off <= (atTop ? EXACTLY_CENTRED : CENTRED) * h && (!best || off < best.off)) best = { from: a, to: b, off };
    }
  }
  // Centred in its own row, in a table whose cells are all centred: a cell of that row.
  if (best && (best.to > best.from || straddles)) return best;
  return straddles ? { from: block.first, to: block.last } : undefined;
}

/** What numbers a row: roman, letter, or arabic with its depth (1, 1.2); undefined for a row without a label. */
function labelKind(row: PageTableRow): string | undefined {
  const label = rowLabel(row.cells[0]?.map((s) => s.text).join(' ') ?? '')?.replace(/[.)]$/, '');
  if (label === undefined) return undefined;
  if (/^[IVXLC]+$/.test(label)) return 'roman';
  if (/^\p{L}$/u.test(label)) return 'letter';
  return `arabic${label.split('.').length}`;
}

/** How much farther apart than a cell's lines a table's rows must be for the two to be told apart, in word heights. */
const APART = 0.3;
/** A text starting this near its row's top (in word heights) is set at the top, not centred. */
const TOP_ALIGNED = 0.3;
/** How far from a span's middle a text set at its row's top may sit and still be centred in the span. */
const EXACTLY_CENTRED = 0.15;
/** How far from a span's middle a merged cell's text may sit, in word heights. */
const CENTRED = 0.35;
