import type { MediaType } from '../model/document.ts';
import { decodeText, isPlainText } from './text-encoding.ts';

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0): boolean =>
  sig.every((b, i) => bytes[offset + i] === b);

/** A source's type as its bytes tell it, with a text file's decoded text. */
export type SniffedSource = { mediaType: 'text/plain'; text: string } | { mediaType: Exclude<MediaType, 'text/plain'> };

/**
 * Tells a source's type from its bytes, never its extension, decoding a text file once for both
 * the test and the reading. Returns `undefined` for anything that is not a PDF, PNG, JPEG, TIFF or
 * text in UTF-8 or UTF-16 (see `text-encoding.ts`).
 */
export function sniffSource(bytes: Uint8Array): SniffedSource | undefined {
  // PDF headers may be preceded by up to 1 KiB of junk, which readers accept.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { mediaType: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { mediaType: 'image/tiff' };
  const text = decodeText(bytes);
  if (text !== undefined && isPlainText(text)) return { mediaType: 'text/plain', text };
  return undefined;
}

/** A source's type from its bytes ({@link sniffSource}), or `undefined` for none we read. */
export const detectMediaType = (bytes: Uint8Array): MediaType | undefined => sniffSource(bytes)?.mediaType;
