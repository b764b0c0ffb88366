import type { Span } from './tokenize.ts';

/** Where a span stands in a passage: line, then span within the line. */
export interface SpanAt {
  line: number;
  span: number;
}

const LOWER_START = /^\p{Ll}/u;

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
