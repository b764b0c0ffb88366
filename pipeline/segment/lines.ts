import type { Document, Line, Table } from '../model/document.ts';
import { LINE_BREAK_TAG, stripMarkup } from '../model/markup.ts';
import { isHeaderRow } from './columns.ts';
import { pipeTableLines } from './pipe-table.ts';
import type { LineRange } from './types.ts';

/** A non-blank source line as the segmenter reads it: markup removed, spaces collapsed. */
export interface SourceLine {
  /** Clean text (Markdown emphasis, headings marks and inline HTML tags removed). */
  text: string;
  line: number;
  page: number;
  /** Cells of a delimited row (tab-separated, or a data row of a Markdown pipe table), cleaned; absent otherwise. */
  cells?: string[];
  /** A table rebuilt from geometry by ingest, standing in the reading order at its first line. */
  table?: Table;
  /** The line as read before repair, when repair changed it (markup removed like `text`). */
  original?: string;
}


/**
 * The document's lines in reading order, blank lines and running page headers/footers
 * dropped. Tab-separated rows and the rows of Markdown data tables keep their cells; geometry
 * tables appear as one entry.
 */
export function sourceLines(doc: Document): SourceLine[] {
  const out: SourceLine[] = [];
  const pipeTables: PipeTablesRead = { dataColumns: 0 };
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'page-header' || block.kind === 'page-footer') continue;
      if (block.kind === 'table' && block.table && block.table.rows.length > 0) {
        const first = block.table.rows[0]?.cells[0]?.lines[0] ?? block.lines[0];
        out.push({ text: '', line: first?.prov.line ?? 0, page: page.number, table: block.table });
        continue;
      }
      out.push(...blockSourceLines(block.lines, pipeTables));
    }
  }
  return out;
}

/** What the pipe tables read so far tell of the next one. */
interface PipeTablesRead {
  /**
   * Columns of the last data table: a table broken by a page is exported as a second table
   * without the header row, and is data all the same.
   */
  dataColumns: number;
}

/** The source lines of a block of text lines, its pipe tables read as data or as layout. */
function blockSourceLines(lines: readonly Line[], pipeTables: PipeTablesRead): SourceLine[] {
  const pipes = pipeTableLines(lines.map((l) => l.text));
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!pipes[i]) {
      out.push(...textLine(lines[i++]!));
      continue;
    }
    const rows: PipeRow[] = [];
    for (; i < lines.length && pipes[i]; i++) {
      const p = pipes[i]!;
      if (p.kind === 'row') rows.push({ line: lines[i]!, cells: p.cells });
    }
    const columns = Math.max(...rows.map((r) => r.cells.length));
    if (columns === pipeTables.dataColumns || rows.some((r) => isHeaderRow(r.cells.map(stripMarkup)))) {
      pipeTables.dataColumns = columns;
      out.push(...rows.map(dataRow));
    } else out.push(...rows.flatMap(layoutRow));
  }
  return out;
}

/** A line of running text, or a tab-separated row with its cells; none when it is blank. */
function textLine(l: Line): SourceLine[] {
  const text = stripMarkup(l.text);
  const cells = l.text.includes('\t') ? l.text.split('\t').map(stripMarkup) : undefined;
  if (text === '' && !cells) return [];
  return [{ text, line: l.prov.line, page: l.prov.page, ...(cells ? { cells } : {}), ...originalOf(l) }];
}

/** The line as read before repair, when repair changed it. */
function originalOf(l: Line): { original?: string } {
  return l.tokens?.some((t) => t.original !== undefined) ? { original: stripMarkup(unrepaired(l)) } : {};
}

/** A row of a Markdown pipe table: its line and its raw cells. */
interface PipeRow {
  line: Line;
  cells: string[];
}

/** A row of a data pipe table (one with a header row, or its continuation): one line, with its cells. */
function dataRow({ line, cells }: PipeRow): SourceLine {
  const clean = cells.map(stripMarkup);
  return { text: clean.filter(Boolean).join(' '), line: line.prov.line, page: line.prov.page, cells: clean, ...originalOf(line) };
}

/**
 * A row of a layout pipe table, as converters render the issuer beside the national motto or
 * the recipients beside the signature: read cell by cell, each `<br>` a line.
 */
function layoutRow({ line, cells }: PipeRow): SourceLine[] {
  return cells.flatMap((cell) =>
    cell
      .split(LINE_BREAK_TAG)
      .map(stripMarkup)
      .filter(Boolean)
      .map((text) => ({ text, line: line.prov.line, page: line.prov.page })),
  );
}

/** A repaired line with every changed token put back as it was read. */
function unrepaired(line: Line): string {
  let out = '';
  let at = 0;
  for (const t of line.tokens ?? []) {
    if (t.column < at) continue;
    out += line.text.slice(at, t.column) + (t.original ?? t.text);
    at = t.column + t.text.length;
  }
  return out + line.text.slice(at);
}

/** The line range covered by `lines[from..to]` (inclusive). */
export function rangeOf(lines: readonly SourceLine[], from: number, to: number): LineRange {
  const a = lines[Math.max(0, Math.min(from, lines.length - 1))];
  const b = lines[Math.max(0, Math.min(to, lines.length - 1))];
  return { start: a?.line ?? 0, end: b?.line ?? 0, pageStart: a?.page ?? 1, pageEnd: b?.page ?? 1 };
}

/**
 * Joins wrapped lines into one text with single spaces, except after a hyphen glued to its
 * word (`57-` + `NQ/TW`), where the line broke inside a compound code.
 */
export function joinText(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.replace(/\s+/g, ' ').trim();
    if (p === '') continue;
    out = out === '' ? p : /[\p{L}\d][-–]$/u.test(out) ? out + p : `${out} ${p}`;
  }
  return out;
}
