import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBornDigitalPdf } from '../fixtures/generator/index.ts';
import { closeOcr, detectMediaType, ingest } from '../pipeline/ingest/index.ts';
import { imageSize } from '../pipeline/ingest/image-size.ts';
import { tiffPages } from '../pipeline/ingest/tiff.ts';
import { SohoaError } from '../pipeline/model/errors.ts';

async function failure(name: string, bytes: Uint8Array): Promise<SohoaError> {
  const err = await ingest({ name, bytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SohoaError);
  return err as SohoaError;
}

/** A PNG signature and IHDR chunk announcing the given size, with no pixel data after it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(64);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 0, 0, 0, 0], 24);
  return bytes;
}

/** A little-endian TIFF header whose first IFD gives only the image size, with no strips. */
function tiffHeader(width: number, height: number): Uint8Array {
  const tiff = new Uint8Array(64);
  const v = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, 2, true);
  [width, height].forEach((value, k) => {
    v.setUint16(10 + k * 12, 256 + k, true);
    v.setUint16(12 + k * 12, 4, true);
    v.setUint32(14 + k * 12, 1, true);
    v.setUint32(18 + k * 12, value, true);
  });
  return tiff;
}

describe('media type detection from bytes', () => {
  it('recognizes PDF, PNG, JPEG, TIFF and text whatever the name', () => {
    expect(detectMediaType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(detectMediaType(pngHeader(10, 10))).toBe('image/png');
    expect(detectMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))).toBe('image/jpeg');
    expect(detectMediaType(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]))).toBe('image/tiff');
    expect(detectMediaType(new TextEncoder().encode('Quyết định số 350/QĐ-TTg\n'))).toBe('text/plain');
    expect(detectMediaType(new Uint8Array([0, 1, 2, 3, 0xfe, 0xff, 0, 0]))).toBeUndefined();
  });

  it('reads image sizes from headers without decoding', () => {
    expect(imageSize(pngHeader(2480, 3508), 'image/png')).toEqual({ width: 2480, height: 3508 });
    expect(tiffPages(tiffHeader(1700, 2200), 'page.tif')[0]).toMatchObject({ width: 1700, height: 2200 });
  });
});

describe('bad input fails with a code and the file name, quickly', () => {
  afterAll(closeOcr);

  it('encrypted PDF → E_PDF_ENCRYPTED', async () => {
    const err = await failure('secret.pdf', new Uint8Array(readFileSync(new URL('../fixtures/generated/encrypted.pdf', import.meta.url))));
    expect(err.code).toBe('E_PDF_ENCRYPTED');
    expect(err.file).toBe('secret.pdf');
  });

  it('truncated or corrupt PDF → E_PDF_CORRUPT', async () => {
    const pdf = await renderBornDigitalPdf('Điều 1. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.');
    for (const cut of [0.5, 0.1]) {
      const err = await failure('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * cut)));
      expect(err.code).toBe('E_PDF_CORRUPT');
      expect(err.message).toContain('cut.pdf');
    }
    expect((await failure('junk.pdf', new TextEncoder().encode('%PDF-1.7\nnot really a pdf'))).code).toBe('E_PDF_CORRUPT');
  });

  it('PDF with zero pages → E_PDF_NO_PAGES', async () => {
    const empty = await (await PDFDocument.create()).save();
    const err = await failure('empty.pdf', empty);
    expect(err.code).toBe('E_PDF_NO_PAGES');
    expect(err.file).toBe('empty.pdf');
  });

  it('a 40,000 × 40,000 image → E_IMAGE_TOO_LARGE before any decoding', async () => {
    const before = process.memoryUsage().rss;
    const err = await failure('huge.png', pngHeader(40_000, 40_000));
    expect(err.code).toBe('E_IMAGE_TOO_LARGE');
    expect(err.file).toBe('huge.png');
    // 40,000² pixels would be gigabytes; refusing from the header costs nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 2 ** 20);
  });

  it('an image whose header or pixels cannot be read → E_IMAGE_CORRUPT, and the process goes on', async () => {
    expect((await failure('broken.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]))).code).toBe('E_IMAGE_CORRUPT');
    const png = pngHeader(100, 100);
    expect((await failure('broken.png', png)).code).toBe('E_IMAGE_CORRUPT');
    // A TIFF whose directory lists no page data: the error must come back as this file's.
    const tiff = tiffHeader(100, 100);
    expect((await failure('broken.tif', tiff)).code).toBe('E_IMAGE_CORRUPT');
    expect((await failure('broken-again.tif', tiff)).file).toBe('broken-again.tif');
  });

  it('a file that is not a document → E_UNSUPPORTED_TYPE; an empty file → E_EMPTY_FILE', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0xff, 0xfe, 0, 0, 0, 0]);
    const err = await failure('archive.zip', zip);
    expect(err.code).toBe('E_UNSUPPORTED_TYPE');
    expect(err.file).toBe('archive.zip');
    expect((await failure('nothing.pdf', new Uint8Array())).code).toBe('E_EMPTY_FILE');
  });
});
