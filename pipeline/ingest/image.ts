import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { MediaType, Page } from '../model/document.ts';
import { SohoaError } from '../model/errors.ts';
import type { PageWords } from './geometry.ts';
import { hasPixelData, imageSize, type ImageSize } from './image-size.ts';
import { layoutPage } from './layout/index.ts';
import { ocrPage, type OcrOptions } from './ocr/page.ts';
import { recognizeTsv } from './ocr/pool.ts';
import { ocrWords } from './ocr/words.ts';
import { grayFromRgba } from './pgm.ts';

/** Images with more pixels than this (A4 at 600 dpi, A3 at 400 dpi) are refused before decoding. */
const MAX_IMAGE_PIXELS = 40_000_000;
/** Longest side accepted for an image, in pixels. */
const MAX_IMAGE_SIDE = 20_000;

/**
 * Reads a page image (PNG, JPEG, TIFF) through OCR as one page. The size is checked from the
 * header first, so a huge image is refused without spending its pixel memory.
 */
export async function readImagePage(bytes: Uint8Array, type: MediaType, name: string, ocr: OcrOptions = {}): Promise<Page> {
  const size = imageSize(bytes, type);
  if (!size || size.width === 0 || size.height === 0) throw new SohoaError('E_IMAGE_CORRUPT', 'the image header cannot be read', name);
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS)
    throw new SohoaError('E_IMAGE_TOO_LARGE', `the image is ${size.width} × ${size.height} pixels, more than this tool reads`, name);
  if (!hasPixelData(bytes, type)) throw new SohoaError('E_IMAGE_CORRUPT', 'the image has no pixel data', name);
  try {
    return layoutPage(1, 'ocr', await readImage(bytes, type, size, ocr));
  } catch (err) {
    if (err instanceof SohoaError && err.code !== 'E_OCR_FAILED') throw err;
    throw new SohoaError('E_IMAGE_CORRUPT', `the image cannot be decoded: ${(err as Error).message}`, name, { cause: err });
  }
}

async function readImage(bytes: Uint8Array, type: MediaType, size: ImageSize, ocr: OcrOptions): Promise<PageWords> {
  // The canvas decodes PNG and JPEG; TIFF goes to the OCR engine's own reader as it is.
  if (type === 'image/tiff') return { ...size, words: ocrWords(await recognizeTsv(bytes, ocr)) };
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const gray = grayFromRgba(ctx.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
  // Scans rarely say their resolution truthfully; a page is about 8.5 inches wide.
  return ocrPage(gray, Math.max(150, image.width / 8.5), ocr);
}
