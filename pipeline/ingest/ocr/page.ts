import type { PageWords } from '../geometry.ts';
import { encodePgm, type GrayImage } from '../pgm.ts';
import { recognizeImage } from './pool.ts';
import { eraseRulingLines } from './rules.ts';
import { ocrWords } from './words.ts';

/**
 * OCR of one grayscale page: ruling lines erased (they are read as bars and dashes and break
 * cells apart), then recognized by the shared pool. Words are in the raster's pixels.
 */
export async function ocrPage(image: GrayImage, dpi: number, timeoutMs?: number): Promise<PageWords> {
  eraseRulingLines(image, Math.round(0.4 * dpi));
  const result = await recognizeImage(encodePgm(image), { timeoutMs });
  return { width: image.width, height: image.height, words: ocrWords(result) };
}
