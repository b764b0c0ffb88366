/**
 * What a line of a passage is, read from its spans and capitals: a label, a heading in capitals,
 * a person's name. Repair reads the words of each kind differently.
 */
import type { Span } from './tokenize.ts';

/**
 * A capital letter labelling a section or list item (A, B. …): the whole line, as in a table's
 * numbering cell, or opening it before a period. It is a label, not a word whose vowel was lost.
 */
export function isLetterLabel(spans: readonly Span[], at: number): boolean {
  if (!/^\p{Lu}$/u.test(spans[at]!.text)) return false;
  if (spans.every((s, k) => k === at || s.kind === 'space')) return true;
  const first = spans.findIndex((s) => s.kind !== 'space');
  return first === at && spans[at + 1]?.text === '.' && spans[at + 2]?.kind === 'space';
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
