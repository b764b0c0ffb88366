import { describe, expect, it } from 'vitest';
import { crop, MARGIN } from '../pipeline/ingest/ocr/crop.ts';
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
});
