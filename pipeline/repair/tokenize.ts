import type { TokenKind } from '../model/document.ts';
import { INLINE_TAG } from '../model/markup.ts';

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
const LETTER_LIKE_SYMBOLS = '¢&@$§€£¥';

const SYMBOL_CLASS = LETTER_LIKE_SYMBOLS.replace('$', '\\$');
// Sticky patterns, matched at a position without slicing the line.
/** A document code: alphanumeric parts joined by / - . with no spaces. */
const CODE = /[\p{L}\p{N}]+(?:[/.-][\p{L}\p{N}]+)+/uy;
const WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}${SYMBOL_CLASS}]+`, 'uy');
const SPACE = /\s+/uy;
/** List and enumeration markers: a) đ) (1) (2b) (a) — kept whole, never read as words. */
const MARKER = /(?:\(\p{N}{1,3}\p{Ll}?\)|\(\p{L}\)|\p{L}\)(?!\p{L}))/uy;
const DIGITS = /^\p{N}+$/u;
const LETTER = /\p{L}/u;
const SYMBOL = new RegExp(`[${SYMBOL_CLASS}]`, 'u');
const PUNCT = /\p{P}/u;

function matchAt(re: RegExp, line: string, col: number): string | undefined {
  re.lastIndex = col;
  return re.exec(line)?.[0];
}

/** True when a run joined by / - . is a code (350/QĐ-TTg, 42-NQ/TW, 26/02/2026, IV/2026) rather than words. */
function isCode(run: string): boolean {
  if (run.includes('/')) return true;
  if (/^\d+(?:\.\d+)+$/.test(run)) return true; // 1.2.3 numbering, 4.0
  // A hyphen joins codes (NĐ-CP, 42-NQ) but also foreign compounds; require capitals or digits on both sides.
  return run.split(/[-.]/).every((p) => /[\p{Lu}\p{N}]/u.test(p));
}

function classify(text: string): TokenKind {
  if (DIGITS.test(text)) return 'number';
  if (LETTER.test(text) || text.length > 1) return 'word';
  return SYMBOL.test(text) ? 'symbol' : 'word';
}

const WHITESPACE = /\s/u;
const JOINERS = '/.-';

/** Splits one line into spans: words, numbers, codes, punctuation, symbols (inline tags too) and whitespace. */
export function tokenizeLine(line: string): Span[] {
  const spans: Span[] = [];
  let col = 0;
  // Each branch runs the one pattern the next character can start: a line is read in one pass.
  while (col < line.length) {
    const c = line[col]!;
    let m: string | undefined;
    if (WHITESPACE.test(c)) {
      m = matchAt(SPACE, line, col)!;
      spans.push({ text: m, kind: 'space', column: col });
      col += m.length;
      continue;
    }
    // An inline tag (<b>, </i>, <br>) is markup, one symbol span: its letters are no word.
    if (c === '<' && (m = matchAt(INLINE_TAG, line, col))) {
      spans.push({ text: m, kind: 'symbol', column: col });
      col += m.length;
      continue;
    }
    if (c === '(' && (m = matchAt(MARKER, line, col))) {
      spans.push({ text: m, kind: 'code', column: col });
      col += m.length;
      continue;
    }
    m = matchAt(WORD, line, col);
    if (m) {
      const next = line[col + m.length];
      // A lone letter and ")" opening a line is a list marker: a) đ).
      if (next === ')' && [...m].length === 1 && line.slice(0, col).trim() === '') {
        const marker = matchAt(MARKER, line, col);
        if (marker) {
          spans.push({ text: marker, kind: 'code', column: col });
          col += marker.length;
          continue;
        }
      }
      // A code can only start here if the word is followed by one of its joiners.
      if (next !== undefined && JOINERS.includes(next)) {
        const code = matchAt(CODE, line, col);
        if (code && isCode(code)) {
          spans.push({ text: code, kind: 'code', column: col });
          col += code.length;
          continue;
        }
      }
      spans.push({ text: m, kind: classify(m), column: col });
      col += m.length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(col)!);
    spans.push({ text: ch, kind: PUNCT.test(ch) ? 'punct' : 'symbol', column: col });
    col += ch.length;
  }
  return spans;
}

/** Index of the last span before `at` on its line that is not a space, or -1. */
export function previousMark(spans: readonly Span[], at: number): number {
  for (let k = at - 1; k >= 0; k--) if (spans[k]!.kind !== 'space') return k;
  return -1;
}

/** Index of the first span after `at` on its line that is not a space, or -1. */
export function nextMark(spans: readonly Span[], at: number): number {
  for (let k = at + 1; k < spans.length; k++) if (spans[k]!.kind !== 'space') return k;
  return -1;
}

/** True when the span is a word opening with a capital (a name's word: Procter, Gamble). */
const isCapitalisedWord = (s: Span | undefined): boolean => s?.kind === 'word' && /^\p{Lu}/u.test(s.text);

/**
 * The spans with each letter-like symbol that stands alone between two words of its line
 * (`đánh giá & mức`) read as a word: a Latin model prints a short word with marks (ở) as one
 * symbol. Between two capitalised words it joins names (`Procter & Gamble`, `Johnson & Johnson`),
 * as ở, which opens a phrase after a word of the sentence, seldom stands. Only for damaged text;
 * in clean text a lone `&` is the author's. The same array when there is none.
 */
export function loneSymbolsAsWords(spans: Span[]): Span[] {
  const lone = (s: Span, at: number): boolean => {
    if (s.kind !== 'symbol' || !SYMBOL.test(s.text)) return false;
    const [before, after] = [spans[previousMark(spans, at)], spans[nextMark(spans, at)]];
    return before?.kind === 'word' && after?.kind === 'word' && !(isCapitalisedWord(before) && isCapitalisedWord(after));
  };
  return spans.some(lone) ? spans.map((s, at) => (lone(s, at) ? { ...s, kind: 'word' } : s)) : spans;
}
