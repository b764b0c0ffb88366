import { BARE_HEAD, ENDS_WITH_HEAD, opensAgency } from './agencies.ts';
import { columnRoles, splitHeaderText } from './columns.ts';
import { fold } from './cues.ts';
import { fromRoman } from '../model/roman.ts';
import { joinText, rangeOf, type SourceLine } from './lines.ts';
import type { AppendixRow, AppendixTable, ColumnRole } from './types.ts';

/**
 * Tables from a PDF text layer, where each cell's lines come one under another: the STT, then
 * the lines of the task cell, then the agency cells, then the deadline, with the header
 * repeated on every page and page numbers in between. Cells are separated by where a line
 * could not be the wrapped continuation of the previous one (line widths, agency-name
 * grammar, deadline wording); the cells of a row are then given to columns in header order.
 */

/** Words that make up wrapped header lines (`Thời gian` / `hoàn` / `thành`), folded. */
const HEADER_WORDS = new Set(
  'THOI GIAN HAN HOAN THANH SAN PHAM DAU RA DON VI TINH KET QUA CHU TRI PHOI HOP TIEN DO THUC HIEN CO QUAN GHI CHU'.split(' '),
);

/** A deadline phrase at the start of a line. */
const DEADLINE_START =
  /^(?:(?:\d{1,2}\s*\/\s*){1,2}\d{4}|(?:19|20)\d{2}\b|Quý\b|Năm\s+\d|Tháng\b|Thường(?:\s+xuyên|\s*$)|Nhiệm\s+vụ\s*$|Nhiệm\s+vụ\s+thường|Hằng\s+năm|Hàng\s+năm|Định\s+kỳ|Giai\s+đoạn|Trước\s+(?:ngày|tháng|năm|quý)|Trong\s+(?:năm|quý|tháng))/iu;

const DANGLING_END = /(?:[-–,;(/]|\b(?:và|của|về|các|tại|với|cho|trong|theo|thuộc|từ|đến|tháng|ngày|quý|Quý|đoạn))\s*$/u;

/** A line that cannot close a cell: it ends in a hyphen, a list comma or a connector, or is a bare agency head. */
const dangles = (line: string): boolean => DANGLING_END.test(line) || BARE_HEAD.test(line);

/** Unit and target of an indicator on one line: `% ≥ 80`, `% 100`, `hệ thống 01`. */
const UNIT_TARGET = /^(%|[\p{L}]+(?:\s*\/\s*[\p{L}]+)?)\s+((?:[≥≤><=]\s*)?\d[\d.,]*\s*%?)$/u;

/** Connectors after which a capitalised agency head belongs to the text before it. */
const HEAD_CONNECTOR = /(?:\b(?:và|của|về|với|tại|cho|thuộc|các|trong|từ|đến|là|giữa)|[,;(])\s*$/u;

interface Piece {
  text: string;
  /** Index of the source line in the region. */
  at: number;
  /** True when the piece was cut from the same source line as the previous piece. */
  forcedBreak: boolean;
}

interface RowDraft {
  stt: string;
  section: boolean;
  pieces: Piece[];
  /** Pieces read after a repeated header: the row's continuation on the next page. */
  continuation: Piece[];
  first: number;
  last: number;
}

/** Reads a stacked-cell table, or undefined when the region has no header (own or inherited). */
export function readStackedTable(region: readonly SourceLine[], inherited: string[] | undefined): AppendixTable | undefined {
  // Column rules (`|`) on many lines mean OCR read the columns across: not a stacked layout.
  if (region.filter((l) => l.text.includes('|')).length > region.length * 0.2) return undefined;
  const headerAt = region.findIndex((l) => splitHeaderText(l.text) !== undefined);
  let header = headerAt >= 0 ? splitHeaderText(region[headerAt]!.text)! : inherited;
  if (!header) return undefined;
  if (headerAt >= 0) header = absorbHeaderLines(header, region, headerAt + 1).header;
  const columns = columnRoles(header);
  const rows = readRows(region, columns);
  if (rows.length === 0) return undefined;
  return { header, columns, layout: 'stacked', rows };
}

/** Adds wrapped header lines (`Thời gian` / `hoàn` / `thành`) to the header; returns where they end. */
function absorbHeaderLines(header: string[], region: readonly SourceLine[], from: number): { header: string[]; end: number } {
  const out = [...header];
  let i = from;
  for (; i < region.length; i++) {
    const words = fold(region[i]!.text).split(' ');
    if (!words.every((w) => HEADER_WORDS.has(w))) break;
    const text = region[i]!.text;
    if (/^(THOI|SAN|KET|DON|CO QUAN|GHI)/.test(fold(text)) && columnRoles([text])[0] !== 'other') out.push(text);
    else out[out.length - 1] = `${out[out.length - 1]} ${text}`;
  }
  return { header: out, end: i };
}

function readRows(region: readonly SourceLine[], columns: readonly ColumnRole[]): AppendixRow[] {
  const drafts: RowDraft[] = [];
  let lastTop = 0;
  let lastSub = 0;
  let lastSection = 0;
  let afterHeader = false;
  let current: RowDraft | undefined;
  for (let i = 0; i < region.length; i++) {
    const text = region[i]!.text;
    if (splitHeaderText(text)) {
      i = absorbHeaderLines([], region, i + 1).end - 1;
      afterHeader = true;
      continue;
    }
    const num = /^(\d{1,3})(?:\.(\d{1,3}))?\.?(?:\s+(.+))?$/u.exec(text);
    if (num) {
      const top = Number(num[1]);
      const sub = num[2] === undefined ? undefined : Number(num[2]);
      const isTop = sub === undefined && (top === lastTop + 1 || (top === 1 && current?.section === true));
      const isSub = sub !== undefined && top === lastTop && sub === lastSub + 1;
      if (isTop || isSub) {
        if (isTop) {
          lastTop = top;
          lastSub = 0;
        } else lastSub = sub!;
        current = { stt: sub === undefined ? `${top}` : `${top}.${sub}`, section: false, pieces: [], continuation: [], first: i, last: i };
        drafts.push(current);
        afterHeader = false;
        if (num[3]) pushPieces(current.pieces, num[3], i, true);
        continue;
      }
      if (!num[3]) continue; // a page number
    }
    const roman = /^([IVXLC]+)\.?(?:\s+(.+))?$/u.exec(text);
    const value = roman ? fromRoman(roman[1]!) : undefined;
    if (roman && value !== undefined && (value === lastSection + 1 || lastSection === 0)) {
      lastSection = value;
      current = { stt: roman[1]!, section: true, pieces: [], continuation: [], first: i, last: i };
      drafts.push(current);
      afterHeader = false;
      if (roman[2]) pushPieces(current.pieces, roman[2], i, true);
      continue;
    }
    if (!current) continue;
    pushPieces(afterHeader ? current.continuation : current.pieces, text, i, false);
    current.last = i;
  }
  const widths = lineWidths(region);
  const rows: AppendixRow[] = [];
  for (const d of drafts) {
    const cells = toCells(d.pieces, widths);
    if (d.section) {
      rows.push({ kind: 'section', cells: sectionCells(d.stt, cells[0] ?? '', columns), lines: rangeOf(region, d.first, d.last), merged: 1 });
      if (cells.length > 1) rows.push(itemRow('', cells.slice(1), columns, rangeOf(region, d.first, d.last)));
    } else {
      const row = itemRow(d.stt, cells, columns, rangeOf(region, d.first, d.last));
      if (d.continuation.length > 0) mergeContinuation(row, toCells(d.continuation, widths), columns, widths);
      rows.push(row);
    }
  }
  return rows;
}

function sectionCells(stt: string, title: string, columns: readonly ColumnRole[]): string[] {
  return columns.map((_, k) => (k === 0 ? stt : k === 1 ? title : ''));
}

/**
 * Cuts a source line into pieces where the PDF text layer put several cells on one line:
 * a trailing deadline (`… Vụ Pháp chế 9/2025`) and agency names that follow other text
 * without a connector (`… người lao động Cục Việc làm`, `Vụ Tổ chức cán bộ Vụ Pháp chế`).
 */
function pushPieces(into: Piece[], text: string, at: number, sttLine: boolean): void {
  const parts: string[] = [];
  let rest = text.trim();
  const date = /^(.*\S)\s+((?:\d{1,2}\s*\/\s*){0,2}(?:19|20)\d{2})$/u.exec(rest);
  if (date && !/\b(?:năm|tháng|ngày|số|đoạn|Quý|quý|Luật)$/u.test(date[1]!)) {
    rest = date[1]!;
    parts.unshift(date[2]!);
  }
  const startsWithAgency = opensAgency(rest);
  if (sttLine || startsWithAgency) {
    const cut = agencyCuts(rest, startsWithAgency);
    const pieces = cut.map((c, k) => rest.slice(c, cut[k + 1] ?? rest.length).trim());
    parts.unshift(...pieces.filter((p) => p !== ''));
  } else parts.unshift(rest);
  parts.forEach((p, k) => into.push({ text: p, at, forcedBreak: k > 0 }));
}

/** Offsets where a new agency name starts inside a line (always including 0). */
function agencyCuts(text: string, startsWithAgency: boolean): number[] {
  const cuts = [0];
  const re = /\s(?=\p{Lu})/gu;
  for (const m of text.matchAll(re)) {
    const pos = (m.index ?? 0) + 1;
    const after = text.slice(pos);
    const before = text.slice(Math.max(0, pos - 40), pos);
    if (!/^\p{Lu}\S*(?:\s\S+)?\s+\p{Lu}/u.test(after) && !/^(?:UBND|HĐND)\b/u.test(after)) continue;
    if (!opensAgency(after) || HEAD_CONNECTOR.test(before)) continue;
    if (ENDS_WITH_HEAD.test(before)) continue;
    if (!startsWithAgency && after.length > 40) continue;
    cuts.push(pos);
  }
  return startsWithAgency ? cuts : cuts.slice(0, 1).concat(cuts.slice(-1).filter((c) => c > 0));
}

interface Widths {
  /** Width of the widest column (task text). */
  wide: number;
  /** Width of the narrow columns (agencies). */
  narrow: number;
}

function lineWidths(region: readonly SourceLine[]): Widths {
  const lengths = region.map((l) => l.text.length).sort((a, b) => a - b);
  const wide = lengths[Math.floor(lengths.length * 0.95)] ?? 60;
  const short = lengths.filter((n) => n < wide * 0.55);
  const narrow = short[Math.floor(short.length * 0.9)] ?? Math.floor(wide / 2);
  return { wide, narrow };
}

/** Groups a row's pieces into cells: a new cell starts where a piece cannot continue the previous one. */
function toCells(pieces: readonly Piece[], w: Widths): string[] {
  const cells: string[][] = [];
  pieces.forEach((p, k) => {
    const prev = pieces[k - 1];
    if (!prev || p.forcedBreak || startsCell(prev.text, p.text, w)) cells.push([p.text]);
    else cells.at(-1)!.push(p.text);
  });
  return cells.map(joinText);
}

function startsCell(a: string, b: string, w: Widths): boolean {
  if (UNIT_TARGET.test(b) || UNIT_TARGET.test(a)) return true;
  if (/^[\p{Ll}(]/u.test(b)) return false;
  if (DEADLINE_START.test(b)) return !/(?:[-–/]|\d{4}\s*[,;]|\b(?:tháng|năm|ngày|quý|Quý|đoạn|từ|đến|trước|Trước))\s*$/u.test(a);
  if (dangles(a)) return false;
  const short = b.length <= w.narrow + 2;
  if (opensAgency(b) && (short || a.length <= w.narrow + 2)) return true;
  const width = a.length > w.narrow + 2 ? w.wide : w.narrow;
  const firstWord = b.split(' ')[0] ?? '';
  return a.length + 1 + firstWord.length <= width * 0.9 || /[.!?]$/.test(a);
}

/** Gives a row's cells to the columns after the STT, in header order, filling gaps by content. */
function itemRow(stt: string, cells: string[], columns: readonly ColumnRole[], lines: AppendixRow['lines']): AppendixRow {
  const out = columns.map(() => '');
  out[0] = stt;
  const put = (role: ColumnRole, text: string) => {
    const k = columns.indexOf(role);
    if (k >= 0) out[k] = joinText([out[k] ?? '', text]);
  };
  const roles = columns.slice(1);
  if (columns.includes('indicator')) {
    const u = cells.findIndex((c) => UNIT_TARGET.test(c));
    const before = u >= 0 ? cells.slice(0, u) : cells.slice(0, 1);
    const after = u >= 0 ? cells.slice(u + 1) : cells.slice(1);
    put('indicator', joinText(before));
    if (u >= 0) {
      const m = UNIT_TARGET.exec(cells[u]!)!;
      put('unit', m[1]!);
      put('target', m[2]!.replace(/\s+/g, ' '));
    }
    after.forEach((c, k) => put(k === 0 ? 'lead' : 'partners', c));
    return { kind: 'item', cells: out, lines, merged: 1 };
  }
  if (cells.length >= roles.length) {
    cells.forEach((c, k) => put(roles[Math.min(k, roles.length - 1)]!, c));
    return { kind: 'item', cells: out, lines, merged: 1 };
  }
  // Fewer cells than columns: task first, a trailing non-agency cell is the deadline,
  // the agency cells between go to lead then partners.
  const rest = [...cells];
  const first = rest.shift();
  if (first !== undefined) put(roles[0]!, first);
  if (rest.length > 0 && columns.includes('deadline') && !opensAgency(rest.at(-1)!)) put('deadline', rest.pop()!);
  const agencyRoles = roles.filter((r) => r === 'lead' || r === 'partners' || r === 'agencies' || r === 'output');
  rest.forEach((c, k) => put(agencyRoles[Math.min(k, agencyRoles.length - 1)] ?? 'other', c));
  return { kind: 'item', cells: out, lines, merged: 1 };
}

/**
 * Adds the cells a row continues with after a page break to the columns they continue: a
 * deadline phrase to the deadline, a long line to the task, otherwise the cell whose text
 * was left dangling, or the last filled agency column.
 */
function mergeContinuation(row: AppendixRow, cells: readonly string[], columns: readonly ColumnRole[], w: Widths): void {
  row.merged++;
  for (const c of cells) {
    let k = -1;
    if (DEADLINE_START.test(c) && columns.includes('deadline')) k = columns.indexOf('deadline');
    else if (c.length > w.narrow * 1.5 || /^\p{Ll}/u.test(c) && (row.cells[1] ?? '').length > 0 && !/[.]$/.test(row.cells[1]!) && c.length > w.narrow)
      k = 1;
    else {
      k = row.cells.findIndex((t, j) => j > 0 && t !== '' && dangles(t));
      if (k < 0) {
        const partners = columns.indexOf('partners');
        const lead = columns.includes('lead') ? columns.indexOf('lead') : columns.indexOf('agencies');
        k = partners >= 0 && row.cells[partners] ? partners : lead >= 0 ? lead : 1;
      }
    }
    row.cells[k] = joinText([row.cells[k] ?? '', c]);
  }
}
