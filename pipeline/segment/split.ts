import { isAllCaps, isAuthority, isNoiNhan, isPersonName, isQuocHieu, isVv, numberLine, typeTitle } from './cues.ts';
import type { SourceLine } from './lines.ts';

/** Half-open index range `[start, end)` of one administrative document in the source lines. */
export interface DocumentSpan {
  start: number;
  end: number;
}

/** A line that opens a document header: quốc hiệu, số ký hiệu, a type title or a V/v line. */
function isHeaderCue(text: string): boolean {
  return isQuocHieu(text) || numberLine(text) !== undefined || typeTitle(text) !== undefined || isVv(text);
}

/**
 * Splits the source into administrative documents. A document is closed once its signature
 * part (nơi nhận, thẩm quyền ký, signer) has been seen; the next header cue after that opens
 * a new document, which also takes the upper-case issuer lines printed just above the cue.
 */
export function splitDocuments(lines: readonly SourceLine[]): DocumentSpan[] {
  const starts: number[] = [0];
  let closed = false;
  let seenHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '') continue;
    if (isHeaderCue(text)) {
      if (closed) {
        let s = i;
        while (s - 1 > starts.at(-1)! && isIssuerLine(lines[s - 1]!.text)) s--;
        starts.push(s);
        closed = false;
        seenHeader = true;
        continue;
      }
      seenHeader = true;
      continue;
    }
    if (seenHeader && (isNoiNhan(text) || isAuthority(text))) closed = true;
    if (seenHeader && isPersonName(text) && i > 0 && isAllCaps(lines[i - 1]!.text)) closed = true;
  }
  return starts.map((s, k) => ({ start: s, end: starts[k + 1] ?? lines.length }));
}

/** An upper-case issuer line (cơ quan ban hành), not a delegation line of a signature. */
function isIssuerLine(text: string): boolean {
  return isAllCaps(text) && !isAuthority(text) && text.length <= 80 && typeTitle(text) === undefined;
}
