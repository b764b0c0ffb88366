import type { BBox } from '../../model/document.ts';
import type { GrayImage } from '../pgm.ts';

/** White border around a piece cut out for OCR, in pixels: text touching an image's edge reads badly. */
export const MARGIN = 20;

/** The whole pixels a box covers: word boxes moved by a deskew or a shift are fractional. */
export function pixelBox(box: BBox): BBox {
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
