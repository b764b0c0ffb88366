import type { GrayImage } from '../pgm.ts';

/** Skews searched, in degrees either side of level. */
const MAX_SKEW = 3;
const SAMPLE = 4;

/**
 * Estimates a scan's skew (radians; positive when lines descend to the right) by the projection
 * profile: at the right angle, ink piles up in a few text-line rows, so the sum of squared row
 * counts peaks. Ink is sampled on a coarse grid to keep this cheap.
 */
export function estimateSkew({ pixels, width, height }: GrayImage): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += SAMPLE)
    for (let x = 0; x < width; x += SAMPLE)
      if (pixels[y * width + x]! < 128) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 100) return 0;
  const bins = new Float64Array(Math.ceil(height / SAMPLE) + Math.ceil((width * Math.tan((MAX_SKEW * Math.PI) / 180)) / SAMPLE) * 2 + 4);
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const offset = bins.length / 2 - height / SAMPLE / 2;
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) bins[Math.floor((ys[i]! - xs[i]! * t) / SAMPLE + offset)]!++;
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (const step of [0.2, 0.05]) {
    const centre = best;
    for (let d = centre - (step === 0.2 ? MAX_SKEW : 0.2); d <= centre + (step === 0.2 ? MAX_SKEW : 0.2) + 1e-9; d += step) {
      const s = score(d);
      if (s > bestScore) [best, bestScore] = [d, s];
    }
  }
  return (best * Math.PI) / 180;
}

/**
 * Rotates a grayscale raster about its centre by `-angle` (undoing a skew of `angle`), bringing in
 * white, with bilinear sampling. Done on the grey bytes directly: no canvas, no RGBA copies.
 */
export function deskew(image: GrayImage, angle: number): GrayImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = width / 2;
  const cy = height / 2;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= width || y >= height ? 255 : pixels[y * width + x]!);
  for (let y = 0; y < height; y++) {
    // Source of the output pixel (x, y): rotate back by `angle` about the centre.
    const dy = y - cy;
    let sx = cx + -cx * cos - dy * sin;
    let sy = cy + -cx * sin + dy * cos;
    for (let x = 0; x < width; x++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { pixels: out, width, height };
}
