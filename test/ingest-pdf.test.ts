import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBornDigitalPdf } from '../fixtures/generator/index.ts';
import { parseCleanText } from '../fixtures/generator/source.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { textLayerUsable } from '../pipeline/ingest/text-quality.ts';
import type { Document, Table } from '../pipeline/model/document.ts';
import { documentToText } from '../pipeline/model/text.ts';

const qd350 = readFileSync(new URL('../dictionaries/corpus/qd-350-ttg.txt', import.meta.url), 'utf8');
const appendix = qd350.slice(qd350.indexOf('\nPhụ lục'));
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');

async function textLayer(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++)
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) text += item.str;
  await doc.destroy();
  return text;
}

describe('born-digital PDF', () => {
  let pdf: Uint8Array;
  let doc: Document;
  beforeAll(async () => {
    pdf = await renderBornDigitalPdf(qd350, { maxPages: 3 });
    doc = await ingest({ name: 'qd350.pdf', bytes: pdf });
  });

  it('reads every page from its text layer, with no OCR', () => {
    expect(doc.pages.map((p) => p.path)).toEqual(['text-layer', 'text-layer', 'text-layer']);
  });

  it('gives the text of the text layer, up to whitespace', async () => {
    expect(squash(documentToText(doc))).toBe(squash(await textLayer(pdf)));
  });

  it('keeps the issuer and the national motto in separate blocks, issuer first', () => {
    const [issuer, motto] = doc.pages[0]!.blocks;
    expect(issuer!.lines.map((l) => l.text)).toEqual(['THỦ TƯỚNG CHÍNH PHỦ']);
    expect(motto!.lines[0]!.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(issuer!.lines[0]!.prov.bbox!.x1).toBeLessThan(motto!.lines[0]!.prov.bbox!.x0);
  });

  it('marks page numbers as page headers and keeps them out of the body', () => {
    for (const page of doc.pages.slice(1)) {
      const furniture = page.blocks.filter((b) => b.kind === 'page-header');
      expect(furniture.map((b) => b.lines[0]!.text)).toEqual([String(page.number)]);
    }
  });

  it('puts provenance (page, bounding box, line) on every line', () => {
    for (const page of doc.pages)
      for (const line of page.blocks.flatMap((b) => b.lines)) {
        expect(line.prov.page).toBe(page.number);
        expect(line.prov.bbox!.x1).toBeGreaterThan(line.prov.bbox!.x0);
        expect(line.prov.line).toBeGreaterThan(0);
      }
  });

  it('refuses text layers that are empty or in a broken encoding', () => {
    expect(textLayerUsable('Quyết định số 350/QĐ-TTg phê duyệt Đề án Chuyển đổi số toàn diện lĩnh vực Nội vụ')).toBe(true);
    expect(textLayerUsable('  12  ')).toBe(false);
    // A legacy TCVN3 font read as if it were Latin-1.
    expect(textLayerUsable('Quy Õt ®Þnh sè 350/Q§-TTg phª duyÖt §Ò ¸n ChuyÓn ®æi sè toµn diÖn lÜnh vùc Néi vô')).toBe(false);
  });
});

describe('appendix table rebuilt from geometry (born-digital)', () => {
  let tables: Table[];
  let gold: Extract<ReturnType<typeof parseCleanText>[number], { kind: 'table' }>;
  beforeAll(async () => {
    const doc = await ingest({ name: 'phu-luc.pdf', bytes: await renderBornDigitalPdf(appendix) });
    tables = doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.table ? [b.table] : [])));
    gold = parseCleanText(appendix).find((i) => i.kind === 'table') as typeof gold;
  });

  it('is one table over all its pages, with the header once', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0]!.header).toEqual(gold.header);
    expect(new Set(tables[0]!.rows.map((r) => r.page)).size).toBeGreaterThan(5);
  });

  it('has the gold rows: same STT sequence, same cell texts, section rows as one merged cell', () => {
    const rows = tables[0]!.rows.map((r) => gold.header.map((_, k) => r.cells.find((c) => c.column === k)?.lines.map((l) => l.text).join(' ') ?? ''));
    expect(rows.map((r) => r[0])).toEqual(gold.rows.map((r) => r[0]));
    expect(rows.map((r) => r.map(squash))).toEqual(gold.rows.map((r) => r.map(squash)));
  });

  it('joins a row cut by a page break to its first half, leaving no fragment', () => {
    const pagesOf = (r: Table['rows'][number]): number => new Set(r.cells.flatMap((c) => c.lines.map((l) => l.prov.page))).size;
    expect(tables[0]!.rows.filter((r) => pagesOf(r) === 2).length).toBeGreaterThan(0);
    // No fragment is left as a row of its own: every row has its label in the numbering cell.
    expect(tables[0]!.rows.every((r) => r.cells.some((c) => c.column === 0))).toBe(true);
  });

  it('puts page and bounding box on every cell line', () => {
    for (const row of tables[0]!.rows)
      for (const line of row.cells.flatMap((c) => c.lines)) {
        expect(line.prov.page).toBeGreaterThanOrEqual(row.page);
        expect(line.prov.bbox).toBeDefined();
      }
  });
});
