import type { BBox } from '../../model/document.ts';
import { centreIn, type Rules, type Word } from '../geometry.ts';
import { groupRows, segment, type Segment } from './rows.ts';
import { rowLabel, type PageTable, type PageTableRow } from './table.ts';

/** A table's top and bottom rules run across most of the text width. */
const MIN_TABLE_WIDTH = 0.4;

/** A ruled table's grid: column edges, and for each row band the edges present in it. */
export interface Grid {
  region: BBox;
  /** Every column edge, left to right (n columns have n + 1 edges). */
  xs: number[];
  /** Per band: its extent, the edges present in it, and the columns its top rule leaves out (a merged cell crosses it there). */
  bands: { top: number; bottom: number; edges: number[]; open: number[] }[];
  /** The vertical rules within the table, and how near an edge one must be to draw it. */
  verticals: BBox[];
  tolerance: number;
}

/**
 * Ruled tables from their rules: horizontal rules of one width stacked on top of each other,
 * columns at the vertical rules between them. In a band where an inner vertical rule is missing,
 * the cells it would separate are one merged cell (a section title).
 * @param tolerance how far apart two rule positions may be and still be one (about a word height)
 */
export function tableGrids(rules: Rules, pageWidth: number, tolerance: number): Grid[] {
  const grids: Grid[] = [];
  for (const full of ruleStacks(rules.horizontal, pageWidth, tolerance).flatMap((s) => splitAtUnruledBands(s, rules.vertical))) {
    const region: BBox = { x0: full[0]!.x0, x1: full[0]!.x1, y0: full[0]!.y0, y1: full.at(-1)!.y1 };
    const stack = withBrokenRules(full, rules.horizontal, tolerance);
    const verticals = rules.vertical.filter((v) => v.x1 > region.x0 - tolerance && v.x0 < region.x1 + tolerance && v.y1 > region.y0 && v.y0 < region.y1);
    const xs = clusters(verticals.map((v) => (v.x0 + v.x1) / 2), tolerance);
    if (xs.length < 3) continue;
    const bands = stack.slice(1).map((rule, b) => {
      const top = stack[b]!.y1;
      const bottom = rule.y0;
      const mid = (top + bottom) / 2;
      const edges = xs.filter((x, k) => k === 0 || k === xs.length - 1 || verticals.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) < tolerance && v.y0 <= mid && v.y1 >= mid));
      return { top, bottom, edges, open: b === 0 ? [] : openColumns(stack[b]!, rules.horizontal, xs, tolerance) };
    });
    grids.push({ region, xs, bands, verticals, tolerance });
  }
  // Rules broken by a vertically merged cell stack up inside their table as a narrower table of
  // their own; a grid inside another is part of it.
  const within = (a: BBox, b: BBox): boolean => a !== b && a.x0 >= b.x0 - tolerance && a.x1 <= b.x1 + tolerance && a.y0 >= b.y0 - tolerance && a.y1 <= b.y1 + tolerance;
  return grids.filter((g) => !grids.some((o) => within(g.region, o.region) && !within(o.region, g.region)));
}

/**
 * Rebuilds ruled tables from their grids: each band is a row, each word goes to the cell its
 * centre falls in, a merged cell kept whole in its first column. The first band is the header
 * unless its first cell holds a row label (a continued table whose header was not repeated).
 * @returns the tables and the words they do not use
 */
export function findGridTables(words: readonly Word[], rules: Rules, pageWidth: number, h: number): { tables: PageTable[]; rest: Word[] } {
  const tables: PageTable[] = [];
  let rest = [...words];
  for (const grid of tableGrids(rules, pageWidth, h)) {
    const inside = (w: Word): boolean => centreIn(w.bbox, grid.region);
    const table = gridTable(rest.filter(inside), grid, h);
    if (!table) continue;
    tables.push({ ...table, bbox: grid.region });
    rest = rest.filter((w) => !inside(w));
  }
  return { tables, rest };
}


/** Groups long horizontal rules sharing left and right ends, top to bottom. */
function ruleStacks(horizontal: readonly BBox[], pageWidth: number, tolerance: number): BBox[][] {
  const long = horizontal.filter((r) => r.x1 - r.x0 >= MIN_TABLE_WIDTH * pageWidth).sort((a, b) => a.y0 - b.y0);
  const stacks: BBox[][] = [];
  for (const rule of long) {
    const stack = stacks.find((s) => Math.abs(s[0]!.x0 - rule.x0) < 2 * tolerance && Math.abs(s[0]!.x1 - rule.x1) < 2 * tolerance);
    const last = stack?.at(-1);
    if (stack && last && rule.y0 - last.y1 < tolerance / 2) continue;
    if (stack) stack.push(rule);
    else stacks.push([rule]);
  }
  return stacks.filter((s) => s.length >= 2);
}

/**
 * A table's full-width rules with the rules between rows that a vertically merged cell breaks:
 * those start at the table's left edge (the numbering column is never merged) and stop short of
 * its right one, and part two rows all the same.
 */
function withBrokenRules(stack: readonly BBox[], horizontal: readonly BBox[], tolerance: number): BBox[] {
  const x0 = stack[0]!.x0;
  const [top, bottom] = [stack[0]!.y1, stack.at(-1)!.y0];
  const broken = horizontal.filter(
    (r) => Math.abs(r.x0 - x0) < 2 * tolerance && r.y0 > top + tolerance / 2 && r.y1 < bottom - tolerance / 2 && stack.every((s) => Math.abs(s.y0 - r.y0) >= tolerance / 2),
  );
  return [...stack, ...broken].sort((a, b) => a.y0 - b.y0);
}

/**
 * The columns a rule between two rows leaves out: where no piece of rule at its height covers
 * most of the column's width, one cell runs on from the row above into the row below.
 */
function openColumns(rule: BBox, horizontal: readonly BBox[], xs: readonly number[], tolerance: number): number[] {
  const y = (rule.y0 + rule.y1) / 2;
  const pieces = horizontal.filter((r) => Math.abs((r.y0 + r.y1) / 2 - y) < tolerance / 2);
  const open: number[] = [];
  for (let c = 0; c + 1 < xs.length; c++) {
    const [x0, x1] = [xs[c]!, xs[c + 1]!];
    const covered = pieces.reduce((sum, p) => sum + Math.max(0, Math.min(x1, p.x1) - Math.max(x0, p.x0)), 0);
    if (covered < 0.5 * (x1 - x0)) open.push(c);
  }
  return open;
}

/**
 * A stack cut where no vertical rule crosses the band between two of its rules: two tables of
 * the same width one under the other (a Phụ lục's table after another's), the heading between
 * them set on bare paper. Within a table every band has at least its borders.
 */
function splitAtUnruledBands(stack: readonly BBox[], vertical: readonly BBox[]): BBox[][] {
  const x0 = stack[0]!.x0;
  const x1 = stack[0]!.x1;
  const out: BBox[][] = [[stack[0]!]];
  for (let k = 1; k < stack.length; k++) {
    const mid = (stack[k - 1]!.y1 + stack[k]!.y0) / 2;
    const ruled = vertical.some((v) => v.x1 >= x0 && v.x0 <= x1 && v.y0 <= mid && v.y1 >= mid);
    if (ruled) out.at(-1)!.push(stack[k]!);
    else out.push([stack[k]!]);
  }
  return out.filter((s) => s.length >= 2);
}

/** Positions closer than `gap` are one. */
function clusters(values: readonly number[], gap: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! < gap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

function gridTable(words: readonly Word[], grid: Grid, h: number): Omit<PageTable, 'bbox'> | undefined {
  const { xs } = grid;
  const columns = xs.length - 1;
  const head = grid.bands[0] && headerCells(grid.bands[0], words, grid, h);
  const rows: PageTableRow[] = [];
  const body = grid.bands.slice(head ? 1 : 0).flatMap((band) => splitAtLabels(band, words, xs, h));
  for (const [i, { top, bottom, edges, open }] of body.entries()) {
    // Bands meet halfway across the rule between them: a merged cell's text may sit where the
    // rule would be, in the column the rule leaves out.
    const [from, to] = [i > 0 ? (body[i - 1]!.bottom + top) / 2 : top, i + 1 < body.length ? (bottom + body[i + 1]!.top) / 2 : bottom];
    const cells: Word[][] = Array.from({ length: columns }, () => []);
    for (const w of words) {
      const cy = (w.bbox.y0 + w.bbox.y1) / 2;
      if (cy < from || cy >= to) continue;
      const cx = (w.bbox.x0 + w.bbox.x1) / 2;
      const left = edges.findLast((x) => x <= cx) ?? edges[0]!;
      cells[Math.max(0, xs.indexOf(left))]!.push(w);
    }
    if (cells.some((c) => c.length > 0)) rows.push({ cells: cells.map((c) => groupRows(c).map((r) => segment(r.words))), openAbove: open });
  }
  if (!head && rows.length === 0) return undefined;
  const cellText = (cell: Segment[]): string => cell.map((s) => s.text).join(' ');
  return { header: head ? head.map(cellText) : Array.from({ length: columns }, () => ''), rows };
}

type Band = Grid['bands'][number];

/** How near a column edge a word may come and the edge still be a cell boundary, in word heights. */
const CELL_PADDING = 0.25;

/**
 * The header cells of a table's first band, by column, or undefined when the band is a row (its
 * numbering cell holds a label: the header was not repeated). Each line of the header is cut at
 * the column edges present at its height: a vertical rule crossing it, or an edge no word of the
 * band comes near (a one-line header above a merged section row has rules too short to be found).
 * A name across an edge with no rule at its height spans those columns (`Cơ quan thực hiện` over
 * `Chủ trì` and `Phối hợp`) and heads each of them.
 */
function headerCells(band: Band, words: readonly Word[], grid: Grid, h: number): Segment[][] | undefined {
  const { xs, verticals, tolerance } = grid;
  const inBand = words.filter((w) => centreIn(w.bbox, { x0: xs[0]!, x1: xs.at(-1)!, y0: band.top, y1: band.bottom }));
  const numbering = inBand.filter((w) => (w.bbox.x0 + w.bbox.x1) / 2 < xs[1]!);
  if (rowLabel(numbering.map((w) => w.text).join(' ')) !== undefined) return undefined;
  const clear = (x: number): boolean => inBand.every((w) => w.bbox.x1 + CELL_PADDING * h < x || w.bbox.x0 - CELL_PADDING * h > x);
  const ruled = (x: number, y: number): boolean => verticals.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) < tolerance && v.y0 <= y && v.y1 >= y);
  const cells: Segment[][] = xs.slice(1).map(() => []);
  for (const row of groupRows(inBand)) {
    const y = (row.bbox.y0 + row.bbox.y1) / 2;
    const edges = xs.filter((x, k) => k === 0 || k === xs.length - 1 || ruled(x, y) || clear(x));
    for (let e = 0; e + 1 < edges.length; e++) {
      const inCell = row.words.filter((w) => (w.bbox.x0 + w.bbox.x1) / 2 >= edges[e]! && (w.bbox.x0 + w.bbox.x1) / 2 < edges[e + 1]!);
      if (inCell.length === 0) continue;
      for (let c = xs.indexOf(edges[e]!); c < xs.indexOf(edges[e + 1]!); c++) cells[c]!.push(segment(inCell));
    }
  }
  return cells;
}

/**
 * A band whose numbering cell holds two or more row labels one under another is that many rows
 * whose dividing rule was lost (too faint, or broken by the scan): it is cut just above each
 * label after the first, labels being set on the first line of their row. A band without its own
 * numbering cell (a merged section title) is left whole.
 */
function splitAtLabels(band: Band, words: readonly Word[], xs: readonly number[], h: number): Band[] {
  if (!band.edges.includes(xs[1]!)) return [band];
  const inCell = words.filter((w) => centreIn(w.bbox, { x0: xs[0]!, x1: xs[1]!, y0: band.top, y1: band.bottom }));
  const starts = groupRows(inCell)
    .filter((row) => rowLabel(row.words.map((w) => w.text).join(' ')) !== undefined)
    .map((row) => row.bbox.y0 - h / 4)
    .slice(1);
  const cuts = [band.top, ...starts, band.bottom];
  return cuts.slice(1).map((bottom, k) => ({ top: cuts[k]!, bottom, edges: band.edges, open: k === 0 ? band.open : [] }));
}
