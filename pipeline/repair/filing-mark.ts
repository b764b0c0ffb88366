import { bareLower } from './orthography.ts';
import type { RuleRepair } from './rule-repair.ts';
import { nextMark, type Span } from './tokenize.ts';

/**
 * The T of `VT` read as a narrow letter or digit (VI, VỊ, VL, V1): a T's bar is thin, and OCR
 * keeps only its stem.
 */
const STEM = 'IỊÌÍỈĨLl1';
const MISREAD_VT = new RegExp(`^V[${STEM}]$`, 'u');
/** The stem of a T printed as a bar or bracket after the V (`V[`, `V|`). */
const STEM_MARK = /^[[\]|!]$/;
/** A copy list's first items run together at a period OCR read for their comma (`VL.KT`). */
const RUN_ON_ITEMS = new RegExp(`^(V[T${STEM}])\\.(\\p{Lu}.*)$`, 'u');

/** The word `Lưu` (the copies kept) as a copy list's last item opens with it, however its marks were printed or its case set. */
const isLuu = (word: string): boolean => bareLower(word) === 'luu';

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
    // The item's own line, after its dash or bullet: `- Lưu: VT, NC.`
    const at = spans.findIndex((s) => s.kind !== 'space' && s.kind !== 'punct' && s.kind !== 'symbol');
    if (at < 0 || spans[at]!.kind !== 'word' || !isLuu(spans[at]!.text)) return;
    const colon = nextMark(spans, at);
    const item = colon >= 0 && spans[colon]!.text === ':' ? nextMark(spans, colon) : -1;
    const repair = item >= 0 ? filingMarkAt(spans, item, li) : undefined;
    if (repair) out.push(repair);
  });
  return out;
}
