import type { PageWords } from '../geometry.ts';
import { encodePgm, type GrayImage } from '../pgm.ts';
import { deskew, estimateSkew } from './deskew.ts';
import { recognizeImage, type OcrLanguage } from './pool.ts';
import { extractRulingLines } from './rules.ts';
import { ocrWords } from './words.ts';

/** How OCR runs: the model's language (default Vietnamese) and a per-page time limit. */
export interface OcrOptions {
  lang?: OcrLanguage;
  timeoutMs?: number;
}

/** Skews below this (radians, about 0.05°) are left alone. */
const LEVEL = 0.001;

/**
 * OCR of one grayscale page: deskewed (so rows of words and table rules are level), ruling
 * lines found and erased (OCR reads them as bars and dashes that break cells apart), then
 * recognized by the shared pool. Words and rules are in the deskewed raster's pixels.
 */
export async function ocrPage(image: GrayImage, dpi: number, options: OcrOptions = {}): Promise<PageWords> {
  const skew = estimateSkew(image);
  const level = Math.abs(skew) < LEVEL ? image : deskew(image, skew);
  const rules = extractRulingLines(level, Math.round(0.4 * dpi));
  const result = await recognizeImage(encodePgm(level), options);
  return { width: level.width, height: level.height, words: ocrWords(result), rules };
}
