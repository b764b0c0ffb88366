import { describe, expect, it } from 'vitest';
import { ingest } from '../pipeline/ingest/index.ts';
import { decodeText, looksLikeEightBitText } from '../pipeline/ingest/text-encoding.ts';
import { documentToText } from '../pipeline/model/text.ts';
import { SohoaError } from '../pipeline/model/errors.ts';

const TEXT = 'ỦY BAN NHÂN DÂN TỈNH\nQUYẾT ĐỊNH\nĐiều 1. Phê duyệt Kế hoạch số hóa tài liệu lưu trữ năm 2026.\n';

/** UTF-16 bytes of a string after its byte-order mark, in either byte order. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + 2 * text.length);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, order === 'le');
  for (let i = 0; i < text.length; i++) view.setUint16(2 + 2 * i, text.charCodeAt(i), order === 'le');
  return bytes;
}

/** Bytes of a string of code points below 256, one byte each (how an 8-bit encoding stores text). */
const eightBit = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('text file encodings', () => {
  it('UTF-16 with its byte-order mark, either order, and UTF-8 with a mark read as the same text', async () => {
    const utf8 = new TextEncoder().encode(TEXT);
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf16(TEXT, 'le'), utf16(TEXT, 'be'), withMark]) expect(decodeText(bytes)).toBe(TEXT);
    const expected = documentToText(await ingest({ name: 'a.txt', bytes: utf8 }));
    const fromUtf16 = await ingest({ name: 'b.txt', bytes: utf16(TEXT, 'le') });
    expect(fromUtf16.source.mediaType).toBe('text/plain');
    expect(documentToText(fromUtf16)).toBe(expected);
  });

  it('a UTF-16 mark before a torn last code unit is not text', () => {
    expect(decodeText(utf16(TEXT, 'le').subarray(0, 9))).toBeUndefined();
  });

  it('Vietnamese in Windows-1258 → E_NOT_UTF8 naming the file and the likely encodings', async () => {
    // "Quyết định phê duyệt" in Windows-1258: ê 0xEA, combining acute 0xEC, đ 0xF0, dot below 0xF2.
    const cp1258 = eightBit('Quy\xea\xect \xf0i\xf2nh ph\xea duy\xea\xf2t k\xea\xec hoa\xf2ch\n'.repeat(5));
    expect(looksLikeEightBitText(cp1258)).toBe(true);
    const err = await ingest({ name: 'cu.txt', bytes: cp1258 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SohoaError);
    expect((err as SohoaError).code).toBe('E_NOT_UTF8');
    expect((err as SohoaError).message).toMatch(/^cu\.txt: .*TCVN3, VNI or Windows-1258/);
  });

  it('binary data is not taken for 8-bit text', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(looksLikeEightBitText(binary)).toBe(false);
    const err = await ingest({ name: 'x.bin', bytes: binary }).catch((e: unknown) => e);
    expect((err as SohoaError).code).toBe('E_UNSUPPORTED_TYPE');
  });
});
