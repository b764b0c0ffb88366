import { describe, expect, it } from 'vitest';
import { turnClockwise } from '../pipeline/ingest/ocr/orientation.ts';
import type { GrayImage } from '../pipeline/ingest/pgm.ts';

/** A 3 × 2 raster whose pixels are their own indices: every move is visible. */
const image: GrayImage = { width: 3, height: 2, pixels: Uint8Array.from([0, 1, 2, 3, 4, 5]) };

describe('turnClockwise', () => {
  it('moves pixels exactly by quarter turns', () => {
    // 0 1 2      3 0
    // 3 4 5  →   4 1
    //            5 2
    expect(turnClockwise(image, 90)).toEqual({ width: 2, height: 3, pixels: Uint8Array.from([3, 0, 4, 1, 5, 2]) });
    expect(turnClockwise(image, 180)).toEqual({ width: 3, height: 2, pixels: Uint8Array.from([5, 4, 3, 2, 1, 0]) });
    expect(turnClockwise(image, 270)).toEqual({ width: 2, height: 3, pixels: Uint8Array.from([2, 5, 1, 4, 0, 3]) });
    expect(turnClockwise(image, 0)).toBe(image);
  });

  it('comes back to the start after a full turn, whichever way it is split', () => {
    expect(turnClockwise(turnClockwise(image, 90), 270)).toEqual(image);
    expect(turnClockwise(turnClockwise(image, 180), 180)).toEqual(image);
    expect(turnClockwise(turnClockwise(turnClockwise(image, 90), 90), 180)).toEqual(image);
  });
});
