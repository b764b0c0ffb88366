import { PDFDocument, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../pipeline/ingest/pdf/open.ts';
import { pageRules } from '../pipeline/ingest/pdf/rules.ts';
import type { BBox } from '../pipeline/model/document.ts';

/** Rules as found, each checked against where it was drawn to within a pen's width. */
function expectRules(found: BBox[], drawn: number[][]): void {
  expect(found).toHaveLength(drawn.length);
  found.forEach((b, i) => [b.x0, b.y0, b.x1, b.y1].forEach((v, k) => expect(Math.abs(v - drawn[i]![k]!)).toBeLessThanOrEqual(1)));
}

describe('ruling lines of a born-digital page', () => {
  it('finds stroked lines, thin filled rectangles and outlined boxes, joins a border drawn cell by cell, and skips what is no rule', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([600, 800]);
    // A stroked rule 100 pt from the top (PDF space counts from the bottom).
    page.drawLine({ start: { x: 50, y: 700 }, end: { x: 550, y: 700 }, thickness: 1 });
    // A border as word processors draw it: thin filled rectangles, cell by cell, end to end.
    for (const [x, w] of [[50, 200], [250, 150], [400, 150]] as const) page.drawRectangle({ x, y: 600, width: w, height: 0.5, color: rgb(0, 0, 0) });
    // A vertical rule drawn as a thin rectangle, and an outlined box (four rules).
    page.drawRectangle({ x: 300, y: 300, width: 0.5, height: 200, color: rgb(0, 0, 0) });
    page.drawRectangle({ x: 100, y: 100, width: 200, height: 100, borderWidth: 1, borderColor: rgb(0, 0, 0) });
    // Not rules: a shaded cell, a short dash.
    page.drawRectangle({ x: 350, y: 100, width: 100, height: 40, color: rgb(0.9, 0.9, 0.9) });
    page.drawLine({ start: { x: 500, y: 150 }, end: { x: 503, y: 150 }, thickness: 1 });
    const pdf = await openPdf(await doc.save(), 'rules.pdf');
    const rules = await pageRules(await pdf.getPage(1));
    await pdf.destroy();
    expectRules(rules.horizontal, [
      [50, 100, 550, 100],
      [50, 200, 550, 200],
      [100, 600, 300, 600],
      [100, 700, 300, 700],
    ]);
    expectRules(rules.vertical, [
      [100, 600, 100, 700],
      [300, 600, 300, 700],
      [300, 300, 300, 500],
    ]);
  });
});
