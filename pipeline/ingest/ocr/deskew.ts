import { createCanvas } from '@napi-rs/canvas';
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

/** Rotates a grayscale raster about its centre by `-angle` (undoing a skew of `angle`), bringing in white. */
export function deskew(image: GrayImage, angle: number): GrayImage {
  const { width, height, pixels } = image;
  const source = createCanvas(width, height);
  const sctx = source.getContext('2d');
  const rgba = sctx.createImageData(width, height);
  for (let i = 0, p = 0; i < pixels.length; i++, p += 4) {
    rgba.data[p] = rgba.data[p + 1] = rgba.data[p + 2] = pixels[i]!;
    rgba.data[p + 3] = 255;
  }
  sctx.putImageData(rgba, 0, 0);
  const target = createCanvas(width, height);
  const ctx = target.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-angle);
  ctx.drawImage(source, -width / 2, -height / 2);
  const out = ctx.getImageData(0, 0, width, height).data;
  const gray = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += 4) gray[i] = out[p]!;
  return { pixels: gray, width, height };
}
