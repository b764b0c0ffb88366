import type { BBox, PageRotation } from '../model/document.ts';

/** A word on a page, from a PDF text layer or from OCR, in page coordinates (origin top-left). */
export interface Word {
  text: string;
  bbox: BBox;
  /** 0..1, present for OCR words. */
  confidence?: number;
}

/** Ruling lines found on a page (table borders), in the page's units. */
export interface Rules {
  horizontal: BBox[];
  vertical: BBox[];
}

/** The words of one page and the page's size in the same units; `rules` where the page's image was searched for them. */
export interface PageWords {
  width: number;
  height: number;
  words: Word[];
  rules?: Rules;
  /** Clockwise turn (degrees) the scan was given before reading; boxes are in the turned raster. */
  rotation?: PageRotation;
}

/** Smallest box containing all the given boxes. */
export function unionBox(boxes: readonly BBox[]): BBox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}

/** Length of the overlap of two intervals (0 when they are apart). */
export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export const height = (b: BBox): number => b.y1 - b.y0;

/** Share of box `b`'s area that lies inside box `r` (0 for an empty `b`). */
export function insideShare(b: BBox, r: BBox): number {
  const area = (b.x1 - b.x0) * (b.y1 - b.y0);
  return area > 0 ? (overlap(b.x0, b.x1, r.x0, r.x1) * overlap(b.y0, b.y1, r.y0, r.y1)) / area : 0;
}

/** Whether the centre of box `b` lies inside region `r`. */
export function centreIn(b: BBox, r: BBox): boolean {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return x > r.x0 && x < r.x1 && y > r.y0 && y < r.y1;
}

/** Median of numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
