/**
 * The encodings a text file is read in. UTF-8 (with or without a byte-order mark) and UTF-16
 * with its mark, as Windows tools save "Unicode" text, decode unambiguously. Vietnamese text in
 * the 8-bit encodings archives still hold (TCVN3, VNI, Windows-1258) does not: the same byte is a
 * different letter in each, so such a file is refused with a message saying what it looks like.
 */

const UTF16_MARKS: readonly [number, number, 'utf-16le' | 'utf-16be'][] = [
  [0xff, 0xfe, 'utf-16le'],
  [0xfe, 0xff, 'utf-16be'],
];

/**
 * Decodes a text file's bytes: UTF-8, or UTF-16 after its byte-order mark. A leading mark is
 * dropped. Returns `undefined` when the bytes are neither.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const mark = UTF16_MARKS.find(([a, b]) => bytes[0] === a && bytes[1] === b);
  // A UTF-16 file holds whole code units after its mark.
  if (mark && bytes.length % 2 !== 0) return undefined;
  try {
    // TextDecoder drops the byte-order mark of its own encoding.
    return new TextDecoder(mark?.[2] ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, line feed, form feed and carriage return. */
const isStrayControl = (c: number): boolean => c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13;

/** Decoded text that is prose, not binary data: no NUL and few stray control characters. */
export function isPlainText(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return false;
    if (isStrayControl(c)) controls++;
  }
  return controls <= text.length / 100;
}

/**
 * Bytes that are not UTF-8 but read like text in an 8-bit encoding: no NUL, few stray control
 * bytes, mostly ASCII letters and spaces, with bytes above 127 where a Vietnamese letter with
 * marks would stand.
 */
export function looksLikeEightBitText(bytes: Uint8Array): boolean {
  if (decodeText(bytes) !== undefined) return false;
  let controls = 0;
  let high = 0;
  let spaces = 0;
  for (const b of bytes) {
    if (b === 0) return false;
    if (isStrayControl(b)) controls++;
    else if (b >= 128) high++;
    else if (b === 32 || b === 10) spaces++;
  }
  // Vietnamese prose has a space every few letters and at most about half its letters marked.
  return controls <= bytes.length / 100 && high > 0 && high <= bytes.length / 2 && spaces >= bytes.length / 12;
}
