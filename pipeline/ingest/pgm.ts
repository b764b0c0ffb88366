/** An 8-bit grayscale raster, row-major. */
export interface GrayImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/** How far red must stand above green and blue for a pixel to be seal ink (0–255). */
const SEAL_REDNESS = 60;

/**
 * Grayscale from RGBA pixels (integer ITU-R BT.601 luma), with red ink dropped out: a signed
 * original carries a red seal over the signer's title and name, and red stamps (KHẨN, MẬT), whose
 * luma is as dark as text. A red pixel takes its red channel, as light as the paper nearly, so
 * the text it covers (dark in every channel) is what stays.
 */
export function grayFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < pixels.length; i++, p += 4) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    const luma = (r * 77 + g * 150 + b * 29) >> 8;
    pixels[i] = r - (g > b ? g : b) > SEAL_REDNESS ? Math.max(luma, r) : luma;
  }
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
