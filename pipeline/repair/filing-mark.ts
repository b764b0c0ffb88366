import { stripDiacritics } from './orthography.ts';
import type { SpanAt } from './specks.ts';
import type { Span } from './tokenize.ts';

/**
 * `VT` with its T read as a narrow letter or digit (VI, VỊ, VL, V1): a T's bar is thin, and
 * OCR keeps only its stem.
 */
const MISREAD_VT = /^V[IỊÌÍỈĨLl1]$/u;

/** The word `Lưu` (the copies kept), however its marks were printed. */
const isLuu = (word: string): boolean => stripDiacritics(word).toLowerCase() === 'luu';

/**
 * The filing marks of copy lists printed with their T misread. Nghị định 30/2020 has every
 * document's recipients end with `Lưu: VT, …`, the copy the văn thư keeps named first: the first
 * item after `Lưu:` that reads V and a stem (`Lưu: VỊ, NC`) is VT.
 */
export function misreadFilingMarks(lines: readonly Span[][]): SpanAt[] {
  const out: SpanAt[] = [];
  lines.forEach((spans, li) => {
    const marks = spans.map((s, si) => [s, si] as const).filter(([s]) => s.kind !== 'space');
    const at = marks.findIndex(([s]) => s.kind === 'word' && isLuu(s.text));
    if (at < 0 || marks[at + 1]?.[0].text !== ':') return;
    const item = marks[at + 2];
    if (item && MISREAD_VT.test(item[0].text)) out.push({ line: li, span: item[1] });
  });
  return out;
}
