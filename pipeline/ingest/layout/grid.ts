import type { BBox } from '../../model/document.ts';
import type { Rules, Word } from '../geometry.ts';
import { groupRows, segment, type Segment } from './rows.ts';
import { isRowLabel, type PageTable, type PageTableRow } from './table.ts';

/** A table's top and bottom rules run across most of the text width. */
const MIN_TABLE_WIDTH = 0.4;

/**
 * Finds ruled tables: horizontal rules of one width stacked on top of each other, columns at the
 * vertical rules between them. Each band between two horizontal rules is a row; in a band where
 * an inner vertical rule is missing, the cells it would separate are one merged cell (a section
 * title), kept whole in its first column. The first band is the header unless its first cell
 * holds a row label (a continued table whose header was not repeated).
 * @returns the tables and the words they do not use
 */
export function findGridTables(words: readonly Word[], rules: Rules, pageWidth: number, h: number): { tables: PageTable[]; rest: Word[] } {
  const tables: PageTable[] = [];
  let rest = [...words];
  for (const group of ruleStacks(rules.horizontal, pageWidth, h)) {
    const region: BBox = { x0: group[0]!.x0, x1: group[0]!.x1, y0: group[0]!.y0, y1: group.at(-1)!.y1 };
    const verticals = rules.vertical.filter((v) => v.x1 > region.x0 - h && v.x0 < region.x1 + h && v.y1 > region.y0 && v.y0 < region.y1);
    const xs = clusters(verticals.map((v) => (v.x0 + v.x1) / 2), h);
    if (xs.length < 3) continue;
    const inside = (w: Word): boolean => centreIn(w.bbox, region);
    const table = gridTable(rest.filter(inside), group, xs, verticals, h);
    if (!table) continue;
    tables.push({ ...table, bbox: region });
    rest = rest.filter((w) => !inside(w));
  }
  return { tables, rest };
}

const centreIn = (b: BBox, r: BBox): boolean => {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1;
};

/** Groups long horizontal rules sharing left and right ends, top to bottom. */
function ruleStacks(horizontal: readonly BBox[], pageWidth: number, h: number): BBox[][] {
  const long = horizontal.filter((r) => r.x1 - r.x0 >= MIN_TABLE_WIDTH * pageWidth).sort((a, b) => a.y0 - b.y0);
  const stacks: BBox[][] = [];
  for (const rule of long) {
    const stack = stacks.find((s) => Math.abs(s[0]!.x0 - rule.x0) < 2 * h && Math.abs(s[0]!.x1 - rule.x1) < 2 * h);
    const last = stack?.at(-1);
    if (stack && last && rule.y0 - last.y1 < h / 2) continue;
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

function gridTable(words: readonly Word[], rulesTopDown: readonly BBox[], xs: readonly number[], verticals: readonly BBox[], h: number): Omit<PageTable, 'bbox'> | undefined {
  const columns = xs.length - 1;
  const bands: Segment[][][] = [];
  for (let b = 0; b + 1 < rulesTopDown.length; b++) {
    const top = rulesTopDown[b]!.y1;
    const bottom = rulesTopDown[b + 1]!.y0;
    const mid = (top + bottom) / 2;
    // The column edges present in this band: a missing inner rule merges two cells.
    const edges = xs.filter((x, k) => k === 0 || k === columns || verticals.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) < h && v.y0 <= mid && v.y1 >= mid));
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
  const hasHeader = !isRowLabel(cellText(bands[0]![0]!));
  const header = hasHeader ? bands[0]!.map(cellText) : Array.from({ length: columns }, () => '');
  const rows: PageTableRow[] = bands.slice(hasHeader ? 1 : 0).map((cells) => ({ cells, labelled: cells[0]!.length > 0 }));
  return { header, rows };
}
