/**
 * What a line of a passage is, read from its spans and capitals: a label, a heading in capitals,
 * a person's name. Repair reads the words of each kind differently.
 */
import { spellsSyllable } from './orthography.ts';
import { nextMark, type Span } from './tokenize.ts';

/**
 * A letter labelling a section or list item (A, B. …; a, b in a table of lettered tasks): the whole
 * line, as in a table's numbering cell, or a capital opening it before a period. It is a label,
 * not a word whose vowel was lost.
 */
export function isLetterLabel(spans: readonly Span[], at: number): boolean {
  const text = spans[at]!.text;
  if (/^\p{L}$/u.test(text) && spans.every((s, k) => k === at || s.kind === 'space')) return true;
  return /^\p{Lu}$/u.test(text) && nextMark(spans, -1) === at && spans[at + 1]?.text === '.' && spans[at + 2]?.kind === 'space';
}

/**
 * A title or heading set in capitals: its capitalised words are words, not acronyms. A word set
 * with an initial capital (`Lưu: VT, VP`) marks a line of running text, however short, whose
 * capitals are acronyms.
 */
export function isCapsLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters > 0 && upper > 0.6 * letters && !/(?<!\p{L})\p{Lu}\p{Ll}{2,}(?!\p{L})/u.test(text);
}

/**
 * Per span of a line that is no caps line: true for a word in capitals within a run of such words
 * (spaces between them only) of which at least two, and at least half, spell syllables. OCR joins
 * the two columns of a header on one line (`TINH PONG THAP Poc lap - Ty do`): the issuer's words
 * are a heading's words there, not acronyms, which spell no syllable (`UBND TP HCM`).
 */
export function capitalRuns(spans: readonly Span[]): boolean[] {
  const out = spans.map(() => false);
  const isCapitalWord = (s: Span): boolean => s.kind === 'word' && /^\p{Lu}{2,}$/u.test(s.text);
  let at = 0;
  while (at < spans.length) {
    if (!isCapitalWord(spans[at]!)) {
      at++;
      continue;
    }
    const run: number[] = [];
    let k = at;
    for (; k < spans.length && (isCapitalWord(spans[k]!) || spans[k]!.kind === 'space'); k++) if (spans[k]!.kind === 'word') run.push(k);
    const syllables = run.filter((i) => spellsSyllable(spans[i]!.text)).length;
    if (syllables >= 2 && 2 * syllables >= run.length) for (const i of run) out[i] = true;
    at = k;
  }
  return out;
}

/**
 * A heading line: set in capitals, of two or more words, each in capitals (MỤC TIÊU, QUY ĐỊNH
 * CHUNG). Its words are words, not acronyms.
 */
export function isHeadingLine(spans: readonly Span[], capsLine: boolean): boolean {
  if (!capsLine) return false;
  const words = spans.filter((s) => s.kind === 'word' && /^\p{L}/u.test(s.text));
  return words.length >= 2 && words.every((s) => s.text === s.text.toUpperCase());
}

/** Marks a scan leaves beside a line (a rule's end read as `|`), which say nothing of what the line is. */
const SPECKS = new Set(['|', '¦', "'", '‘', '’', '`']);

/**
 * A line that is a person's name and nothing else (Trương Hải Long, Phạm Thị Thanh Trà): three or
 * four words of two letters or more, each with an initial capital and the rest in lower case, as
 * Vietnamese writes every syllable of a name, and at most a speck beside them. A signature ends
 * with one under the signer's title. Its words are a name's, not the title's continuation: the
 * decoder reads them as a sentence of their own. Two words are more often a place (Hải Phòng,
 * Nghệ An) than a person, whose name today nearly always has a middle or a two-syllable given name.
 */
export function isNameLine(spans: readonly Span[]): boolean {
  const marks = spans.filter((s) => s.kind !== 'space' && !SPECKS.has(s.text));
  return marks.length >= 3 && marks.length <= 4 && marks.every((s) => s.kind === 'word' && /^\p{Lu}\p{Ll}+$/u.test(s.text));
}
