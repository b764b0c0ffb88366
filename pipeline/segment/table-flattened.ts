import levenshtein from 'fast-levenshtein';
import { opensAgency } from './agencies.ts';
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
 * one-line cell is centred like the STT), and deadline wording at the end of lines.
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

/** `BỘ Nội vụ` → `Bộ Nội vụ`: OCR and repair upper-case agency heads in running text. */
function titleCaseHeads(text: string): string {
  return text.replace(/\b(BỘ|SỞ|CỤC|VỤ|BAN|VIỆN)(?= \p{Lu}\p{Ll})/gu, (h) => h.charAt(0) + h.slice(1).toLowerCase());
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
  return t.replace(/[1l|]/g, 'I').toUpperCase();
}

interface Row {
  stt: string;
  lines: number[];
  sttLine: number;
}

/** Reads a flattened OCR table, or undefined when the region has no flattened header. */
export function readFlattenedTable(region: readonly SourceLine[], knownAgencies: readonly string[] = []): AppendixTable | undefined {
  const headerAt = region.findIndex((l) => isFlattenedHeader(l.text));
  if (headerAt < 0) return undefined;
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
  let section = 0;
  let rows: Row[] = [];
  let current: Row | undefined;
  let prevEnded = true;
  const pending: number[] = [];
  const flush = () => {
    pending.length = 0;
    for (const r of rebalance(renumber(rows), region, width)) out.push(rowCells(r, region, columns, width, knownAgencies));
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
    const sttMatch = /^(\d{1,2})["'’”]?\s*(\|?)\s*(.*)$/u.exec(line.text);
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
  if (!out.some((r) => r.kind === 'item')) return undefined;
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
  output: 'Sản phẩm đầu ra',
  deadline: 'Thời hạn hoàn thành',
  other: '',
};

function toRoman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) for (; n >= v; n -= v) s += r;
  return s;
}

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
      const frag = taskFragment(region[i]!.text.replace(/^\d{1,2}["'’”]?\s*\|?\s*/, ''), width);
      return isProse(frag) && endsSentence(frag);
    });
    if (endAt < 0) continue;
    const middleB = b.sttLine >= 0 ? b.sttLine : (b.lines[0] ?? 0);
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
  if (bar >= 0 && bar <= width + 8) return t.slice(0, bar).trim();
  // Prefer a boundary where the next word opens another column (a capital, an agency head).
  let best = -1;
  let bestScore = Infinity;
  for (let p = t.indexOf(' '); p >= 0; p = t.indexOf(' ', p + 1)) {
    if (p > width + 6) break;
    const next = t.slice(p + 1);
    const score = Math.abs(p - width) - (/^\p{Lu}/u.test(next) ? 4 : 0) - (opensAgency(next) ? 4 : 0);
    if (score < bestScore) [best, bestScore] = [p, score];
  }
  return (best > 0 ? t.slice(0, best) : t).trim();
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
  const t = text.replace(/^\d{1,2}["'’”]?\s*\|?\s*/, '').replace(/^\|\s*/, '');
  const frag = taskFragment(t, width);
  return t.slice(frag.length).replace(/^\s*\|?\s*/, '');
}

/**
 * The first agency name at the start of a text: the longest known agency name it starts with,
 * or else the head word with its proper name (`Bộ Nội vụ`, `UBND các tỉnh, thành phố`).
 */
function leadingAgency(text: string, known: readonly string[], inLeadCell = false, knownOnly = false): string {
  const t = text.replace(/^[|\s[(]+/, '').split('|')[0]!.trim();
  // A group (`Các bộ, ngành`) at a line's start is the partners column, not the lead.
  if (/^các\s/iu.test(t)) return '';
  const fuzzy = knownAgencyAt(t, known) || (inLeadCell && /\|/.test(text.slice(0, 30)) ? nearestKnownAgency(t, known) : '');
  if (fuzzy || knownOnly) return fuzzy;
  if (!opensAgency(t)) return '';
  const words = t.split(/\s+/);
  const head = opensAgencyWords(words);
  const out = words.slice(0, head);
  let k = head;
  if (/^(?:UBND|HĐND|Ủy ban)/u.test(t)) {
    // Local authorities: `UBND các tỉnh, thành phố`, `UBND các cấp`, `UBND tỉnh`.
    while (k < words.length && /^(?:các|tỉnh,?|thành|phố,?|xã,?|phường,?|huyện,?|quận,?|cấp)$/u.test(words[k]!)) out.push(words[k++]!);
  } else {
    // A ministry-like name: proper-noun syllables after the head (`Bộ Công an`, `Bộ Tư pháp`).
    while (k < words.length && out.length < head + 2 && /^\p{L}{2,}$/u.test(words[k]!) && !/^các$/iu.test(words[k]!) && (k > head || /^\p{Lu}\p{Ll}+$/u.test(words[k]!))) {
      out.push(words[k]!);
      k++;
    }
  }
  // A head with a one-word remnant (`Bộ Nội`, `Bộ Hóa`) is more likely OCR debris than a name;
  // UBND names an authority by itself (its cell may go on below).
  if (/^(?:UBND|HĐND)$/u.test(out.join(' '))) return out[0]!;
  return out.length >= head + 2 ? out.join(' ').replace(/[,;]$/, '') : '';
}

/** Letters only, folded, with OCR's digit-for-letter confusions undone: the key names are compared on. */
function agencyKey(text: string): string {
  return fold(text)
    .replace(/1/g, 'I')
    .replace(/[06]/g, 'O')
    .replace(/[^A-Z]/g, '');
}

/**
 * The known agency name a text starts with, allowing OCR damage: the text's first letters
 * (or letters a few places in, after debris glued to the name) are compared with each known
 * name of two words or more by edit distance, at most one edit per five letters. Returns the
 * known spelling.
 */
function knownAgencyAt(text: string, known: readonly string[]): string {
  const key = agencyKey(text.slice(0, 60));
  let best = '';
  let bestScore = Infinity;
  for (const name of known) {
    if (!/\S{2,}\s+\S{2,}/u.test(name) || /\s\S$/u.test(name)) continue;
    const k = agencyKey(name);
    if (k.length < 5) continue;
    for (let at = 0; at <= 8 && at + k.length - 1 <= key.length; at++) {
      const d = levenshtein.get(key.slice(at, at + k.length), k);
      // Prefer names found at the start, then closer, then longer.
      const score = at / 10 + d / k.length - k.length / 1000;
      if (d <= Math.floor(k.length / 5) && score < bestScore) [best, bestScore] = [name, score];
    }
  }
  return best;
}

/**
 * In the lead cell of an STT line (text up to a `|` rule), the known agency starting with the
 * same letters whose letters are most alike (at least half), for names OCR damaged beyond
 * {@link knownAgencyAt}'s tolerance (`Bộ Nhiều` → `Bộ Nội vụ`).
 */
function nearestKnownAgency(text: string, known: readonly string[]): string {
  const key = agencyKey(text);
  let best = '';
  let bestSim = 0.5;
  for (const name of known) {
    const k = agencyKey(name);
    // Same first two letters: the head word, even where OCR glued it to the name (`BONGi vy`).
    if (k.slice(0, 2) !== key.slice(0, 2) || /\s\S$/u.test(name)) continue;
    const sim = 1 - levenshtein.get(key.slice(0, k.length + 2), k) / Math.max(k.length, key.slice(0, k.length + 2).length);
    if (sim > bestSim) [best, bestSim] = [name, sim];
  }
  return best;
}

/** How many words the agency head at the start takes (`Văn phòng` → 2, `Bộ` → 1). */
function opensAgencyWords(words: readonly string[]): number {
  for (let n = 1; n <= 3; n++) if (opensAgency(words.slice(0, n).join(' ') + ' X') && !opensAgency(words.slice(0, n + 1).join(' ') + ' X')) return n;
  return 1;
}

function rowCells(row: Row, region: readonly SourceLine[], columns: readonly ColumnRole[], width: number, known: readonly string[]): AppendixRow {
  const cells = columns.map(() => '');
  const put = (role: ColumnRole, text: string) => {
    const k = columns.indexOf(role);
    if (k >= 0) cells[k] = text;
  };
  put('stt', row.stt);
  const taskParts: string[] = [];
  const taskLines = new Set<number>();
  let ended = false;
  for (const i of row.lines) {
    if (ended) break;
    const text = titleCaseHeads(region[i]!.text);
    const body = i === row.sttLine ? text.replace(/^\d{1,2}["'’”]?\s*\|?\s*/, '') : text;
    if (i === row.sttLine && /^\p{Lu}/u.test(body) && opensAgency(body)) continue;
    const frag = taskFragment(body, i === row.sttLine ? width - 2 : width);
    if (frag === '' || isNoise(frag)) continue;
    if (taskParts.length === 0 && (!/^\p{Lu}/u.test(frag) || (opensAgency(frag) && frag.length < width * 0.8) || !isProse(frag) || frag.length < width * 0.6)) continue;
    // Lines of the task column are nearly full; a short one inside the task is another column's.
    if (taskParts.length > 0 && frag.length < width * 0.5 && sentenceEnd(frag) < 0) continue;
    const end = sentenceEnd(frag);
    taskParts.push(end >= 0 ? frag.slice(0, end) : frag);
    taskLines.add(i);
    if (end >= 0) ended = true;
  }
  put('task', joinText(taskParts));
  // What the narrow columns hold: the rest of task lines, and the whole of other lines, both
  // as repaired and as OCR read them (repair can turn a damaged name into other words).
  const narrowOf = (read: (l: SourceLine) => string) =>
    row.lines.map((i) => {
      const text = titleCaseHeads(read(region[i]!));
      const body = i === row.sttLine ? text.replace(/^\d{1,2}["'’”]?\s*\|?\s*/, '') : text;
      if (i === row.sttLine && /^\p{Lu}/u.test(body) && opensAgency(body)) return body;
      return taskLines.has(i) || i === row.sttLine ? restOf(text, i === row.sttLine ? width - 2 : width) : text;
    });
  const narrow = narrowOf((l) => l.text);
  const asRead = narrowOf((l) => l.original ?? l.text);
  const sttAt = row.lines.indexOf(row.sttLine);
  const order = sttAt >= 0 ? [sttAt, ...narrow.keys()].filter((k, n, a) => a.indexOf(k) === n) : [...narrow.keys()];
  const agencyAt = (k: number, inLeadCell: boolean) =>
    k >= 0 && k < narrow.length ? leadingAgency(narrow[k]!, known, inLeadCell) || leadingAgency(asRead[k]!, known, inLeadCell, true) : '';
  for (const k of order) {
    const lead = agencyAt(k, k === sttAt);
    if (!lead) continue;
    // A lead cell of two agencies spans lines: `Bộ Nội vụ,` / `UBND các` / `tỉnh, thành phố`.
    const parts = [lead];
    if (/^(?:UBND|Ủy ban)/u.test(lead)) {
      const above = agencyAt(k - 1, false);
      if (above && !/^(?:UBND|Ủy ban)/u.test(above)) parts.unshift(above);
    } else {
      const below = localAuthority(narrow.slice(k + 1, k + 4));
      if (below) parts.push(below);
    }
    if (parts.length === 1 && /^(?:UBND|Ủy ban)\s*$/u.test(lead)) parts[0] = localAuthority(narrow.slice(k, k + 3)) || lead;
    put('lead', parts.join(', '));
    break;
  }
  put('deadline', deadlineFromEvidence(narrow.join(' '), row.lines.map((i) => lastFragment(region[i]!.text)).join('\n')));
  return { kind: 'item', cells, lines: rangeOf(region, row.lines[0]!, row.lines.at(-1)!), merged: 1 };
}

/**
 * A deadline phrase rebuilt from the words OCR scattered over a row's narrow columns:
 * `thường xuyên` (recurring, until the last year named), `lộ trình` (per roadmap), a range
 * of years (period), a quarter, or the years named at the ends of lines (by date).
 */
function deadlineFromEvidence(narrow: string, ends: string): string {
  const years = (text: string) => [...new Set([...text.matchAll(/(?<!\d)(20[2-4]\d)(?!\d)/g)].map((m) => m[1]!))].sort();
  const endYears = years(ends.replace(/\n/g, ' '));
  const all = endYears.length > 0 ? endYears : years(narrow);
  const last = all.at(-1);
  // Matched on the folded text: OCR often leaves these words without their marks.
  // Deadline words are read both in the narrow columns' text and in the line ends joined up,
  // where a phrase wrapped over lines (`Theo lộ` / `trình`) comes back together.
  const f = `${fold(narrow)} | ${fold(ends.replace(/\n/g, ' '))}`;
  // `Nhiệm vụ` opening the deadline column only ever leads `nhiệm vụ thường xuyên`.
  if (/XUYEN|THUONG XUY|\bVU THUONG\b/.test(f) || /(?:^|\s)NHIEM(?:\s+VU)?\s*$/m.test(ends.split(/\s{2,}|\n/).map(fold).join('\n'))) {
    // `từ năm` and its year may sit on different lines; other years of the column are kept too.
    const from = /\bTU\s+NAM\b[^0-9]{0,30}?(20[2-4]\d)|\bTU\s+(20[2-4]\d)/.exec(f);
    const start = from?.[1] ?? from?.[2];
    const others = endYears.filter((y) => y !== last && y !== start);
    return [
      'Nhiệm vụ thường xuyên',
      start && start !== last ? `từ năm ${start}` : '',
      last ? `đến năm ${last}` : '',
      others.length > 0 ? `(năm ${others.join(', ')})` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (/\bLO\s*TRINH\b|\bTHEO\s+\S{1,3}\s+TRINH\b/.test(f)) return 'Theo lộ trình';
  const range = /(20[2-4]\d)\s*(?:[-–]|DEN(?:\s+NAM)?)[^0-9]{0,40}?(20[2-4]\d)/.exec(f);
  if (range) return `${range[1]} - ${range[2]}`;
  const quarter = /QUY\s+([IV]{1,3})\s*\/\s*(20[2-4]\d)/.exec(f);
  if (quarter) return `Quý ${quarter[1]}/${quarter[2]}`;
  return all.length > 0 ? `Năm ${all.join(', ')}` : '';
}

/**
 * `UBND các tỉnh, thành phố` / `UBND các cấp` when the first of these lines starts with UBND,
 * read across the lines the cell wraps over; empty otherwise.
 */
function localAuthority(lines: readonly string[]): string {
  const first = (lines[0] ?? '').replace(/^[|\s[(]+/, '');
  if (!/^(?:UBND|Ủy ban nhân dân)\b/u.test(first)) return '';
  const out = ['UBND'];
  // Each wrapped line of the cell starts with the next words of the name.
  for (const [n, line] of lines.entries()) {
    const words = line.replace(/^[|\s[(,.]+/, '').split('|')[0]!.trim().split(/\s+/).slice(n === 0 ? 1 : 0);
    let taken = 0;
    for (const w of words) {
      if (!/^(?:các|tỉnh,?|thành|phố,?|xã,?|phường,?|huyện,?|quận,?|cấp)$/u.test(w)) break;
      out.push(w);
      taken++;
    }
    if (taken === 0 && n > 0) break;
  }
  return out.length > 1 ? out.join(' ').replace(/,$/, '') : '';
}

/** The last cell fragment of a line: after the last `|` rule, or its last few words. */
function lastFragment(text: string): string {
  const bar = text.lastIndexOf('|');
  const tail = bar >= 0 ? text.slice(bar + 1) : text.split(' ').slice(-4).join(' ');
  return tail.replace(/^[\s{[(]+/, '').trim();
}
