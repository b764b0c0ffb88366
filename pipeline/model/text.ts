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

function blockLines(block: Block): Line[] {
  if (!block.table) return block.lines;
  return block.table.rows.flatMap((row) => row.cells.flatMap((cell) => cell.lines));
}

/**
 * Plain-text rendering: lines placed at their source line numbers, so blank lines between
 * paragraphs survive, and pages separated by form feeds.
 */
export function documentToText(doc: Document): string {
  const pageTexts = doc.pages.map((page) => {
    const lines = page.blocks.flatMap(blockLines);
    const out: string[] = [];
    let next = lines[0]?.prov.line ?? 1;
    for (const line of lines) {
      for (; next < line.prov.line; next++) out.push('');
      out.push(line.text);
      next = Math.max(next, line.prov.line) + 1;
    }
    return out.join('\n');
  });
  return pageTexts.join('\f');
}
