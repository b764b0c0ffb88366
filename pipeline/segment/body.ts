import { joinText, rangeOf, type SourceLine } from './lines.ts';
import { withLatinI } from '../model/roman.ts';
import { sequenceNumeral } from './section-sequence.ts';
import type { BodyNode, BodyNodeKind } from './types.ts';

/** A structural mark at the start of a line and the rank of the node it opens (smaller = larger division). */
interface Marker {
  kind: BodyNodeKind;
  number: string;
  rest: string;
}

const RANK: Record<BodyNodeKind, number> = {
  phan: 0,
  chuong: 1,
  muc: 2,
  dieu: 3,
  roman: 4,
  khoan: 5,
  diem: 6,
  dash: 7,
  plus: 8,
  paragraph: 9,
};

const PATTERNS: ReadonlyArray<[BodyNodeKind, RegExp]> = [
  ['phan', /^(?:Phần|PHẦN)\s+(thứ\s+\p{L}+|THỨ\s+\p{L}+|[IVXLC]+|\d+)\s*[.:]?\s*(.*)$/u],
  // A Chương's numeral may come with OCR's lookalikes (1, l, | for I; H for II): the sequence puts it back.
  ['chuong', /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+|[IVXLC1l|H]{1,5})(?=[\s.:]|$)\s*[.:]?\s*(.*)$/u],
  // A Mục's title is on its own line in decrees (`Mục 1` / `THU THẬP TÀI LIỆU`), or after `.`/`:`.
  ['muc', /^(?:Mục|MỤC)\s+(\d+)\s*(?:[.:]\s*(.*)|$)/u],
  // `Điều 1.` opens an article; `Điều 1 chịu trách nhiệm…` is a reference a line break put first.
  ['dieu', /^(?:Điều|ĐIỀU)\s+(\d+)(?:\s*[.:]|(?=\s*$)|\s+(?=\p{Lu}))\s*(.*)$/u],
  ['roman', /^([IVXLC]+)\s*[.:]\s*(.*)$/u],
  // A numeral with its I printed as a digit lookalike (111., 1V., V1.) before a title in capitals:
  // no khoản runs to 111 or has a V in it. 11. may be khoản 11, so it stays one.
  ['roman', /^([1lI|]{3,4}|[1lI|]V|V[1lI|]{1,3})\s*\.\s*(\p{Lu}{2}.*)$/u],
  ['khoan', /^(\d{1,2})\s*[.)]\s+(.*)$/u],
  ['diem', /^([a-zđ])\s*\)\s*(.*)$/u],
  ['dash', /^()[-–•]\s*(.*)$/u],
  ['plus', /^()\+\s*(.*)$/u],
];

/** A section's or chapter's numeral with OCR's I lookalikes as I; a chapter numbered in digits keeps them. */
function numeral(kind: BodyNodeKind, printed: string): string {
  if (kind === 'roman' || (kind === 'chuong' && !/^\d+$/.test(printed))) return withLatinI(printed);
  return printed;
}

/** True when a line opens a division of the body: a Phần, Chương, Mục or Điều (numeral lookalikes included). */
export function opensDivision(text: string): boolean {
  const kind = marker(text)?.kind;
  return kind === 'phan' || kind === 'chuong' || kind === 'muc' || kind === 'dieu';
}

function marker(text: string): Marker | undefined {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (m) return { kind, number: numeral(kind, (m[1] ?? '').trim()), rest: (m[2] ?? '').trim() };
  }
  return undefined;
}

interface Building {
  node: BodyNode;
  rank: number;
  /** Own paragraphs: the first is the marker paragraph, each a list of lines. */
  paragraphs: string[][];
  first: number;
  lastLine: number;
}

/**
 * Builds the body tree from the body's lines. A line with a mark (Điều, I., 1., a), -, +)
 * opens a node under the nearest open node of a larger rank; a line without one continues
 * the open paragraph when the previous line was cut mid-sentence (hard line breaks of PDF
 * text), and otherwise starts a new paragraph of the innermost open node.
 */
export function parseBody(lines: readonly SourceLine[]): BodyNode[] {
  const roots: BodyNode[] = [];
  const stack: Building[] = [];
  const all: Building[] = [];
  let prevText = '';
  const open = (kind: BodyNodeKind, number: string, text: string, idx: number) => {
    const rank = RANK[kind];
    while (stack.length > 0 && stack.at(-1)!.rank >= rank) stack.pop();
    const node: BodyNode = { kind, number, heading: '', text: '', lines: rangeOf(lines, idx, idx), children: [] };
    const b: Building = { node, rank, paragraphs: [[text]], first: idx, lastLine: idx };
    (stack.at(-1)?.node.children ?? roots).push(node);
    all.push(b);
    if (kind !== 'paragraph') stack.push(b);
    return b;
  };
  let current: Building | undefined;
  const full = fullLineLength(lines);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text === '') continue;
    const m = marker(text);
    if (m) {
      current = open(m.kind, m.number, m.rest, i);
    } else if (current && continuesSentence(prevText, text, full)) {
      current.paragraphs.at(-1)!.push(text);
      current.lastLine = i;
    } else {
      const owner = stack.at(-1);
      if (owner && owner.node.children.length === 0) {
        owner.paragraphs.push([text]);
        owner.lastLine = i;
        current = owner;
      } else {
        current = open('paragraph', '', text, i);
      }
    }
    for (const b of stack) b.lastLine = Math.max(b.lastLine, i);
    prevText = text;
  }
  for (const b of all) finish(b, lines);
  renumberNumerals(roots);
  return roots;
}

/**
 * Roman headings and chapters among siblings run I, II, III …: a numeral OCR misread is put back
 * ({@link sequenceNumeral}). Chapters numbered in digits are left as printed.
 */
function renumberNumerals(nodes: readonly BodyNode[]): void {
  const previous = { roman: 0, chuong: 0 };
  for (const node of nodes) {
    if ((node.kind === 'roman' || node.kind === 'chuong') && !/^\d+$/.test(node.number)) {
      const read = sequenceNumeral(node.number, previous[node.kind]);
      if (read) {
        previous[node.kind] = read.value;
        node.number = read.numeral;
      }
    }
    renumberNumerals(node.children);
  }
}

/**
 * A line continues the previous one when it starts in lower case, or when the previous one
 * filled the line width (a hard line break) without ending its sentence. An article's title
 * (`Điều 5. Lưu trữ dữ liệu`) ends without a stop, and is followed by its first paragraph: it is
 * taken as wrapped only when it fills the line outright.
 */
function continuesSentence(prev: string, text: string, width: LineWidth): boolean {
  if (prev === '') return false;
  if (/^\p{Ll}/u.test(text)) return true;
  const full = marker(prev)?.kind === 'dieu' ? width.title : width.full;
  return prev.length >= full && !/[.:;!?…]["”)]?$/u.test(prev);
}

/** Lengths from which a line counts as filling the width. */
interface LineWidth {
  /** 60% of the 90th percentile length: a body line, shortened by its indent. */
  full: number;
  /** 90% of it: an article's title line. */
  title: number;
}

/** The line lengths of a body from which its lines count as filling the width. */
function fullLineLength(lines: readonly SourceLine[]): LineWidth {
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return { full: Math.max(20, Math.floor(p90 * 0.6)), title: Math.max(20, Math.floor(p90 * 0.9)) };
}

function finish(b: Building, lines: readonly SourceLine[]): void {
  const paras = b.paragraphs.map(joinText).filter((p) => p !== '');
  const node = b.node;
  if (node.kind === 'paragraph') node.text = paras.join('\n');
  else if (node.children.length > 0 || paras.length > 1) {
    node.heading = paras[0] ?? '';
    node.text = paras.slice(1).join('\n');
  } else node.text = paras[0] ?? '';
  node.lines = rangeOf(lines, b.first, b.lastLine);
}
