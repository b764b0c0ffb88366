import { describe, expect, it } from 'vitest';
import { crop, fromCrop, MARGIN } from '../pipeline/ingest/ocr/crops.ts';
import type { GrayImage } from '../pipeline/ingest/pgm.ts';

/** A 4 × 3 raster of distinct dark levels (0–11), so every copied pixel is recognisable. */
const image: GrayImage = { width: 4, height: 3, pixels: Uint8Array.from({ length: 12 }, (_, i) => i) };

/** The rectangle inside the margin. */
function inner(piece: GrayImage): number[][] {
  const rows: number[][] = [];
  for (let y = MARGIN; y < piece.height - MARGIN; y++) rows.push([...piece.pixels.subarray(y * piece.width + MARGIN, (y + 1) * piece.width - MARGIN)]);
  return rows;
}

describe('crop', () => {
  it('cuts the whole pixels a fractional box covers (word boxes after a deskew), never a fractional size', () => {
    const piece = crop(image, { x0: 0.5, y0: 1.2, x1: 2.5, y1: 2.9 });
    expect([piece.width, piece.height]).toEqual([3 + 2 * MARGIN, 2 + 2 * MARGIN]);
    expect(inner(piece)).toEqual([[4, 5, 6], [8, 9, 10]]);
  });

  it('is white where the box reaches past the raster', () => {
    const piece = crop(image, { x0: -1, y0: 2, x1: 2, y1: 4 });
    expect(inner(piece)).toEqual([[255, 8, 9], [255, 255, 255]]);
  });

  it('puts words read in a crop back where they stand on the raster, by the same whole-pixel origin', () => {
    const word = { text: 'a', bbox: { x0: MARGIN, y0: MARGIN + 1, x1: MARGIN + 2, y1: MARGIN + 2 } };
    expect(fromCrop([word], { x0: 0.5, y0: 1.2, x1: 2.5, y1: 2.9 })[0]!.bbox).toEqual({ x0: 0, y0: 2, x1: 2, y1: 3 });
    // Read set 30 pixels into a wider image (a lost line placed after its neighbour).
    const placed = { ...word, bbox: { ...word.bbox, x0: word.bbox.x0 + 30, x1: word.bbox.x1 + 30 } };
    expect(fromCrop([placed], { x0: 0.5, y0: 1.2, x1: 2.5, y1: 2.9 }, 30, 0)[0]!.bbox).toEqual({ x0: 0, y0: 2, x1: 2, y1: 3 });
  });
});
