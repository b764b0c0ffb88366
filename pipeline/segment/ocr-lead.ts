import { agencyKey, closestKnownAgency, knownAgencyAt, leadingAgency, localAuthority } from './ocr-agencies.ts';

/**
 * Lead cells (cơ quan chủ trì) of a table OCR flattened. The lead column is narrow and its
 * cell is centred on the row like the STT, so it is read where the narrow text of the STT
 * line begins; the partners cell is taller and starts above it. A table's rows mostly share
 * a few lead agencies, so the names read outright on STT lines are the vocabulary that
 * damaged cells are matched against first, and a table that gives one agency most of its
 * leads gives it to a row whose lead cell OCR made unreadable (marked as inferred).
 */

/** A flattened row's narrow-column text, line by line, and the line its cells centre on. */
export interface RowNarrow {
  /** As repaired. */
  repaired: readonly string[];
  /** As OCR read it: repair can turn a damaged name into other words. */
  asRead: readonly string[];
  /** Index of the STT line, or of the row's middle line when no STT was read. */
  centre: number;
  /** False when OCR lost the STT and `centre` is the row's middle. */
  sttRead: boolean;
}

/** A row's lead cell: agencies joined by `, `; `inferred` when no name could be read on the page. */
export interface LeadCell {
  cell: string;
  inferred: boolean;
}

/** How far (in lines) from the centre a one-name lead cell can sit. */
const REACH = 2;
/** Similarity a damaged cell needs to be read as a known name. */
const CLOSE = 0.6;
/** Share of a table's read leads one agency needs before it fills unreadable lead cells. */
const DOMINANT = 0.6;

const LOCAL = /^(?:UBND|HĐND|Ủy ban)/u;

/**
 * Reads the lead cell of every row of one flattened table. `leadWidth`: the lead column's
 * width in characters; `known`: agency names from the dictionary and the document's body.
 */
export function readLeadCells(table: readonly RowNarrow[], known: readonly string[], leadWidth: number): LeadCell[] {
  const rows = table.map((r) => (r.sttRead ? r : { ...r, centre: boxedCentre(r, leadWidth) }));
  const read = lineReader(known, leadWidth);
  const first = rows.map((r) => {
    const name = read.outright(r, r.centre);
    // Without its STT the centre is a guess: `Bộ Công an và` there more likely opens the partners cell.
    return name && !r.sttRead && opensPartners(read.start(r.repaired[r.centre])) ? '' : name;
  });
  const counts = new Map<string, number>();
  for (const name of first) if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  const readCount = first.filter(Boolean).length;
  const vocabulary = [...[...counts].sort((a, b) => b[1] - a[1]).map(([n]) => n), ...known.filter((n) => !counts.has(n))];
  const prior = (name: string) => (0.2 * (counts.get(name) ?? 0)) / Math.max(1, readCount);
  const dominant = [...counts].find(([, c]) => readCount >= 3 && c >= readCount * DOMINANT)?.[0] ?? '';

  const out = rows.map((r, n): LeadCell => {
    let cell = { name: first[n]!, at: r.centre };
    if (!cell.name) {
      const centred = read.closest(r, r.centre, vocabulary, prior);
      if (centred.score >= CLOSE) cell = { name: centred.name, at: r.centre };
    }
    // Near the centre, a name the table leads with elsewhere, unless it opens the partners cell.
    for (const k of cell.name ? [] : nearCentre(r, REACH)) {
      const name = read.outright(r, k);
      if (name && (counts.size === 0 || counts.has(name)) && !opensPartners(read.start(r.repaired[k]))) {
        cell = { name, at: k };
        break;
      }
    }
    const inferred = !cell.name && dominant !== '';
    if (!cell.name && !inferred) return { cell: '', inferred };
    // A second agency in the cell is looked for even under an inferred first one: it is read on the page.
    const ministries = [...counts.keys()].filter((m) => !LOCAL.test(m));
    return { cell: withSecondLead(r, cell.name || dominant, cell.at, read, (k) => read.closest(r, k, ministries, prior), ministries), inferred };
  });
  // A name read with words missing (`UBND các tỉnh`, `UBND thành phố`) takes the one fuller
  // spelling the table or the known names give it.
  const names = out.flatMap((c) => splitLead(c.cell));
  const spellings = [...new Set([...names, ...known])];
  const frequency = (n: string) => names.filter((m) => m === n).length;
  for (const c of out) c.cell = splitLead(c.cell).map((a) => fuller(a, spellings, frequency)).join(', ');
  return out;
}

/** How a row's lines are read for agency names, as repaired and as OCR read them. */
interface LineReader {
  /** The lead column's text on a line: up to the next `|` rule (debris before a rule is the cell's). */
  start(text: string | undefined): string;
  /** A name read outright on line `k`, or empty. */
  outright(r: RowNarrow, k: number): string;
  /** The known name nearest to line `k`'s lead text, with its score. */
  closest(r: RowNarrow, k: number, names: readonly string[], prior: (name: string) => number): { name: string; score: number };
}

function lineReader(known: readonly string[], leadWidth: number): LineReader {
  const start = (text: string | undefined) => (text ?? '').replace(/^[\s|]+/u, '').split('|')[0]!.replace(/^[^\p{L}\d]+/u, '').trim();
  // The lead column holds little more than one name per line: cut there before matching
  // known names, so the next column's words are not read as the rest of a longer name.
  const slot = (text: string | undefined) => start(text).slice(0, leadWidth + 3);
  // A name found after repair keeps the first letter its head has where OCR read the line
  // (among its first few letters): repair may turn a damaged name into another known one
  // (`B§ N&i vu` → `Sở Nội vụ`).
  const keepsPrintedHead = (name: string, asRead: string | undefined) => {
    const printed = agencyKey(slot(asRead)).slice(0, 4);
    return printed === '' || printed.includes(agencyKey(name).charAt(0));
  };
  return {
    start,
    // A known name through light damage, matched first on the text as OCR read it, or a head
    // word with its proper name; a group (`Các bộ, ngành`) at a line's start is the partners column.
    outright(r, k) {
      if (/^các\s/iu.test(start(r.repaired[k]))) return '';
      const read = knownAgencyAt(slot(r.asRead[k]), known);
      if (read) return read;
      const repaired = knownAgencyAt(slot(r.repaired[k]), known) || leadingAgency(start(r.repaired[k]), []);
      return keepsPrintedHead(repaired, r.asRead[k]) ? repaired : '';
    },
    closest(r, k, names, prior) {
      const a = closestKnownAgency(start(r.repaired[k]), names, leadWidth + 3, prior);
      const b = closestKnownAgency(start(r.asRead[k]), names, leadWidth + 3, prior);
      return b.score >= a.score || !keepsPrintedHead(a.name, r.asRead[k]) ? b : a;
    },
  };
}

/**
 * The lead cell with its second agency where there is one: a local authority wrapped below
 * a ministry, or a ministry printed above a local authority (one the table leads with
 * elsewhere). The local authority is read from the words its cell wraps over, which beat a
 * known spelling matched on its first line.
 */
function withSecondLead(
  r: RowNarrow,
  name: string,
  at: number,
  read: LineReader,
  closestMinistry: (k: number) => { name: string; score: number },
  ministries: readonly string[],
): string {
  if (!LOCAL.test(name)) {
    for (let k = Math.max(0, r.centre - 3); k <= r.centre + 3 && k < r.repaired.length; k++) {
      const head = /^\S{0,3}\s*(?=UB[NI])/u.exec(read.start(r.asRead[k]));
      if (!head) continue;
      const local = localAuthority([read.start(r.asRead[k]).slice(head[0].length).replace(/^\S+/, 'UBND'), ...r.repaired.slice(k + 1, k + 5)]);
      return local ? `${name}, ${local}` : name;
    }
    return name;
  }
  const local = localAuthority(r.repaired.slice(at, at + 5)) || name;
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
    const above = read.outright(r, k);
    if (above && ministries.includes(above)) return `${above}, ${local}`;
    const near = closestMinistry(k);
    if (near.score >= CLOSE + 0.05) return `${near.name}, ${local}`;
  }
  return local;
}

/** Line indexes next to a row's centre, nearest first, above before below. */
function nearCentre(r: RowNarrow, reach: number): number[] {
  return Array.from({ length: 2 * reach }, (_, d) => r.centre + (d % 2 === 0 ? -(d / 2 + 1) : (d + 1) / 2)).filter((k) => k >= 0 && k < r.repaired.length);
}

const splitLead = (cell: string) => (cell ? cell.split(/,\s*(?=\p{Lu})/u) : []);

/** `Bộ Công an và` (over `các bộ, ngành`): a name and `và` opening a list of partners. */
function opensPartners(text: string): boolean {
  return /^\S+(?:\s+\S+){0,5}?\s+và(?:\s|$)/u.test(text);
}

/**
 * The name among `names` whose words hold all of `name`'s in order, starting with the same
 * word (the most frequent one where several do); else `name`.
 */
function fuller(name: string, names: readonly string[], frequency: (n: string) => number): string {
  const words = (n: string) => n.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const w = words(name);
  const holds = (m: string) => {
    const v = words(m);
    if (v.length <= w.length || v[0] !== w[0]) return false;
    let j = 0;
    for (const x of v) if (x === w[j]) j++;
    return j === w.length;
  };
  const found = names.filter(holds).sort((a, b) => frequency(b) - frequency(a));
  return found.length === 1 || (found.length > 1 && frequency(found[0]!) > frequency(found[1]!)) ? found[0]! : name;
}

/**
 * Where a row without its STT centres: the line whose narrow text opens with a short cell
 * closed by a `|` rule (the lead cell, boxed by the rules of its column), nearest the middle.
 */
function boxedCentre(r: RowNarrow, leadWidth: number): number {
  const boxed = r.repaired.map((t, k) => (new RegExp(`^[^|]{2,${leadWidth + 2}}\\|`, 'u').test(t.trim()) && !/^\s*các\s/iu.test(t) ? k : -1)).filter((k) => k >= 0);
  if (boxed.length === 0) return r.centre;
  return boxed.reduce((a, b) => (Math.abs(b - r.centre) < Math.abs(a - r.centre) ? b : a));
}

/**
 * The lead column's width in characters: the median gap between the `|` rule that ends the
 * task column and the next rule on a line (16 when too few lines have both).
 */
export function leadColumnWidth(texts: readonly string[], taskWidth: number): number {
  const gaps: number[] = [];
  for (const t of texts) {
    const p = t.indexOf('|', Math.max(0, taskWidth - 8));
    if (p < 0 || p > taskWidth + 8) continue;
    const q = t.indexOf('|', p + 1);
    if (q > p + 4 && q <= p + 40) gaps.push(q - p - 1);
  }
  if (gaps.length < 3) return 16;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}
