import type { Block, Document, Line, Page, SourceInfo } from './document.ts';

/**
 * Builds a one-page-per-form-feed document from plain text, one block per run of non-blank
 * lines. Line numbers are the text's own, so `documentToText` gives the text back exactly
 * (up to trailing whitespace on blank lines).
 */
export function documentFromText(source: SourceInfo, text: string): Document {
  const pages: Page[] = [];
  let page: Page = { number: 1, path: 'text', blocks: [] };
  let block: Block | undefined;
  const rawLines = text.normalize('NFC').split(/\r\n|\r|\n/);
  rawLines.forEach((raw, i) => {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        pages.push(page);
        page = { number: page.number + 1, path: 'text', blocks: [] };
        block = undefined;
      }
      if (part.trim() === '') {
        block = undefined;
        return;
      }
      const line: Line = { text: part, prov: { page: page.number, line: i + 1 } };
      if (!block) {
        block = { kind: 'text', lines: [] };
        page.blocks.push(block);
      }
      block.lines.push(line);
    });
  });
  pages.push(page);
  return { source, pages };
}

/** Every line of a document in reading order (tables flattened cell by cell). */
export function documentLines(doc: Document): Line[] {
  const out: Line[] = [];
  for (const page of doc.pages) for (const block of page.blocks) out.push(...blockLines(block));
  return out;
}

/** A block's lines in reading order: a table's cell by cell, row by row (a merged cell in each row it spans). */
export function blockLines(block: Block): Line[] {
  if (!block.table) return block.lines;
  return block.table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.lines));
}

/**
 * Plain-text rendering: lines placed at their source line numbers, so blank lines between
 * paragraphs survive, and pages separated by form feeds. Where a page's lines go on numbering
 * the file's (text input), the form feed comes after the line breaks before its page's first
 * line, as `pdftotext` writes it, so every line stays at its number.
 */
export function documentToText(doc: Document): string {
  let out = '';
  let lastLine: number | undefined;
  doc.pages.forEach((page, k) => {
    const lines = page.blocks.flatMap(blockLines);
    const first = lines[0]?.prov.line;
    if (k > 0) out += (first !== undefined && lastLine !== undefined && first > lastLine ? '\n'.repeat(first - lastLine) : '') + '\f';
    const rows: string[] = [];
    let next = first ?? 1;
    for (const line of lines) {
      for (; next < line.prov.line; next++) rows.push('');
      rows.push(line.text);
      next = Math.max(next, line.prov.line) + 1;
    }
    out += rows.join('\n');
    if (lines.length > 0) lastLine = next - 1;
  });
  return out;
}
