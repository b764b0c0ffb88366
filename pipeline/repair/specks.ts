import { previousMark, type Span } from './tokenize.ts';

/** Where a span stands in a passage: line, then span within the line. */
export interface SpanAt {
  line: number;
  span: number;
}

const LOWER_START = /^\p{Ll}/u;

/**
 * A speck to remove; `spaceAfter` when it opens its line, so the space after it goes with it, and
 * `spaceBefore` when it ends its passage, so the space before it does.
 */
export interface Speck extends SpanAt {
  spaceAfter?: true;
  spaceBefore?: true;
}

/**
 * Punctuation a scan's specks put into a passage our OCR read: {@link strayPeriods} (after a word),
 * {@link leadingPeriods} (after a space), {@link unpairedQuotes} and {@link trailingDashes}, which
 * never share a span.
 */
export function specks(lines: readonly Span[][]): Speck[] {
  return [...strayPeriods(lines), ...leadingPeriods(lines), ...unpairedQuotes(lines), ...trailingDashes(lines)];
}

/**
 * A dash set apart after the last word of a passage (`Dữ liệu hộ tịch số hóa -` in a cell): a dash
 * opens an item or joins two words or numbers, and ends no sentence, so there it is a speck or the
 * end of a rule the OCR read. A dash alone in its passage (an empty cell's `-`) is text.
 */
export function trailingDashes(lines: readonly Span[][]): Speck[] {
  for (let li = lines.length - 1; li >= 0; li--) {
    const spans = lines[li]!;
    const si = previousMark(spans, spans.length);
    if (si < 0) continue;
    const [before, word] = [spans[si - 1], spans[si - 2]];
    const dash = spans[si]!.kind === 'punct' && /^[-–]$/.test(spans[si]!.text);
    return dash && before?.kind === 'space' && (word?.kind === 'word' || word?.kind === 'number') ? [{ line: li, span: si, spaceBefore: true }] : [];
  }
  return [];
}

/**
 * Periods a scan's specks (or a dot below read twice) put after a word in mid-sentence: a `.`
 * glued to a word and followed, on the same line or the next line of the passage, by a word in
 * lower case (địa. phương, Bộ. trưởng). A Vietnamese sentence starts with a capital, and
 * abbreviations with periods follow a lone letter (v.v.) or precede a capital (TP. Hà Nội), so
 * such a period ends nothing.
 */
export function strayPeriods(lines: readonly Span[][]): SpanAt[] {
  const out: SpanAt[] = [];
  lines.forEach((spans, li) => {
    spans.forEach((s, si) => {
      const word = spans[si - 1];
      // After a lone letter the period is an abbreviation's (v.v., A. Nguyễn), not a speck.
      if (s.kind !== 'punct' || s.text !== '.' || word?.kind !== 'word' || [...word.text].length < 2) return;
      const next = nextWord(lines, li, si + 1);
      if (next && LOWER_START.test(next.text)) out.push({ line: li, span: si });
    });
  });
  return out;
}

/**
 * Periods glued to the front of a word after a space (Ngoại .giao, của .Bộ), or opening a line
 * before its first word (`. Điều 3.`): no Vietnamese word or line starts with one, and a
 * sentence's period follows its last word.
 */
export function leadingPeriods(lines: readonly Span[][]): Speck[] {
  const out: Speck[] = [];
  lines.forEach((spans, li) => {
    spans.forEach((s, si) => {
      const before = spans[si - 1];
      if (s.kind !== 'punct' || s.text !== '.' || (before && before.kind !== 'space')) return;
      const next = spans[si + 1];
      if (next?.kind === 'word') out.push({ line: li, span: si });
      else if (next?.kind === 'space' && spans[si + 2]?.kind === 'word' && spans.findIndex((b) => b.kind !== 'space') === si) out.push({ line: li, span: si, spaceAfter: true });
    });
  });
  return out;
}

/** Quotation marks by family: a mark of one family opens or closes a quotation of that family. */
const QUOTE_FAMILIES = ['“”"', "‘’'"];

/**
 * Opening quotation marks with no partner in their passage (a cell, a paragraph): a quotation
 * opens and closes, so a family's only mark, glued to the word after it and not to the one before,
 * is a speck above a word's first letter that the OCR read as one (`“Sở Nội vụ` at the top of a
 * cell, `ứng "dụng`). A lone closing mark stays: there the OCR more often lost the opening one.
 */
export function unpairedQuotes(lines: readonly Span[][]): SpanAt[] {
  return QUOTE_FAMILIES.flatMap((family) => {
    const marks: SpanAt[] = [];
    lines.forEach((spans, li) => spans.forEach((s, si) => s.kind === 'punct' && family.includes(s.text) && marks.push({ line: li, span: si })));
    const only = marks.length === 1 ? marks[0]! : undefined;
    if (!only) return [];
    const spans = lines[only.line]!;
    const [before, after] = [spans[only.span - 1], spans[only.span + 1]];
    return (!before || before.kind === 'space' || before.kind === 'punct') && after?.kind === 'word' ? [only] : [];
  });
}

/** The first non-space span from a position, moving on to the next line when this one ends. */
function nextWord(lines: readonly Span[][], li: number, from: number): Span | undefined {
  for (let l = li, k = from; l < lines.length; l++, k = 0) {
    for (const s of lines[l]!.slice(k)) {
      if (s.kind === 'space') continue;
      return s.kind === 'word' ? s : undefined;
    }
  }
  return undefined;
}
