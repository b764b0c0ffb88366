import { LETTERING } from '../model/lettering.ts';
import { joinText } from './lines.ts';
import type { AppendixRow, ColumnRole, LineRange } from './types.ts';

/** A table row as read from the source, before section marking and continuation merging. */
export interface RawRow {
  cells: string[];
  lines: LineRange;
}

/** STT of a task row: `1`, `1.`, `1.2`, `12a`. */
export const ITEM_STT = /^\d{1,3}(?:\.\d{1,3})*[a-zđ]?\.?$/u;
/** Section letters in their order ({@link LETTERING}), A to H: no F, Đ after D. */
export const SECTION_LETTERS = LETTERING.slice(0, LETTERING.indexOf('h') + 1).toUpperCase();
/** Numeral of a section heading row: `I`, `IV.`, `A`, `Đ`. */
export const SECTION_STT = new RegExp(`^(?:[IVXLC]+|[${SECTION_LETTERS}])\\.?$`, 'u');

/**
 * A section's title set in capitals (NGUỒN LỰC VÀ GIÁM SÁT): two words or more, no lower-case
 * letter. A task's text wrapped onto the next row is set as the task is, in lower case.
 */
function isCapsTitle(text: string): boolean {
  return text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 2 && !/\p{Ll}/u.test(text);
}

/**
 * Marks section heading rows and merges continuation rows. A row with an empty STT continues
 * the row above it (a row broken by a page break), unless it follows a task in a table with
 * headings and holds a title in capitals in the task column and nothing else: a heading whose
 * numeral the scan lost. A row whose STT is a roman numeral (or capital letter) with at most one
 * other filled cell and no lead agency is a section heading, and so is such a row numbered N
 * over rows numbered N.1, N.2, or, in a table with headings, a title in capitals under a garbled label.
 */
export function buildRows(raw: readonly RawRow[], columns: readonly ColumnRole[]): AppendixRow[] {
  const out: AppendixRow[] = [];
  const lead = columns.indexOf('lead');
  const task = columns.indexOf('task');
  // A table has headings once a row is one, or a task is numbered under one (1.1 under 1), which
  // only the pass after this loop marks.
  let hasHeadings = false;
  // A title in capitals in the task column and nothing else: a heading's row, whatever its first cell.
  const capsTitleOnly = (cells: readonly string[]): boolean => task > 0 && titleOnly(cells, lead) && isCapsTitle(cells[task] ?? '');
  for (const r of raw) {
    const cells = columns.map((_, k) => (r.cells[k] ?? '').trim());
    // Cells beyond the header (stray tabs) are folded into the last column.
    if (r.cells.length > columns.length) cells[columns.length - 1] = joinText(r.cells.slice(columns.length - 1));
    // A speck the OCR read beside a label's period (`A..`, `2.,`) is no part of the label.
    cells[0] = cells[0]!.replace(/(?<=\S)\.[.,:]+$/u, '.');
    const prev = out.at(-1);
    if (cells[0] === '' && prev) recoverGluedLabel(cells, prev.cells[0] ?? '');
    const stt = cells[0] ?? '';
    if (stt === '' && prev) {
      if (cells.every((c) => c === '')) continue;
      // Agencies are often set in capitals (VIETTEL); a task wrapped in capitals is not, nor a heading in a table without any.
      if (hasHeadings && prev.kind === 'item' && capsTitleOnly(cells)) {
        out.push({ kind: 'section', cells, lines: r.lines, merged: 1 });
        continue;
      }
      prev.cells = prev.cells.map((c, k) => joinText([c, cells[k] ?? '']));
      prev.lines = { ...prev.lines, end: r.lines.end, pageEnd: r.lines.pageEnd };
      prev.merged++;
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    if (task > 0) splitInlineHeading(cells, task);
    // In a table with headings, a title in capitals alone on its row under a label that is no
    // numeral nor row number (`IH` for III) is a heading whose numeral the scan garbled.
    const heading: boolean = (SECTION_STT.test(cells[0]!) && titleOnly(cells, lead)) || (hasHeadings && !ITEM_STT.test(cells[0]!) && capsTitleOnly(cells));
    const kind: AppendixRow['kind'] = heading ? 'section' : 'item';
    hasHeadings ||= kind === 'section' || /^\d+\.\d/.test(cells[0]!);
    out.push({ kind, cells, lines: r.lines, merged: 1 });
  }
  // A numbered row with only a title over rows numbered under it (1 over 1.1, 1.2) groups them: a section.
  out.forEach((row, k) => {
    if (numbersRowsUnder(row.cells[0]!, out[k + 1]?.cells[0] ?? '') && titleOnly(row.cells, lead)) row.kind = 'section';
  });
  return out;
}

/** A heading's numeral and its title in the first cell (`I. CÔNG TÁC CHUẨN BỊ`, `A. TRƯỚC MÙA LŨ`, `2. TRIỂN KHAI`). */
const INLINE_HEADING = new RegExp(`^((?:[IVXLC]+|[${SECTION_LETTERS}]|\\d{1,2})\\.)\\s+(\\S.*)$`, 'u');

/**
 * Parts a heading set whole in the STT cell, the other cells empty, into its numeral and its title
 * (in the task column), as tables that give it a cell of its own have it. A number is a heading's
 * only before a title in capitals: `1. Rà soát …` alone on its row is a task whose other cells are empty.
 */
function splitInlineHeading(cells: string[], task: number): void {
  const m = INLINE_HEADING.exec(cells[0]!);
  if (!m || cells.slice(1).some((c) => c !== '')) return;
  if (/^\d/.test(m[1]!) && !isCapsTitle(m[2]!)) return;
  cells[0] = m[1]!;
  cells[task] = m[2]!;
}

/** True when `stt` is a number N (`1`, `1.`) and `next` numbers a row under it (`1.1`, `1.2.`). */
export function numbersRowsUnder(stt: string, next: string): boolean {
  const number = /^(\d{1,3})\.?$/.exec(stt.trim())?.[1];
  return number !== undefined && next.startsWith(`${number}.`) && /^\d+\.\d/.test(next);
}

/** At most one cell filled besides the STT, and no lead agency: a heading row. */
function titleOnly(cells: readonly string[], lead: number): boolean {
  return cells.slice(1).filter((c) => c !== '').length <= 1 && (lead < 0 || cells[lead] === '');
}

/** A row number the OCR ran into the first word of the next cell (`.2Khuyến`): their gutter was lost in the scan. */
const GLUED_LABEL = /^[^\p{L}\p{N}]*(\d{1,3})\.?(?=\p{Lu})/u;

/**
 * Moves a row number glued to the start of the next cell into the empty STT cell, when it is the
 * number after the previous row's: the row is a new task, not the rest of the one above.
 */
function recoverGluedLabel(cells: string[], prevStt: string): void {
  const m = GLUED_LABEL.exec(cells[1] ?? '');
  const prevNumber = /^(\d{1,3})\.?$/.exec(prevStt);
  if (!m || !prevNumber || Number(m[1]) !== Number(prevNumber[1]) + 1) return;
  cells[0] = m[1]!;
  cells[1] = cells[1]!.slice(m[0].length);
}
