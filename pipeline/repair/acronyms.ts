import { abbreviationKey } from './candidates.ts';
import type { RuleRepair } from './rule-repair.ts';
import type { Span } from './tokenize.ts';

/** Letters a Latin model prints for a capital Đ: its bowl and bar read as P or B, or the bar lost. */
const PRINTED_FOR_D = 'DPB';
const CAPITALS = /^\p{Lu}{2,8}$/u;

/** What repair has written for each span of a passage's lines so far. */
type WrittenSpans = readonly (readonly { text: string }[])[];

/** A span of a passage that is not a space, with what repair has written for it. */
interface Mark {
  span: Span;
  written: string;
  line: number;
}

/**
 * The acronym `printed` with Đ wherever the restored word it stands for begins with Đ and OCR
 * printed D, P or B, when its letters are those words' initials; otherwise undefined.
 */
function restoredFromInitials(printed: string, words: readonly string[]): string | undefined {
  const letters = [...printed];
  if (letters.length !== words.length) return undefined;
  const initials = words.map((w) => w.charAt(0).toUpperCase());
  const restored = letters.map((p, i) => (initials[i] === 'Đ' && PRINTED_FOR_D.includes(p) ? 'Đ' : p)).join('');
  return abbreviationKey(restored) === abbreviationKey(initials.join('')) ? restored : undefined;
}

/** The words written before mark `m`, in order, across the passage's lines and commas: at most `n`. */
function wordsBefore(marks: readonly Mark[], m: number, n: number): string[] {
  const words: string[] = [];
  for (let k = m - 1; k >= 0 && words.length < n; k--) {
    const { span, written } = marks[k]!;
    if (span.text === ',') continue;
    if (span.kind !== 'word') break;
    words.unshift(...written.split(' ').filter((w) => w !== ''));
  }
  return words;
}

/**
 * Acronyms with a Đ that a passage defines after the words they shorten (`thương mại điện tử
 * (TMĐT)`), as documents do on first use: Vietnamese acronyms take each word's initial, and the
 * repaired words say which letters are Đ where OCR printed D, P or B, in the definition or in
 * later uses.
 */
export function definedAcronyms(spans: readonly Span[][], written: WrittenSpans): string[] {
  const marks = spans.flatMap((line, li) => line.flatMap((span, k): Mark[] => (span.kind === 'space' ? [] : [{ span, written: written[li]![k]!.text, line: li }])));
  const out: string[] = [];
  marks.forEach((open, m) => {
    const [acronym, close] = [marks[m + 1], marks[m + 2]];
    if (open.span.text !== '(' || acronym?.span.kind !== 'word' || !CAPITALS.test(acronym.span.text) || close?.span.text !== ')') return;
    // The acronym is set in its brackets on one line.
    if (acronym.line !== open.line || close.line !== open.line) return;
    const restored = restoredFromInitials(acronym.span.text, wordsBefore(marks, m, [...acronym.span.text].length));
    if (restored?.includes('Đ')) out.push(restored);
  });
  return out;
}

/** True when `printed` is the acronym `restored` with some of its Đ printed D, P or B. */
const printsAcronym = (printed: string, restored: string): boolean => {
  const p = [...printed];
  const r = [...restored];
  return p.length === r.length && p.every((c, i) => c === r[i] || (r[i] === 'Đ' && PRINTED_FOR_D.includes(c)));
};

/** Every word of the passage printed as one of the document's defined acronyms with a Đ misread, written as defined. */
export function acronymRepairs(spans: readonly Span[][], acronyms: Iterable<string>): RuleRepair[] {
  const list = [...acronyms];
  if (list.length === 0) return [];
  const out: RuleRepair[] = [];
  spans.forEach((line, li) =>
    line.forEach((span, at) => {
      if (span.kind !== 'word' || !CAPITALS.test(span.text)) return;
      const text = list.find((r) => r !== span.text && printsAcronym(span.text, r));
      if (text) out.push({ line: li, span: at, last: at, kind: 'word', text });
    }),
  );
  return out;
}
