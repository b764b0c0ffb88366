import { withSectionSequence } from './section-sequence.ts';
import type { Table } from '../model/document.ts';
import { columnRoles, isHeaderRow, namesColumns, splitHeaderText, withSubheader } from './columns.ts';
import { appendixLabel, attachedToText, isPersonName } from './cues.ts';
import { joinText, rangeOf, type SourceLine } from './lines.ts';
import { buildRows, type RawRow } from './rows.ts';
import { isFlattenedHeader, readFlattenedTable } from './table-flattened.ts';
import { readStackedTable } from './table-stacked.ts';
import type { Appendix, AppendixTable } from './types.ts';

/**
 * Index of the first appendix at or after `from`, or -1: a Phụ lục label, or else (when OCR
 * lost the label, or the table is attached under another title: `DANH MỤC NHIỆM VỤ`) the title
 * lines just above the first table header, printed as plain text or rebuilt from geometry.
 */
export function findAppendixStart(lines: readonly SourceLine[], from: number): number {
  for (let i = from; i < lines.length; i++) if (appendixLabel(lines[i]!.text)) return i;
  for (let i = from; i < lines.length; i++) {
    const table = lines[i]!.table;
    if (!(table ? isHeaderRow(table.header) : isFlattenedHeader(lines[i]!.text))) continue;
    let s = i;
    while (s - 1 >= from && i - s < 4 && !/^[-+•]/.test(lines[s - 1]!.text) && !isPersonName(lines[s - 1]!.text)) s--;
    return s;
  }
  return -1;
}

/**
 * Reads the appendices of a document from its lines after the first Phụ lục label. An
 * appendix without a header row of its own (a table continued from the previous appendix)
 * reuses the previous appendix's header.
 */
export function parseAppendices(lines: readonly SourceLine[], knownAgencies: readonly string[] = []): Appendix[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (appendixLabel(lines[i]!.text)) starts.push(i);
  if (starts[0] !== 0) starts.unshift(0);
  const out: Appendix[] = [];
  let lastHeader: string[] | undefined;
  starts.forEach((s, k) => {
    const end = starts[k + 1] ?? lines.length;
    const label = appendixLabel(lines[s]!.text) ?? { label: 'Phụ lục', number: '' };
    let i = appendixLabel(lines[s]!.text) ? s + 1 : s;
    const title: string[] = [];
    let attachedTo = '';
    for (; i < end && title.length < 6; i++) {
      const t = lines[i]!.text;
      if (attachedToText(t.replace(/\s*\)?\s*$/, ')')) !== undefined) {
        const parts = [t];
        while (!parts.join(' ').includes(')') && i + 1 < end && parts.length < 4) parts.push(lines[++i]!.text);
        attachedTo = attachedToText(joinText(parts)) ?? '';
        i++;
        break;
      }
      if (lines[i]!.cells || lines[i]!.table || splitHeaderText(t) || isFlattenedHeader(t)) break;
      // The tail of a `(Kèm theo …)` caption whose opening OCR lost: `Quyết định số 350/QĐ-TTg … của …)`.
      if (!attachedTo && /\bsố\s*\d*\s*\/\s*\p{L}/u.test(t) && /\)\s*$/.test(t) && !t.includes('(')) {
        attachedTo = t.replace(/\)\s*$/, '').trim();
        continue;
      }
      title.push(t);
    }
    const region = lines.slice(i, end);
    const read = readTable(region, lastHeader, knownAgencies);
    const table = read && withSectionSequence(read);
    if (table) lastHeader = table.header;
    out.push({
      label: label.label,
      number: label.number,
      title: joinText(title),
      attachedTo,
      lines: rangeOf(lines, s, end - 1),
      tables: table ? [table] : [],
    });
  });
  return out;
}

function readTable(region: readonly SourceLine[], inherited: string[] | undefined, knownAgencies: readonly string[]): AppendixTable | undefined {
  const geometry = region.filter((l) => l.table).map((l) => l.table!);
  if (geometry.length > 0) return readGeometryTables(geometry);
  if (region.some((l) => l.cells && isHeaderRow(l.cells))) return readTabTable(region);
  return readStackedTable(region, inherited) ?? readFlattenedTable(region, knownAgencies);
}

/** Header cells up to the last named one: an empty cell within keeps its column (under a spanning name). */
function withoutTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 1 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}

/** Rows of delimited cells (tab-separated, or Markdown pipe tables); header rows (also repeated ones) set the columns and are skipped. */
function readTabTable(region: readonly SourceLine[]): AppendixTable | undefined {
  let header: string[] | undefined;
  // The header row just read, while the row under it may still be its second level.
  let above: readonly string[] | undefined;
  const raw: RawRow[] = [];
  region.forEach((l, i) => {
    if (!l.cells) return;
    const twoLevel = above && withSubheader(above, l.cells);
    above = undefined;
    if (twoLevel) {
      // The first header sets the columns; a repeated one (on a new page) is only skipped.
      if (raw.length === 0) header = withoutTrailingEmpty(twoLevel);
      return;
    }
    if (isHeaderRow(l.cells)) {
      header ??= withoutTrailingEmpty(l.cells);
      above = l.cells;
      return;
    }
    if (header) raw.push({ cells: l.cells, lines: rangeOf(region, i, i) });
  });
  if (!header) return undefined;
  const columns = columnRoles(header);
  return { header, columns, layout: 'tabs', rows: buildRows(raw, columns) };
}

/** The text of each cell of a table row, by column. */
function cellTexts(row: Table['rows'][number]): string[] {
  const cells: string[] = [];
  for (const c of row.cells) cells[c.column] = joinText([cells[c.column] ?? '', ...c.lines.map((l) => l.text)]);
  return Array.from(cells, (c) => c ?? '');
}

/**
 * The column names of tables rebuilt from geometry: the first header ingest found, or else the first
 * row that reads as one (ingest took a header whose TT the OCR misread as `T` for a lettered row).
 */
function geometryHeader(tables: readonly Table[]): string[] {
  const found = tables.find((t) => t.header.some((h) => h.trim() !== ''))?.header;
  if (found) return found;
  for (const t of tables) {
    for (const row of t.rows) {
      const cells = cellTexts(row);
      if (isHeaderRow(cells)) return cells;
    }
  }
  return [];
}

/**
 * Tables rebuilt from geometry by ingest, joined into one when a table continues on the next page;
 * undefined when too few of its columns have a known name (a list of units), as for a tab-separated table.
 */
function readGeometryTables(tables: readonly Table[]): AppendixTable | undefined {
  const header = geometryHeader(tables);
  if (!namesColumns(header)) return undefined;
  const columns = columnRoles(header);
  const raw: RawRow[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      const cells = cellTexts(row);
      const lines = row.cells.flatMap((c) => c.lines);
      const first = lines[0];
      const last = lines.at(-1);
      const range = {
        start: first?.prov.line ?? 0,
        end: last?.prov.line ?? 0,
        pageStart: first?.prov.page ?? row.page,
        pageEnd: last?.prov.page ?? row.page,
      };
      const filled = Array.from({ length: Math.max(header.length, cells.length) }, (_, k) => cells[k] ?? '');
      if (isHeaderRow(filled)) continue;
      raw.push({ cells: filled, lines: range });
    }
  }
  return { header, columns, layout: 'geometry', rows: buildRows(raw, columns) };
}
