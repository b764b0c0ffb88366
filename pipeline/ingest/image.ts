import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { MediaType, Page } from '../model/document.ts';
import { SohoaError } from '../model/errors.ts';
import { hasPixelData, imageSize, type ImageSize } from './image-size.ts';
import { layoutPage } from './layout/index.ts';
import { ocrPage, type OcrOptions } from './ocr/page.ts';
import { grayFromRgba, type GrayImage } from './pgm.ts';
import { readPagesWindowed } from './page-window.ts';
import { tiffPages } from './tiff.ts';

/** Images with more pixels than this (A4 at 600 dpi, A3 at 400 dpi) are refused before decoding. */
const MAX_IMAGE_PIXELS = 40_000_000;
/** Longest side accepted for an image, in pixels. */
const MAX_IMAGE_SIDE = 20_000;
/** Stated resolutions outside this range are not believed. */
const MIN_DPI = 100;
const MAX_DPI = 1200;

/** Refuses an empty or oversized image from its dimensions, before its pixel memory is spent. */
function checkSize(size: ImageSize | undefined, name: string, what = 'the image'): ImageSize {
  if (!size || size.width === 0 || size.height === 0) throw new SohoaError('E_IMAGE_CORRUPT', `the header of ${what} cannot be read`, name);
  if (size.width > MAX_IMAGE_SIDE || size.height > MAX_IMAGE_SIDE || size.width * size.height > MAX_IMAGE_PIXELS)
    throw new SohoaError('E_IMAGE_TOO_LARGE', `${what} is ${size.width} × ${size.height} pixels, more than this tool reads`, name);
  return size;
}

/**
 * Resolution to read a page at: the stated one when plausible, else that of a page whose short
 * side is about 8.5 inches (A4, Letter), whichever way round it was scanned.
 */
function pageDpi(image: ImageSize, stated?: number): number {
  return stated !== undefined && stated >= MIN_DPI && stated <= MAX_DPI ? stated : Math.max(150, Math.min(image.width, image.height) / 8.5);
}

/** OCR and layout of one decoded page; an engine failure on a page that decoded is a corrupt image. */
async function readPage(number: number, decode: () => Promise<GrayImage> | GrayImage, dpi: (image: ImageSize) => number, name: string, ocr: OcrOptions): Promise<Page> {
  try {
    const gray = await decode();
    return layoutPage(number, 'ocr', await ocrPage(gray, dpi(gray), ocr));
  } catch (err) {
    if (err instanceof SohoaError && err.code !== 'E_OCR_FAILED') throw err;
    throw new SohoaError('E_IMAGE_CORRUPT', `the image cannot be decoded: ${(err as Error).message}`, name, { cause: err });
  }
}

/**
 * Reads page images through OCR: a PNG or JPEG is one page, a TIFF one page per image it
 * holds. Sizes are checked from the headers first, so a huge image is refused without spending
 * its pixel memory; a multi-page TIFF is decoded a page per OCR worker at a time.
 */
export async function readImagePages(bytes: Uint8Array, type: MediaType, name: string, ocr: OcrOptions = {}): Promise<Page[]> {
  if (type === 'image/tiff') {
    const pages = tiffPages(bytes, name);
    pages.forEach((p, i) => checkSize(p, name, pages.length > 1 ? `page ${i + 1} of the TIFF` : 'the image'));
    return readPagesWindowed(pages.length, (n) => readPage(n, () => pages[n - 1]!.decode(), (size) => pageDpi(size, pages[n - 1]!.dpi), name, ocr));
  }
  checkSize(imageSize(bytes, type), name);
  if (!hasPixelData(bytes, type)) throw new SohoaError('E_IMAGE_CORRUPT', 'the image has no pixel data', name);
  return [await readPage(1, () => decodeWithCanvas(bytes), (size) => pageDpi(size), name, ocr)];
}

/** PNG and JPEG pixels, as grayscale. */
async function decodeWithCanvas(bytes: Uint8Array): Promise<GrayImage> {
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  // Scans rarely say their resolution truthfully in PNG or JPEG headers; a TIFF's is believed.
  return grayFromRgba(ctx.getImageData(0, 0, image.width, image.height).data, image.width, image.height);
}
