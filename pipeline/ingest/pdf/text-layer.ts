import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PageWords, Word } from '../geometry.ts';

/**
 * The words of a page's text layer in PDF points, origin top-left. Text items are split at spaces,
 * each word's box taken in proportion to its share of the item's characters.
 */
export async function textLayerWords(page: PDFPageProxy): Promise<PageWords> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    words.push(...itemWords(item, viewport.transform));
  }
  return { width: viewport.width, height: viewport.height, words };
}

function itemWords(item: TextItem, vt: number[]): Word[] {
  const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
  // Baseline origin and font size in viewport (top-left) space.
  const x = vt[0]! * e + vt[2]! * f + vt[4]!;
  const y = vt[1]! * e + vt[3]! * f + vt[5]!;
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  const text = item.str.normalize('NFC');
  // Widths are shared out by characters, a space counting as a narrow one (as in text fonts).
  const units = (t: string): number => t.length - 0.45 * (t.match(/ /g)?.length ?? 0);
  const perUnit = item.width / Math.max(1, units(text));
  const out: Word[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const x0 = x + units(text.slice(0, m.index)) * perUnit;
    out.push({ text: m[0], bbox: { x0, y0: y - 0.8 * size, x1: x0 + m[0].length * perUnit, y1: y + 0.2 * size } });
  }
  return out;
}

/** The text layer as plain text, for the usability check. */
export const wordsText = (words: readonly Word[]): string => words.map((w) => w.text).join(' ');
