import type { PageRotation } from '../../model/document.ts';
import { SohoaError } from '../../model/errors.ts';
import { encodePgm, type GrayImage } from '../pgm.ts';
import { detectOrientation, OSD_DPI } from './pool.ts';

/**
 * Orientation confidence (Tesseract's OSD score) a turn needs before a page is turned. At
 * {@link OSD_DPI}, full text pages score 11–22, a three-line page or a small table 5–7, a
 * signature block about 2.8, all for the right orientation; below this the page is read as it
 * is rather than turned on a guess (a lone line or a column of numbers gives no answer at all).
 */
const MIN_CONFIDENCE = 2;

/** A raster turned clockwise by a quarter-turn multiple (exact: pixels are moved, not resampled). */
export function turnClockwise(image: GrayImage, degrees: PageRotation | 0): GrayImage {
  if (degrees === 0) return image;
  const { width: w, height: h, pixels } = image;
  const out = new Uint8Array(w * h);
  if (degrees === 180) {
    for (let i = 0; i < out.length; i++) out[i] = pixels[out.length - 1 - i]!;
    return { width: w, height: h, pixels: out };
  }
  // 90: source (x, y) lands at (h-1-y, x) in a raster h wide; 270: at (y, w-1-x).
  for (let y = 0; y < h; y++) {
    const row = y * w;
    if (degrees === 90) for (let x = 0; x < w; x++) out[x * h + (h - 1 - y)] = pixels[row + x]!;
    else for (let x = 0; x < w; x++) out[(w - 1 - x) * h + y] = pixels[row + x]!;
  }
  return { width: h, height: w, pixels: out };
}

/** A raster shrunk by an integer factor, each output pixel the mean of its block. */
function shrink(image: GrayImage, factor: number): GrayImage {
  if (factor <= 1) return image;
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const pixels = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.pixels[row + dx]!;
      }
      pixels[y * width + x] = Math.round(sum / area);
    }
  }
  return { width, height, pixels };
}

const TURNS: readonly PageRotation[] = [90, 180, 270];

/**
 * Resolutions orientation is detected at: a quick look, then a closer one when the first is
 * unsure. The worker is set for {@link OSD_DPI} either way; the scores quoted here were measured so.
 */
const DETECTION_DPIS = [OSD_DPI, 2 * OSD_DPI];

/**
 * The clockwise turn that stands a scanned page upright: pages fed sideways (a landscape
 * appendix) or upside down are common in backlogs, and the engine reads turned text as noise.
 * Detection runs on a copy at about {@link OSD_DPI}, and again at twice that when the answer is
 * unsure (a dense table page: 0.1–1.7 at 150 dpi, 2.6–5.3 at 300). A page whose text is too sparse
 * to tell, or whose detection fails, is read as it is.
 */
export async function pageRotation(image: GrayImage, dpi: number, timeoutMs?: number): Promise<PageRotation | 0> {
  for (const at of DETECTION_DPIS) {
    const copy = shrink(image, Math.max(1, Math.round(dpi / at)));
    try {
      const { degrees, confidence } = await detectOrientation(encodePgm(copy), timeoutMs);
      if (confidence >= MIN_CONFIDENCE) return TURNS.find((t) => t === degrees) ?? 0;
    } catch (err) {
      // Only the engine's own failures fall back to reading the page as it is.
      if (err instanceof SohoaError) return 0;
      throw err;
    }
    if (copy === image) break;
  }
  return 0;
}
