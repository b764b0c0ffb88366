import levenshtein from 'fast-levenshtein';
import { fold } from './cues.ts';
import type { ColumnRole } from './types.ts';

/** The numbering column's name, folded; OCR may add a bar or a dot for the rule beside it (`STTI.`). */
const STT = /^S?TT[I|!1L]?[.:]?$/;
/** The numbering column's names, letters only: `STT` (số thứ tự), `TT`. */
const NUMBERING_NAMES = ['STT', 'TT'];

/**
 * True when a folded header cell names the numbering column. Besides the forms {@link STT}
 * takes, OCR reads the bold, ruled name with a letter split in two or lost (`STIT`, `STI`) and
 * specks beside it (`STIT._`): its letters are then one edit from a name, and it has no digit
 * but a 1 (a rule's bar).
 */
function namesNumbering(folded: string): boolean {
  if (STT.test(folded)) return true;
  const letters = folded.replace(/[^A-Z]/g, '');
  return !/[02-9]/.test(folded) && letters.length >= 2 && letters.length <= 4 && NUMBERING_NAMES.some((n) => levenshtein.get(letters, n) <= 1);
}

/** Longest first header cell taken for the numbering column's name however OCR read it (T, Từ for TT). */
const MISREAD_STT = 3;

/** Header words of each column role, folded, tried in order (chủ trì before đơn vị tính, họ và tên before tên). */
const ROLE_PATTERNS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ['stt', STT],
  // OCR may drop a letter of `trì` (`chủ tì.`): a cell naming agencies would otherwise read as lead and partners together.
  ['lead', /CHU (TRI|TI|RI)\b/],
  ['partners', /PHOI HOP/],
  ['unit', /DON VI TINH/],
  ['agencies', /^(CAC )?(CO QUAN|DON VI)\b/],
  ['indicator', /CHI TIEU/],
  ['person', /\bHO (VA )?TEN\b/],
  ['task', /NHIEM VU|NOI DUNG|CONG VIEC|\bTEN\b|HOAT DONG|GIAI PHAP/],
  ['output', /SAN PHAM|KET QUA/],
  ['deadline', /THOI HAN|THOI GIAN|TIEN DO|THOI DIEM/],
];

/** The role of each header cell; `Kết quả` is the target value in an indicator table. */
export function columnRoles(header: readonly string[]): ColumnRole[] {
  const roles = header.map((h, k): ColumnRole => {
    const f = fold(h);
    // Words only: a speck OCR read inside a name (`Cơ quan phối “hợp`) does not hide it.
    const words = f.replace(/[^A-Z0-9]+/g, ' ').trim();
    // A short name over the first column numbers the rows, however OCR read it.
    return ROLE_PATTERNS.find(([, re]) => re.test(words))?.[0] ?? (k === 0 && f !== '' && (f.length <= MISREAD_STT || namesNumbering(f)) ? 'stt' : 'other');
  });
  // In an indicator table a bare `Đơn vị` is the unit of measure, not an agency.
  if (roles.includes('indicator')) return roles.map((r, k) => (r === 'output' ? 'target' : r === 'agencies' && fold(header[k]!) === 'DON VI' ? 'unit' : r));
  // A task table puts its tasks right after the numbering column: a name there OCR garbled
  // (`Nội .wvws dung "việc công`) still heads the tasks when the agency or deadline columns are named.
  const assigns = roles.some((r) => r === 'lead' || r === 'agencies' || r === 'deadline');
  if (!roles.includes('task') && roles[0] === 'stt' && roles[1] === 'other' && assigns) roles[1] = 'task';
  return roles;
}

/** Column names other than the numbering column's that make a row a header, by how its first cell reads. */
const HEADER_ROLES_AFTER_STT = 2;
const HEADER_ROLES_AFTER_OTHER = 3;
/** Longest header cell: a column name (`Cơ quan, đơn vị chủ trì thực hiện`), not a task. */
const MAX_HEADER_CELL = 60;

/** How many different column roles besides the numbering a row of column names names. */
const namedRoles = (cells: readonly string[]): number => new Set(columnRoles(cells).filter((r) => r !== 'other' && r !== 'stt')).size;

/**
 * True when a table's column names are a header whatever its numbering column's name reads as
 * (OCR reads a ruled corner badly): as many named columns as a header row under `STT` needs.
 */
export function namesColumns(header: readonly string[]): boolean {
  return namedRoles(header) >= HEADER_ROLES_AFTER_STT;
}

/**
 * True when a row of cells is a (possibly repeated) header row: STT and two column names, or a short
 * first cell without digits (TT that OCR misread: `T`, `Từ`; a row's number is never one) and three
 * different column names, every cell short.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const first = fold(cells[0] ?? '');
  const roles = namedRoles(cells);
  if (namesNumbering(first)) return roles >= HEADER_ROLES_AFTER_STT;
  return first.length <= MISREAD_STT && !/\d/.test(first) && roles >= HEADER_ROLES_AFTER_OTHER && cells.every((c) => c.length <= MAX_HEADER_CELL);
}

/**
 * The column names of a two-level header: a name spanning several columns (`Cơ quan thực hiện`
 * over `Chủ trì` and `Phối hợp`) is printed once, over the first of them, and the row below names
 * each column under it. Returns the names joined (`Cơ quan thực hiện Chủ trì`), or undefined when
 * `row` is not such a second header row: its numbering cell is empty, every filled cell is a short
 * column name without digits, one of them under an empty header cell, and one names a column role.
 */
export function withSubheader(header: readonly string[], row: readonly string[]): string[] | undefined {
  const filled = row.flatMap((c, k) => (c.trim() === '' ? [] : [k]));
  if ((row[0] ?? '').trim() !== '' || filled.length === 0) return undefined;
  if (!filled.every((k) => row[k]!.length <= MAX_HEADER_CELL && !/\d/.test(row[k]!))) return undefined;
  if (!filled.some((k) => (header[k] ?? '').trim() === '')) return undefined;
  if (!filled.some((k) => columnRoles([row[k]!])[0] !== 'other')) return undefined;
  const names: string[] = [];
  let spanning = '';
  for (let k = 0; k < Math.max(header.length, row.length); k++) {
    const top = (header[k] ?? '').trim();
    if (top !== '') spanning = top;
    const sub = (row[k] ?? '').trim();
    names.push(sub === '' ? top : `${top === '' ? spanning : top} ${sub}`);
  }
  return names;
}

/** Header column phrases as they appear in one run of PDF text (`TT Tên nhiệm vụ Đơn vị chủ trì …`). */
const PHRASES: ReadonlyArray<RegExp> = [
  /^S?TT\b/,
  /^(TEN NHIEM VU|NHIEM VU|NOI DUNG( CONG VIEC)?|TEN [A-Z ]+?(?= (DON VI|CO QUAN|CHI TIEU|$))|CHI TIEU)\b/,
  /^DON VI TINH\b/,
  /^KET QUA\b/,
  /^(DON VI|CO QUAN) CHU TRI\b/,
  /^(DON VI|CO QUAN) PHOI HOP\b/,
  /^(CO QUAN|DON VI)( THUC HIEN| TRIEN KHAI)?\b/,
  /^SAN PHAM( DAU RA)?\b/,
  /^(THOI GIAN|THOI HAN|TIEN DO)( HOAN THANH| THUC HIEN)?\b/,
];

/**
 * Splits a header printed as one line of text into its column names, using the column
 * phrases of appendix tables. Returns undefined when the line is not such a header.
 */
export function splitHeaderText(text: string): string[] | undefined {
  const words = text.trim().split(/\s+/);
  const folded = words.map(fold);
  const out: string[] = [];
  let i = 0;
  while (i < words.length && out.length <= PHRASES.length) {
    const rest = folded.slice(i).join(' ');
    const re = PHRASES.find((p) => p.test(rest));
    if (!re) return undefined;
    const n = (re.exec(rest)?.[0] ?? '').split(' ').length;
    out.push(words.slice(i, i + n).join(' '));
    i += n;
  }
  return i === words.length && out.length >= 3 && namesNumbering(fold(out[0] ?? '')) ? out : undefined;
}
