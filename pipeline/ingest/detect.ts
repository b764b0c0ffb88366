import type { MediaType } from '../model/document.ts';

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0): boolean =>
  sig.every((b, i) => bytes[offset + i] === b);

/**
 * Detects a source's type from its bytes, never its extension. Returns `undefined` for
 * anything that is not a PDF, PNG, JPEG, TIFF or UTF-8 text.
 */
export function detectMediaType(bytes: Uint8Array): MediaType | undefined {
  // PDF headers may be preceded by up to 1 KiB of junk, which readers accept.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (isUtf8Text(bytes)) return 'text/plain';
  return undefined;
}

/** Valid UTF-8 with no NUL and few control characters other than layout ones. */
function isUtf8Text(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls <= text.length / 100;
}
