import type { MediaType, Page } from '../model/document.ts';
import { SohoaError } from '../model/errors.ts';
import { imageSize } from './image-size.ts';
import { layoutPage } from './layout/index.ts';
import { recognizeImage } from './ocr/pool.ts';
import { ocrWords } from './ocr/words.ts';

/** Images with more pixels than this (about A3 at 600 dpi) are refused before decoding. */
export const MAX_IMAGE_PIXELS = 80_000_000;
/** Longest side accepted for an image, in pixels. */
export const MAX_IMAGE_SIDE = 20_000;

/**
 * Reads a page image (PNG, JPEG, TIFF) through OCR as one page. The size is checked from the
 * header first, so a huge image is refused without spending its pixel memory.
 */
export async function readImagePage(bytes: Uint8Array, type: MediaType, name: string, timeoutMs?: number): Promise<Page> {
  const size = imageSize(bytes, type);
  if (!size || size.width === 0 || size.height === 0) throw new SohoaError('E_IMAGE_CORRUPT', 'the image header cannot be read', name);
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS)
    throw new SohoaError('E_IMAGE_TOO_LARGE', `the image is ${size.width} × ${size.height} pixels, more than this tool reads`, name);
  let result;
  try {
    result = await recognizeImage(bytes, { timeoutMs });
  } catch (err) {
    if (err instanceof SohoaError && err.code === 'E_OCR_FAILED')
      throw new SohoaError('E_IMAGE_CORRUPT', `the image cannot be decoded: ${err.message}`, name, { cause: err });
    throw err;
  }
  return layoutPage(1, 'ocr', { ...size, words: ocrWords(result) });
}
