import { hasVietnameseMarks } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/**
 * The shape of an abbreviation written with a slash, as a copy list and a subject line write
 * them: one or two letters each side, the second part in lower case (b/c for báo cáo, t/h, V/v,
 * Đ/c). Units (ha/năm) and paired words (điện tử/số) are words, not such abbreviations.
 */
const SLASH_ABBREVIATION = /^\p{L}{1,2}\/\p{Ll}{1,2}$/u;

/** True for a code written as an abbreviation with a slash (`b/c`, `V/v`), with no Vietnamese marks (Đ is a letter). */
export function isSlashAbbreviation(text: string): boolean {
  return SLASH_ABBREVIATION.test(text) && !hasVietnameseMarks(text.replace(/[đĐ]/gu, 'd'));
}

/**
 * The one listed abbreviation with the same letters before the slash as `printed` and a single
 * letter after it misread, or undefined when none or several are. The letters before the slash
 * name the abbreviation (b/c, Đ/c and t/h are different ones); the small letter after it, set
 * between a slash and a bracket, is the one OCR misreads (b/o).
 */
function nearestListed(printed: string, listed: readonly string[]): string | undefined {
  const [head, tail] = printed.split('/') as [string, string];
  const near = listed.filter((a) => {
    const [h, t] = a.split('/') as [string, string];
    if (h !== head || t.length !== tail.length) return false;
    let differ = 0;
    for (let i = 0; i < t.length; i++) if (t[i] !== tail[i]) differ++;
    return differ === 1;
  });
  return near.length === 1 ? near[0] : undefined;
}

/**
 * Slash abbreviations OCR misread by one letter after the slash (`để b/o` for `để b/c`),
 * written as the dictionary lists them. A copy list repeats a few such abbreviations, and no
 * word of the language model stands in for them, so the list decides; where two listed ones
 * are as near, the printed form is kept.
 */
export function misreadSlashAbbreviations(spans: readonly Span[][], listed: readonly string[]): RuleRepair[] {
  if (listed.length === 0) return [];
  const out: RuleRepair[] = [];
  spans.forEach((line, li) =>
    line.forEach((span, at) => {
      if (span.kind !== 'code' || !SLASH_ABBREVIATION.test(span.text) || listed.includes(span.text)) return;
      const text = nearestListed(span.text, listed);
      if (text) out.push({ line: li, span: at, last: at, kind: 'code', text });
    }),
  );
  return out;
}
