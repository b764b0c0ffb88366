import { stripDiacritics } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/**
 * `VT` with its T read as a narrow letter or digit (VI, VỊ, VL, V1): a T's bar is thin, and
 * OCR keeps only its stem.
 */
const MISREAD_VT = /^V[IỊÌÍỈĨLl1]$/u;
/** The stem of a T printed as a bar or bracket after the V (`V[`, `V|`). */
const STEM_MARK = /^[[\]|!]$/;
/** A copy list's first items run together at a period OCR read for their comma (`VL.KT`). */
const RUN_ON_ITEMS = /^(V[TIỊÌÍỈĨLl1])\.(\p{Lu}.*)$/u;

/** The word `Lưu` (the copies kept) as a copy list's last item opens with it, however its marks were printed. */
const isLuu = (word: string): boolean => stripDiacritics(word) === 'Luu';

/** The filing mark's repair when the spans from `at` print it misread, or undefined. */
function filingMarkAt(spans: readonly Span[], at: number, line: number): RuleRepair | undefined {
  const item = spans[at]!;
  if (item.kind === 'word' && MISREAD_VT.test(item.text)) return { line, span: at, last: at, kind: 'word', text: 'VT' };
  if (item.kind === 'word' && item.text === 'V' && STEM_MARK.test(spans[at + 1]?.text ?? '')) return { line, span: at, last: at + 1, kind: 'word', text: 'VT' };
  const runOn = item.kind === 'code' ? RUN_ON_ITEMS.exec(item.text) : null;
  if (runOn) return { line, span: at, last: at, kind: 'code', text: `VT, ${runOn[2]}` };
  return undefined;
}

/**
 * The filing marks of copy lists printed misread. Nghị định 30/2020 has every document's
 * recipients end with `Lưu: VT, …`, the copy the văn thư keeps named first: on a line opening
 * with `Lưu:` (after its dash), the first item that reads V and a stem (`Lưu: VỊ, NC`, `Lưu: V[
 * NVY`) is VT, and a period after it before the next item (`Lưu:VL.KT`) is the list's comma.
 */
export function misreadFilingMarks(lines: readonly Span[][]): RuleRepair[] {
  const out: RuleRepair[] = [];
  lines.forEach((spans, li) => {
    const marks = spans.map((s, si) => [s, si] as const).filter(([s]) => s.kind !== 'space');
    // The item's own line, after its dash or bullet: `- Lưu: VT, NC.`
    const at = marks.findIndex(([s]) => s.kind === 'word');
    const item = marks[at + 2];
    if (at < 0 || !marks.slice(0, at).every(([s]) => s.kind === 'punct' || s.kind === 'symbol') || !isLuu(marks[at]![0].text)) return;
    if (marks[at + 1]?.[0].text !== ':' || !item) return;
    const repair = filingMarkAt(spans, item[1], li);
    if (repair) out.push(repair);
  });
  return out;
}
