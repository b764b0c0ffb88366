import { opensAgency } from './agencies.ts';
import { toRoman, withLatinI } from '../model/roman.ts';
import { titleCaseHeads } from './ocr-agencies.ts';
import { leadColumnWidth, readLeadCells, type RowNarrow } from './ocr-lead.ts';
import { deadlineFromEvidence, yearsRead } from './ocr-deadline.ts';
import { fold } from './cues.ts';
import { joinText, rangeOf, type SourceLine } from './lines.ts';
import { ITEM_STT } from './rows.ts';
import type { AppendixRow, AppendixTable, ColumnRole } from './types.ts';

/**
 * Tables whose columns OCR read across, line by line: each text line holds a fragment of the
 * task cell (the leftmost, widest column) followed by fragments of the narrow columns, the
 * STT sits on the middle line of its row, section headings span the table with a roman
 * numeral on one of their lines, and the header is repeated on every page.
 *
 * The reader keeps what is reliable: the task column's right edge (estimated from where the
 * `|` rules fall), sentence ends of the task text to separate rows, STT numbers and roman
 * numerals at line starts, the agency right after the task fragment on the STT line (a
 * one-line cell is centred like the STT), and deadline wording at the end of lines. Lead and
 * deadline cells are read once the whole table is there, so that the agencies and years it
 * reads intact help with the cells OCR damaged (ocr-lead.ts, ocr-deadline.ts).
 */

/** Header words of the columns, folded, in the usual column order. */
const HEADER_ROLES: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['stt', /\bS?TT\b/],
  ['task', /\bNHIEM VU\b|\bNOI DUNG\b/],
  ['lead', /\bCHU TRI\b/],
  ['partners', /\bPHOI HOP\b/],
  ['output', /\bDAU RA\b|\bSAN PHAM\b/],
  ['deadline', /\bHOAN THANH\b|\bTHOI HAN\b/],
];

/** A header printed as one line of words without cell boundaries (`STT Nhiệm vụ chủ trì phối hợp …`). */
export function isFlattenedHeader(text: string): boolean {
  const f = fold(text);
  if (f.length > 90) return false;
  const roles = HEADER_ROLES.filter(([, re]) => re.test(f)).length;
  return roles >= 4 || (roles >= 3 && /^\S{0,3}\s*S?TT\b/.test(f)) || (roles >= 2 && /^(?:S?TT|ST|SO)\b/.test(f));
}

/** The other line of a two-line header (`Cơ quan Cơ quan Sản phẩm Thời hạn`). */
function isHeaderCompanion(text: string): boolean {
  const f = fold(text);
  if (f.length > 60) return false;
  const words = ['CO QUAN', 'SAN PHAM', 'THOI HAN', 'THOI GIAN', 'QUAN'].filter((w) => new RegExp(`\\b${w}\\b`).test(f)).length;
  return words >= 3 || (/\bSAN PHAM\b/.test(f) && /\bTHOI\b/.test(f));
}

/** True when most tokens of a line are not Vietnamese syllables (OCR noise from rules and stamps). */
function isNoise(text: string): boolean {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) return true;
  const words = tokens.filter(
    (t) => (/^[(“"]?\p{L}{1,12}[,.;:)”"]{0,2}$/u.test(t) && /[AEIOUY]/.test(fold(t))) || /^[(]?\d+(?:[/.,%]\d*)*[%).,;]{0,2}$/u.test(t),
  ).length;
  return words / tokens.length < 0.6;
}

/** Running text: mostly syllables, mostly in lower case (not a column of capitalised names or noise). */
function isProse(text: string): boolean {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0 || isNoise(text)) return false;
  return tokens.filter((t) => /^\p{Ll}/u.test(t)).length >= tokens.length * 0.55 || tokens.length <= 2;
}

/** A roman numeral at a line start. */
const ROMANISH = /^(?:X|IX|IV|V?I{0,3}|XI{0,3})$/;

/** The token read as a roman numeral, undoing OCR's usual confusions (1, l, | for I; lower case). */
function romanOf(token: string): string {
  const t = token.replace(/[.|:]+$/, '');
  if (t === '' || !/^[IVXivx1l|]{1,4}$/.test(t)) return '-';
  return withLatinI(t).toUpperCase();
}

/** A task row of a flattened table, before the cells read across the table are put in. */
interface FlattenedItem {
  row: AppendixRow;
  narrow: RowNarrow;
  /** What the deadline is rebuilt from: the narrow columns' text (as repaired, then as read) and the lines' last cells. */
  deadline: { narrow: string; ends: string };
}

/** A row number at a line start, maybe with a stray quote mark (`1 ’|`) and the rule after it: number, rule, rest. */
const STT_LINE = /^(\d{1,2})\s?["'’”]?\s*(\|?)\s*(.*)$/u;
const STT_PREFIX = /^\d{1,2}\s?["'’”]?\s*\|?\s*/u;

interface Row {
  stt: string;
  lines: number[];
  sttLine: number;
}

/** Reads a flattened OCR table, or undefined when the region has no flattened header. */
export function readFlattenedTable(lines: readonly SourceLine[], knownAgencies: readonly string[] = []): AppendixTable | undefined {
  const headerAt = lines.findIndex((l) => isFlattenedHeader(l.text));
  if (headerAt < 0) return undefined;
  const region = lines.map(withPrintedStt);
  // OCR garbles header words, so the columns are the usual six of a task table, in their usual order.
  const columns: ColumnRole[] = HEADER_ROLES.map(([role]) => role);
  const header = columns.map((r) => HEADER_NAMES[r]);
  const body: number[] = [];
  for (let i = headerAt + 1; i < region.length; i++) {
    const t = region[i]!.text;
    if (isFlattenedHeader(t) || isHeaderCompanion(t)) continue;
    body.push(i);
  }
  const width = taskWidth(body.map((i) => region[i]!.text));
  const task = (i: number) => taskFragment(region[i]!.text, width);
  const out: AppendixRow[] = [];
  const items: FlattenedItem[] = [];
  let section = 0;
  let rows: Row[] = [];
  let current: Row | undefined;
  let prevEnded = true;
  const pending: number[] = [];
  const flush = () => {
    pending.length = 0;
    for (const r of rebalance(renumber(rows), region, width)) {
      const item = rowCells(r, region, columns, width);
      out.push(item.row);
      items.push(item);
    }
    rows = [];
    current = undefined;
  };
  for (let k = 0; k < body.length; k++) {
    const i = body[k]!;
    const line = { ...region[i]!, text: titleCaseHeads(region[i]!.text) };
    const first = (line.original ?? line.text).split(/[\s|]+/)[0] ?? '';
    const rest = line.text.replace(/^\S+\s*\|?\s*/, '');
    const numeral = ROMANISH.test(romanOf(first));
    // A numeral read as printed (II, IV) may precede a title line that starts in lower case.
    const strong = /^[IVX]{2,4}$/.test(first.replace(/[.|:]+$/, ''));
    const sectionLine =
      numeral && (rest === '' || (rest.length <= width + 8 && (/^\p{Lu}/u.test(rest) || strong) && !opensAgency(rest) && isProse(rest)));
    // A digit read for the numeral (I → 1) is trusted only where a row has just ended.
    if (sectionLine && (prevEnded || !/^\d/.test(first.replace(/[.|:]+$/, '')))) {
      // The title's first line may come just before the numeral; its lower-case lines follow.
      const titleLines: string[] = [];
      const before = body[k - 1];
      if (before !== undefined && current?.lines.at(-1) === before && /^\p{Lu}/u.test(region[before]!.text) && isProse(region[before]!.text) && current.lines.length > 1) {
        current.lines.pop();
        titleLines.push(region[before]!.text);
      }
      flush();
      section++;
      if (rest) titleLines.push(rest);
      while (k + 1 < body.length && /^\p{Ll}/u.test(region[body[k + 1]!]!.text) && !isNoise(region[body[k + 1]!]!.text)) {
        titleLines.push(region[body[k + 1]!]!.text);
        k++;
      }
      out.push({
        kind: 'section',
        cells: columns.map((_, c) => (c === 0 ? toRoman(section) : c === 1 ? joinText(titleLines) : '')),
        lines: rangeOf(region, i, body[k]!),
        merged: 1,
      });
      prevEnded = true;
      continue;
    }
    const sttMatch = STT_LINE.exec(line.text);
    const isStt = sttMatch !== null && (sttMatch[2] === '|' || /^[\p{Ll}[]/u.test(sttMatch[3]!) || opensAgency(sttMatch[3]!));
    const frag = isStt ? taskFragment(sttMatch![3]!, width - sttMatch![1]!.length - 1) : task(i);
    // A full-width line can open a task even when its first words read like an agency name.
    const taskLike = /^\p{Lu}/u.test(frag) && isProse(frag) && frag.length >= width * 0.5 && (!opensAgency(frag) || frag.length >= width * 0.8);
    // The STT sits on a row's middle line, so a row already as far below its STT line as its
    // first line was above it has ended, full stop or not.
    const pastMiddle = current !== undefined && current.sttLine >= 0 && i - current.sttLine >= current.sttLine - current.lines[0]! + 1;
    const startsTask = taskLike && (prevEnded || (pastMiddle && frag.length >= width * 0.8 && !opensAgency(frag)));
    if (startsTask || !current) {
      if (startsTask || isStt) {
        // Narrow-column lines printed above a section's first task belong to that row.
        current = { stt: '', lines: rows.length === 0 ? pending.splice(0) : [], sttLine: -1 };
        rows.push(current);
      } else {
        pending.push(i);
        continue;
      }
    }
    if (isStt && current.sttLine >= 0) {
      // Two STT lines in one row: a row start was missed (its full stop lost); cut where
      // the task text most plausibly restarts.
      current = splitRow(current, rows, region, width);
    }
    current.lines.push(i);
    if (isStt && current.sttLine < 0) {
      current.sttLine = i;
      current.stt = sttMatch![1]!;
    }
    // Only lines of the task column move the sentence state: long prose, or a short line ending a sentence.
    if (isProse(frag) && (frag.length >= width * 0.5 || endsSentence(frag))) prevEnded = endsSentence(frag);
  }
  flush();
  if (items.length === 0) return undefined;
  // Lead cells are read once the whole table is there: its rows' leads inform each other.
  const leads = readLeadCells(items.map((it) => it.narrow), knownAgencies, leadColumnWidth(body.map((i) => region[i]!.text), width));
  const years = yearsRead(items.map((it) => it.deadline.ends));
  items.forEach(({ row, deadline }, k) => {
    row.cells[columns.indexOf('lead')] = leads[k]!.cell;
    if (leads[k]!.inferred) row.inferred = ['lead'];
    row.cells[columns.indexOf('deadline')] = deadlineFromEvidence(deadline.narrow, deadline.ends, years);
  });
  return { header, columns, layout: 'flattened', rows: out };
}

const HEADER_NAMES: Record<ColumnRole, string> = {
  stt: 'STT',
  task: 'Nhiệm vụ',
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị tính',
  target: 'Kết quả',
  lead: 'Cơ quan chủ trì',
  partners: 'Cơ quan phối hợp',
  agencies: 'Cơ quan thực hiện',
  output: 'Sản phẩm đầu ra',
  deadline: 'Thời hạn hoàn thành',
  person: 'Họ và tên',
  other: '',
};

/**
 * Narrow cells taller than their task cell start above the row's first task line, so lines
 * between one row's last task line and the next row's first one go to the row whose STT
 * line (the row's vertical middle) is nearer.
 */
function rebalance(rows: Row[], region: readonly SourceLine[], width: number): Row[] {
  for (let k = 0; k + 1 < rows.length; k++) {
    const a = rows[k]!;
    const b = rows[k + 1]!;
    const endAt = a.lines.findIndex((i) => {
      const frag = taskFragment(region[i]!.text.replace(STT_PREFIX, ''), width);
      return isProse(frag) && endsSentence(frag);
    });
    if (endAt < 0) continue;
    // Without its STT, a row's middle is halfway down its lines.
    const middleB = b.sttLine >= 0 ? b.sttLine : ((b.lines[0] ?? 0) + (b.lines.at(-1) ?? 0)) / 2;
    const moved = a.lines.slice(endAt + 1).filter((i) => i !== a.sttLine && (a.sttLine < 0 || i - a.sttLine > middleB - i));
    if (moved.length === 0) continue;
    a.lines = a.lines.filter((i) => !moved.includes(i));
    b.lines = [...moved, ...b.lines];
  }
  return rows;
}

/** Moves the lower part of a row that holds a second STT line into a new row; returns the new row. */
function splitRow(row: Row, rows: Row[], region: readonly SourceLine[], width: number): Row {
  const after = row.lines.filter((i) => i > row.sttLine);
  let cut = after.findIndex((i, k) => {
    const frag = taskFragment(region[i]!.text, width);
    const prev = k > 0 ? taskFragment(region[after[k - 1]!]!.text, width) : '';
    return /^\p{Lu}/u.test(frag) && isProse(frag) && !opensAgency(frag) && frag.length >= width * 0.6 && !/,$/.test(prev);
  });
  if (cut < 0) cut = Math.ceil(after.length / 2);
  const moved = after.slice(cut);
  row.lines = row.lines.filter((i) => !moved.includes(i));
  const next: Row = { stt: '', lines: moved, sttLine: -1 };
  rows.push(next);
  return next;
}

/**
 * Gives rows without an STT read from the page the number that follows the row before
 * (the first row of a section is 1), keeping numbers that were read.
 */
function renumber(rows: Row[]): Row[] {
  let prev = 0;
  for (const r of rows) {
    const n = Number(r.stt);
    r.stt = r.stt && ITEM_STT.test(r.stt) && n > prev && n <= prev + 2 ? r.stt : `${prev + 1}`;
    prev = Number(r.stt);
  }
  return rows;
}

/**
 * Right edge of the task column in characters: the most frequent position (smoothed over ±2)
 * of the first `|` rule on a line, which is mostly the rule right of the task column.
 */
function taskWidth(texts: readonly string[]): number {
  const counts = new Map<number, number>();
  for (const t of texts) {
    const p = t.indexOf('|');
    if (p >= 35 && p <= 90) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let best = 60;
  let bestCount = 0;
  for (let p = 35; p <= 90; p++) {
    let c = 0;
    for (let d = -2; d <= 2; d++) c += counts.get(p + d) ?? 0;
    if (c > bestCount) [best, bestCount] = [p, c];
  }
  return best;
}

/** The task-column part of a line: up to a `|` rule near the column edge, or the word boundary nearest to it. */
function taskFragment(text: string, width: number): string {
  const t = text.replace(/^[^\p{L}\d“"(]+/u, '');
  if (t.length <= width + 4) return t.replace(/\s*\|.*$/, '').trim();
  const bar = t.indexOf('|', Math.max(0, width - 14));
  if (bar >= 0 && bar <= width + 8) {
    // A short task line can be followed by the lead cell before the rule: `cụ thể Bộ Nội vụ|`.
    const before = t.slice(0, bar);
    for (let p = before.indexOf(' ', Math.max(0, bar - 24)); p >= 0; p = before.indexOf(' ', p + 1)) {
      if (opensAgency(before.slice(p + 1)) && /^\p{Lu}/u.test(before.slice(p + 1)) && !governed(before.slice(0, p))) return before.slice(0, p).trim();
    }
    return before.trim();
  }
  // Prefer a boundary where the next word opens another column (a capital, an agency head
  // not governed by the word before it, as `của Bộ Nội vụ` in a task is).
  let best = -1;
  let bestScore = Infinity;
  for (let p = t.indexOf(' '); p >= 0; p = t.indexOf(' ', p + 1)) {
    if (p > width + 6) break;
    const next = t.slice(p + 1);
    const score = Math.abs(p - width) - (/^\p{Lu}/u.test(next) ? 4 : 0) - (opensAgency(next) ? (governed(t.slice(0, p)) ? 0 : 8) : 0);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return (best > 0 ? t.slice(0, best) : t).trim();
}

/** Text ending in a word that governs an agency name after it (`của`, `với` …): the name is part of the task. */
function governed(before: string): boolean {
  return /(?:^|\s)(?:của|với|thuộc|và|cho|tại|giữa|các|tới|đến|từ|trong|là|do|bởi|về|theo|qua|vào|sang|ở|trên|dưới)$/u.test(before);
}

/** The task text up to its final full stop when the fragment ends a task (`… đơn vị. đánh giá` → `… đơn vị.`). */
function sentenceEnd(frag: string): number {
  // The other columns' words may follow on the line: lower case, noise, or an agency name.
  for (const m of frag.matchAll(/(?<=[\p{L}\d)”"%])\.["”)]?(?=\s+(\S.*)$|$)/gu)) {
    const tail = m[1] ?? '';
    if (tail === '' || /^\p{Ll}/u.test(tail) || isNoise(tail) || opensAgency(tail)) return (m.index ?? 0) + m[0].length;
  }
  return -1;
}

function endsSentence(frag: string): boolean {
  return sentenceEnd(frag.trim()) >= 0;
}

/** The narrow-column part of a line: what follows the task fragment. */
function restOf(text: string, width: number): string {
  const t = text.replace(STT_PREFIX, '').replace(/^\|\s*/, '');
  const frag = taskFragment(t, width);
  return t.slice(frag.length).replace(/^\s*\|?\s*/, '');
}

function rowCells(row: Row, region: readonly SourceLine[], columns: readonly ColumnRole[], width: number): FlattenedItem {
  const cells = columns.map(() => '');
  const put = (role: ColumnRole, text: string) => {
    const k = columns.indexOf(role);
    if (k >= 0) cells[k] = text;
  };
  put('stt', row.stt);
  const taskParts: string[] = [];
  const taskLines = new Set<number>();
  // Words after the full stop that ends the task, on its last line, belong to the narrow columns.
  let tail = { line: -1, text: '' };
  let ended = false;
  for (const i of row.lines) {
    if (ended) break;
    const text = titleCaseHeads(region[i]!.text);
    const body = i === row.sttLine ? text.replace(STT_PREFIX, '') : text;
    if (i === row.sttLine && leadFollowsStt(text)) continue;
    const frag = taskFragment(body, i === row.sttLine ? width - 2 : width);
    if (frag === '' || isNoise(frag)) continue;
    if (taskParts.length === 0 && (!/^\p{Lu}/u.test(frag) || (opensAgency(frag) && frag.length < width * 0.8) || !isProse(frag) || frag.length < width * 0.6)) continue;
    // Lines of the task column are nearly full; a short one inside the task is another column's.
    if (taskParts.length > 0 && frag.length < width * 0.5 && sentenceEnd(frag) < 0) continue;
    const end = sentenceEnd(frag);
    taskParts.push(end >= 0 ? frag.slice(0, end) : frag);
    taskLines.add(i);
    if (end >= 0) {
      ended = true;
      tail = { line: i, text: frag.slice(end).trim() };
    }
  }
  put('task', joinText(taskParts));
  // What the narrow columns hold: the rest of task lines, and the whole of other lines, both
  // as repaired and as OCR read them (repair can turn a damaged name into other words).
  const narrowOf = (read: (l: SourceLine) => string) =>
    row.lines.map((i) => {
      const text = titleCaseHeads(read(region[i]!));
      const body = i === row.sttLine ? text.replace(STT_PREFIX, '') : text;
      if (i === row.sttLine && leadFollowsStt(text)) return body;
      return taskLines.has(i) || i === row.sttLine ? restOf(text, i === row.sttLine ? width - 2 : width) : text;
    });
  const narrow = narrowOf((l) => l.text).map((t, k) => (row.lines[k] === tail.line && tail.text ? joinText([tail.text, t]) : t));
  // Repair changes words one for one, so the narrow part as read is, where the word counts
  // agree, the same number of words at the end of the line as read.
  const cut = narrowOf((l) => l.original ?? l.text);
  const words = (t: string) => [...t.matchAll(/[^\s|]+/gu)];
  const asRead = narrow.map((t, k) => {
    const line = region[row.lines[k]!]!;
    const read = words(line.original ?? line.text);
    const n = words(t).length;
    if (read.length !== words(line.text).length) return cut[k]!;
    return n === 0 ? '' : (line.original ?? line.text).slice(read[read.length - n]!.index);
  });
  const sttAt = row.lines.indexOf(row.sttLine);
  // The deadline is rebuilt once the table's intact years are known (see readFlattenedTable).
  const deadline = { narrow: `${narrow.join(' ')} | ${asRead.join(' ')}`, ends: row.lines.map((i) => lastFragment(region[i]!.text)).join('\n') };
  const centre = sttAt >= 0 ? sttAt : Math.floor((narrow.length - 1) / 2);
  return { row: { kind: 'item', cells, lines: rangeOf(region, row.lines[0]!, row.lines.at(-1)!), merged: 1 }, narrow: { repaired: narrow, asRead, centre, sttRead: sttAt >= 0 }, deadline };
}

/**
 * A line whose first token OCR read as a row number (`4`, `10`, `3 |`) but repair turned into
 * a word (`tổ`, `lộ`, `sở |`) gets the number back: repair reads a lone digit before a word
 * as a damaged syllable.
 */
function withPrintedStt(line: SourceLine): SourceLine {
  const printed = /^(\d{1,2})(?=\s?["'’”]?(?:\s|\|))/u.exec(line.original ?? '');
  if (!printed || /^\d/.test(line.text)) return line;
  const first = /^\p{L}+(?=["'’”]?(?:\s|\|))/u.exec(line.text);
  return first ? { ...line, text: printed[1]! + line.text.slice(first[0].length) } : line;
}

/**
 * An STT line without task text: the lead cell's name right after the number (no `|` rule
 * between), or a short capitalised cell boxed by rules (`1 ’|BG Nội vụ| …`).
 */
function leadFollowsStt(text: string): boolean {
  const m = STT_LINE.exec(text);
  return m !== null && /^\p{Lu}/u.test(m[3]!) && ((m[2] === '' && opensAgency(m[3]!)) || /^[^|]{2,14}\|/u.test(m[3]!));
}

/** The last cell fragment of a line: after the last `|` rule, or its last few words. */
function lastFragment(text: string): string {
  const bar = text.lastIndexOf('|');
  const tail = bar >= 0 ? text.slice(bar + 1) : text.split(' ').slice(-4).join(' ');
  return tail.replace(/^[\s{[(]+/, '').trim();
}
