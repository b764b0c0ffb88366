import type { Document, Line, Table } from '../model/document.ts';
import { stripMarkup } from '../model/markup.ts';
import type { LineRange } from './types.ts';

/** A non-blank source line as the segmenter reads it: markup removed, spaces collapsed. */
export interface SourceLine {
  /** Clean text (Markdown emphasis, headings marks and inline HTML tags removed). */
  text: string;
  line: number;
  page: number;
  /** Cells of a tab-separated row, cleaned; absent when the line has no tab. */
  cells?: string[];
  /** A table rebuilt from geometry by ingest, standing in the reading order at its first line. */
  table?: Table;
  /** The line as read before repair, when repair changed it (markup removed like `text`). */
  original?: string;
}


/**
 * The document's lines in reading order, blank lines and running page headers/footers
 * dropped. Tab-separated rows keep their cells; geometry tables appear as one entry.
 */
export function sourceLines(doc: Document): SourceLine[] {
  const out: SourceLine[] = [];
  for (const page of doc.pages) {
    for (const block of page.blocks) {
      if (block.kind === 'page-header' || block.kind === 'page-footer') continue;
      if (block.kind === 'table' && block.table && block.table.rows.length > 0) {
        const first = block.table.rows[0]?.cells[0]?.lines[0] ?? block.lines[0];
        out.push({ text: '', line: first?.prov.line ?? 0, page: page.number, table: block.table });
        continue;
      }
      for (const l of block.lines) {
        const text = stripMarkup(l.text);
        const cells = l.text.includes('\t') ? l.text.split('\t').map(stripMarkup) : undefined;
        if (text === '' && !cells) continue;
        const original = l.tokens?.some((t) => t.original !== undefined) ? stripMarkup(unrepaired(l)) : undefined;
        out.push({ text, line: l.prov.line, page: l.prov.page, ...(cells ? { cells } : {}), ...(original ? { original } : {}) });
      }
    }
  }
  return out;
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
