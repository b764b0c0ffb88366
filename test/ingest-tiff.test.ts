import { readFileSync } from 'node:fs';
import UTIF from 'utif';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutText } from '../fixtures/generator/index.ts';
import { characterErrorRate } from '../bench/cer.ts';
import { closeOcr, ingest } from '../pipeline/ingest/index.ts';
import type { Document } from '../pipeline/model/document.ts';
import { SohoaError } from '../pipeline/model/errors.ts';
import { documentToText } from '../pipeline/model/text.ts';

const fixture = (p: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/${p}`, import.meta.url)));
const bodyText = (doc: Document): string =>
  documentToText({ ...doc, pages: doc.pages.map((p) => ({ ...p, blocks: p.blocks.filter((b) => b.kind === 'text' || b.kind === 'table') })) });

afterAll(() => closeOcr());

describe('TIFF scans', () => {
  it('reads every page of a multi-page CCITT Group 4 TIFF through OCR, in order', async () => {
    const doc = await ingest({ name: 'scan.tif', bytes: fixture('generated/kh-thai-nguyen-2p-g4.tif') });
    expect(doc.source.mediaType).toBe('image/tiff');
    expect(doc.pages.map((p) => [p.number, p.path])).toEqual([[1, 'ocr'], [2, 'ocr']]);
    const gold = layoutText(readFileSync(new URL('../fixtures/seeds/004_91fa2b9411a76217.txt', import.meta.url), 'utf8'), 2)
      .map((p, i) => p.runs.filter((r) => !(i > 0 && r.y < 40)).map((r) => r.text).join(' '))
      .join(' ');
    expect(characterErrorRate(gold, bodyText(doc))).toBeLessThan(0.02);
  }, 120_000);

  it('refuses a truncated TIFF with E_IMAGE_CORRUPT naming the file', async () => {
    const whole = fixture('generated/kh-thai-nguyen-2p-g4.tif');
    const err = await ingest({ name: 'cut.tif', bytes: whole.slice(0, 2000) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SohoaError);
    expect(err).toMatchObject({ code: 'E_IMAGE_CORRUPT', file: 'cut.tif' });
  });

  it('refuses an oversized TIFF page from its directory, before decoding it', async () => {
    const rgba = new Uint8Array(4 * 4 * 4).fill(255);
    const tiff = new Uint8Array(UTIF.encodeImage(rgba, 4, 4));
    // Patch the width the directory states: 40,000 pixels.
    const view = new DataView(tiff.buffer);
    const ifd = view.getUint32(4, tiff[0] === 0x49);
    const little = tiff[0] === 0x49;
    for (let k = 0, n = view.getUint16(ifd, little); k < n; k++) {
      const at = ifd + 2 + 12 * k;
      if (view.getUint16(at, little) === 256) {
        if (view.getUint16(at + 2, little) === 3) view.setUint16(at + 8, 40_000, little);
        else view.setUint32(at + 8, 40_000, little);
      }
    }
    const err = await ingest({ name: 'huge.tif', bytes: tiff }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_IMAGE_TOO_LARGE', file: 'huge.tif' });
  });
});
