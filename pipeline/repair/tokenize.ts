import type { TokenKind } from '../model/document.ts';

/**
 * A span of a line. Spans cover the line exactly, whitespace included, so a line is rebuilt
 * by joining span texts: repair replaces the text of word spans and nothing else.
 */
export interface Span {
  text: string;
  kind: TokenKind | 'space';
  /** 0-based column in the source line. */
  column: number;
}

/**
 * Symbols Tesseract's Latin models put where a Vietnamese letter with marks stood
 * (`s¢` for sở, `D&` for Đề, `k¥` for kỹ). Inside a word they are part of it.
 */
export const LETTER_LIKE_SYMBOLS = '¢&@$§€£¥';

const WORDISH = `\\p{L}\\p{M}\\p{N}${LETTER_LIKE_SYMBOLS.replace('$', '\\$')}`;
/** A document code: alphanumeric parts joined by / - . with no spaces, at least one / or a digit-letter mix. */
const CODE = new RegExp(`^[\\p{L}\\p{N}]+(?:[/.-][\\p{L}\\p{N}]+)+`, 'u');
const WORD = new RegExp(`^[${WORDISH}]+`, 'u');
const SPACE = /^\s+/u;
/** List and enumeration markers: a) đ) (1) (a) — kept whole, never read as words. */
const MARKER = /^(?:\(\p{N}{1,3}\)|\(\p{L}\)|\p{L}\)(?!\p{L}))/u;

/** True when a run joined by / - . is a code (350/QĐ-TTg, 42-NQ/TW, 26/02/2026, IV/2026) rather than words. */
function isCode(run: string): boolean {
  if (run.includes('/')) return true;
  if (/^\d+(?:\.\d+)+$/.test(run)) return true; // 1.2.3 numbering, 4.0
  // A hyphen joins codes (NĐ-CP, 42-NQ) but also foreign compounds; require capitals or digits on both sides.
  return run.split(/[-.]/).every((p) => /[\p{Lu}\p{N}]/u.test(p));
}

function classify(text: string): TokenKind {
  if (/^\p{N}+$/u.test(text)) return 'number';
  if (/\p{L}/u.test(text) || text.length > 1) return 'word';
  return new RegExp(`[${LETTER_LIKE_SYMBOLS.replace('$', '\\$')}]`).test(text) ? 'symbol' : 'word';
}

/** Splits one line into spans: words, numbers, codes, punctuation, symbols and whitespace. */
export function tokenizeLine(line: string): Span[] {
  const spans: Span[] = [];
  let col = 0;
  while (col < line.length) {
    const rest = line.slice(col);
    let m = SPACE.exec(rest);
    if (m) {
      spans.push({ text: m[0], kind: 'space', column: col });
      col += m[0].length;
      continue;
    }
    m = MARKER.exec(rest);
    if (m && (m[0].startsWith('(') || line.slice(0, col).trim() === '')) {
      spans.push({ text: m[0], kind: 'code', column: col });
      col += m[0].length;
      continue;
    }
    m = CODE.exec(rest);
    if (m && isCode(m[0])) {
      spans.push({ text: m[0], kind: 'code', column: col });
      col += m[0].length;
      continue;
    }
    m = WORD.exec(rest);
    if (m) {
      spans.push({ text: m[0], kind: classify(m[0]), column: col });
      col += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    spans.push({ text: ch, kind: /\p{P}/u.test(ch) ? 'punct' : 'symbol', column: col });
    col += ch.length;
  }
  return spans;
}
