import type { MediaType } from '../model/document.ts';

/** Pixel dimensions of an image. */
export interface ImageSize {
  width: number;
  height: number;
}

/**
 * Reads a PNG's or JPEG's dimensions from its header without decoding it, so oversized images
 * can be refused before any pixel memory is spent (TIFF pages: `tiffPages`). `undefined` when
 * the header cannot be read.
 */
export function imageSize(bytes: Uint8Array, type: MediaType): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (type === 'image/png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (type === 'image/jpeg') return jpegSize(bytes, view);
  } catch {
    return undefined;
  }
  return undefined;
}

/** Walks JPEG segments to the first start-of-frame marker. */
function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | undefined {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = view.getUint16(i + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    i += 2 + length;
  }
  return undefined;
}

/**
 * Whether a PNG or JPEG holds any pixel data (an IDAT chunk, a start-of-scan segment) within its
 * bytes. The canvas decoder crashes the process on a file that stops after its header, so such a
 * file is refused before it is handed over; a file cut later decodes as far as it goes.
 */
export function hasPixelData(bytes: Uint8Array, type: MediaType): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'image/png') {
    for (let i = 8; i + 8 <= bytes.length; i += 12 + view.getUint32(i)) if (String.fromCharCode(...bytes.subarray(i + 4, i + 8)) === 'IDAT') return true;
    return false;
  }
  if (type === 'image/jpeg') {
    for (let i = 2; i + 4 <= bytes.length; ) {
      if (bytes[i] !== 0xff) return false;
      if (bytes[i + 1] === 0xff) i++;
      else if (bytes[i + 1] === 0xda) return true;
      else i += 2 + view.getUint16(i + 2);
    }
    return false;
  }
  return true;
}
