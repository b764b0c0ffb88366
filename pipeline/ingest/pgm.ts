/** An 8-bit grayscale raster, row-major. */
export interface GrayImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** Grayscale from RGBA pixels (integer ITU-R BT.601 luma). */
export function grayFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < pixels.length; i++, p += 4) pixels[i] = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
  return { pixels, width, height };
}

/**
 * Encodes a grayscale raster as binary PGM: the cheapest format the OCR engine reads, a quarter
 * of the bytes of RGBA and no compression cost.
 */
export function encodePgm({ pixels, width, height }: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + pixels.length);
  out.set(header);
  out.set(pixels, header.length);
  return out;
}
