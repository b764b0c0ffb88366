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
  bands: { top: number; bottom: number; edges: number[] }[];
}

/**
 * Ruled tables from their rules: horizontal rules of one width stacked on top of each other,
 * columns at the vertical rules between them. In a band where an inner vertical rule is missing,
 * the cells it would separate are one merged cell (a section title).
 * @param tolerance how far apart two rule positions may be and still be one (about a word height)
 */
export function tableGrids(rules: Rules, pageWidth: number, tolerance: number): Grid[] {
  const grids: Grid[] = [];
  for (const stack of ruleStacks(rules.horizontal, pageWidth, tolerance)) {
    const region: BBox = { x0: stack[0]!.x0, x1: stack[0]!.x1, y0: stack[0]!.y0, y1: stack.at(-1)!.y1 };
    const verticals = rules.vertical.filter((v) => v.x1 > region.x0 - tolerance && v.x0 < region.x1 + tolerance && v.y1 > region.y0 && v.y0 < region.y1);
    const xs = clusters(verticals.map((v) => (v.x0 + v.x1) / 2), tolerance);
    if (xs.length < 3) continue;
    const bands = stack.slice(1).map((rule, b) => {
      const top = stack[b]!.y1;
      const bottom = rule.y0;
      const mid = (top + bottom) / 2;
      const edges = xs.filter((x, k) => k === 0 || k === xs.length - 1 || verticals.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) < tolerance && v.y0 <= mid && v.y1 >= mid));
      return { top, bottom, edges };
    });
    grids.push({ region, xs, bands });
  }
  return grids;
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

function gridTable(words: readonly Word[], { xs, bands: grid }: Grid, h: number): Omit<PageTable, 'bbox'> | undefined {
  const columns = xs.length - 1;
  const bands: Segment[][][] = [];
  const [head, ...body] = grid;
  const withHeader = head ? [withHeaderEdges(head, words, xs, h), ...body] : [];
  for (const { top, bottom, edges } of withHeader.flatMap((band) => splitAtLabels(band, words, xs, h))) {
    const cells: Word[][] = Array.from({ length: columns }, () => []);
    for (const w of words) {
      const cy = (w.bbox.y0 + w.bbox.y1) / 2;
      if (cy < top || cy > bottom) continue;
      const cx = (w.bbox.x0 + w.bbox.x1) / 2;
      const left = edges.findLast((x) => x <= cx) ?? edges[0]!;
      cells[Math.max(0, xs.indexOf(left))]!.push(w);
    }
    if (cells.some((c) => c.length > 0)) bands.push(cells.map((c) => groupRows(c).map((r) => segment(r.words))));
  }
  if (bands.length === 0) return undefined;
  const cellText = (cell: Segment[]): string => cell.map((s) => s.text).join(' ');
  const hasHeader = rowLabel(cellText(bands[0]![0]!)) === undefined;
  const header = hasHeader ? bands[0]!.map(cellText) : Array.from({ length: columns }, () => '');
  const rows: PageTableRow[] = bands.slice(hasHeader ? 1 : 0).map((cells) => ({ cells }));
  return { header, rows };
}

type Band = Grid['bands'][number];

/** How near a column edge a word may come and the edge still be a cell boundary, in word heights. */
const CELL_PADDING = 0.25;

/**
 * A table's first band with the column edges no word comes near. A one-line header above a merged
 * section row has vertical rules too short to be found as rules, so it would read as one merged
 * cell; a header's cells are set apart from each edge, where a merged title runs across them. Not
 * for a first band that is a row (its numbering cell holds a label: the header was not repeated).
 */
function withHeaderEdges(band: Band, words: readonly Word[], xs: readonly number[], h: number): Band {
  const inBand = words.filter((w) => centreIn(w.bbox, { x0: xs[0]!, x1: xs.at(-1)!, y0: band.top, y1: band.bottom }));
  const numbering = inBand.filter((w) => (w.bbox.x0 + w.bbox.x1) / 2 < xs[1]!);
  if (rowLabel(numbering.map((w) => w.text).join(' ')) !== undefined) return band;
  const clear = (x: number): boolean => inBand.every((w) => w.bbox.x1 + CELL_PADDING * h < x || w.bbox.x0 - CELL_PADDING * h > x);
  return { ...band, edges: xs.filter((x) => band.edges.includes(x) || clear(x)) };
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
  return cuts.slice(1).map((bottom, k) => ({ top: cuts[k]!, bottom, edges: band.edges }));
}
