import type { BBox } from '../../model/document.ts';
import type { Rules, Word } from '../geometry.ts';
import type { GrayImage } from '../pgm.ts';
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

/** White border around a piece cut out for OCR, in pixels: text touching an image's edge reads badly. */
export const MARGIN = 20;

/** The whole pixels a box covers: word boxes moved by a deskew or a shift are fractional. */
function pixelBox(box: BBox): BBox {
  return { x0: Math.floor(box.x0), y0: Math.floor(box.y0), x1: Math.ceil(box.x1), y1: Math.ceil(box.y1) };
}

/**
 * A copy of a rectangle of the raster (its whole pixels, see {@link pixelBox}) inside a white
 * margin of {@link MARGIN} pixels; what lies outside the raster is white.
 */
export function crop(image: GrayImage, box: BBox): GrayImage {
  const { x0, y0, x1, y1 } = pixelBox(box);
  const width = x1 - x0 + 2 * MARGIN;
  const height = y1 - y0 + 2 * MARGIN;
  const pixels = new Uint8Array(width * height).fill(255);
  const [left, right] = [Math.max(0, x0), Math.min(image.width, x1)];
  for (let y = Math.max(0, y0); y < Math.min(image.height, y1); y++)
    pixels.set(image.pixels.subarray(y * image.width + left, y * image.width + right), (y - y0 + MARGIN) * width + MARGIN + left - x0);
  return { pixels, width, height };
}

/**
 * Words read in `crop(raster, box)`, moved into the raster's pixels. `dx`, `dy`: where the crop
 * was placed inside the image actually read (a lost line set beside its neighbour).
 */
export function fromCrop(words: readonly Word[], box: BBox, dx = 0, dy = 0): Word[] {
  const { x0, y0 } = pixelBox(box);
  const [sx, sy] = [x0 - MARGIN - dx, y0 - MARGIN - dy];
  return words.map((w) => ({ ...w, bbox: { x0: w.bbox.x0 + sx, x1: w.bbox.x1 + sx, y0: w.bbox.y0 + sy, y1: w.bbox.y1 + sy } }));
}
