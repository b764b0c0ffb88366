import type { BBox } from '../../model/document.ts';
import type { Rules } from '../geometry.ts';
import { tableGrids, type Grid } from '../layout/grid.ts';

/** Columns narrower than this (inches) are numbering columns, read together with the column after them. */
const NARROW = 0.6;
/** Pixels kept clear of a rule's position when cutting a piece out. */
const INSET = 4;

/**
 * Where to OCR a page piece by piece: each ruled table's columns as strips, so the OCR engine
 * never reads a line running across cells (it then runs the cells' words together). A narrow
 * numbering column goes with the column after it (OCR misses a lone short label in an image of
 * its own); a strip is cut where a merged cell crosses it, the merged cell being a piece of its
 * own. Everything else on the page is read as one piece, with the tables blanked out.
 * @returns the table pieces, the table regions to blank on the page, and the tables' grids
 */
export function tablePieces(rules: Rules, width: number, dpi: number): { pieces: BBox[]; regions: BBox[]; grids: Grid[] } {
  const pieces: BBox[] = [];
  const regions: BBox[] = [];
  const grids = tableGrids(rules, width, 0.15 * dpi);
  for (const { region, xs, bands } of grids) {
    regions.push(region);
    for (let k = 0; k + 1 < xs.length; k++) {
      const left = xs[k]!;
      if (xs[k + 1]! - left < NARROW * dpi && k + 2 < xs.length) k++;
      const right = xs[k + 1]!;
      let strip: BBox | undefined;
      for (const band of bands) {
        const own = band.edges.includes(left) && band.edges.includes(right);
        if (own) {
          strip = strip ? { ...strip, y1: band.bottom } : { x0: left, x1: right, y0: band.top, y1: band.bottom };
          continue;
        }
        if (strip) pieces.push(strip);
        strip = undefined;
        // A merged cell is read once, from the column where it starts, to the edge where it ends.
        const end = band.edges.find((x) => x >= right);
        if (band.edges.includes(left) && end !== undefined) pieces.push({ x0: left, x1: end, y0: band.top, y1: band.bottom });
      }
      if (strip) pieces.push(strip);
    }
  }
  return { pieces: pieces.map(inset).filter((b) => b.x1 > b.x0 && b.y1 > b.y0), regions, grids };
}

const inset = (b: BBox): BBox => ({ x0: Math.ceil(b.x0 + INSET), y0: Math.ceil(b.y0 + INSET), x1: Math.floor(b.x1 - INSET), y1: Math.floor(b.y1 - INSET) });
