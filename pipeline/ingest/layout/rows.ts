import type { BBox } from '../../model/document.ts';
import { height, median, overlap, unionBox, type Word } from '../geometry.ts';

/** Words sharing a baseline band, left to right: one visual row of the page (may span columns). */
export interface Row {
  words: Word[];
  bbox: BBox;
}

/** A run of words in a row with no wide gap: a line of one column or one table cell. */
export interface Segment {
  words: Word[];
  bbox: BBox;
  text: string;
  /** Median top and bottom of its words: the line's body, unmoved by a tall mark or a speck. */
  top: number;
  bottom: number;
}

/** Typical word height on a page: the unit every layout threshold is measured in. */
export function typicalHeight(words: readonly Word[]): number {
  return median(words.map((w) => height(w.bbox))) || 1;
}

/**
 * Groups words into rows: a word joins the row whose vertical band it overlaps by at least half
 * of the smaller height, so accents and descenders do not split a line and slight skew does not merge two.
 */
export function groupRows(words: readonly Word[]): Row[] {
  const sorted = [...words].sort((a, b) => (a.bbox.y0 + a.bbox.y1) / 2 - (b.bbox.y0 + b.bbox.y1) / 2);
  const rows: { words: Word[]; y0: number; y1: number }[] = [];
  for (const w of sorted) {
    const h = height(w.bbox);
    const row = rows.findLast((r) => overlap(r.y0, r.y1, w.bbox.y0, w.bbox.y1) >= 0.5 * Math.min(h, r.y1 - r.y0));
    if (row) {
      row.words.push(w);
      // The band follows the row's core rather than growing with every tall glyph.
      row.y0 = median(row.words.map((x) => x.bbox.y0));
      row.y1 = median(row.words.map((x) => x.bbox.y1));
    } else rows.push({ words: [w], y0: w.bbox.y0, y1: w.bbox.y1 });
  }
  return rows
    .map((r) => {
      const ws = r.words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
      return { words: ws, bbox: unionBox(ws.map((x) => x.bbox)) };
    })
    .sort((a, b) => a.bbox.y0 - b.bbox.y0);
}

/** Splits a row into segments wherever the gap between neighbouring words exceeds `maxGap`. */
export function splitRow(row: Row, maxGap: number): Segment[] {
  const out: Segment[] = [];
  let current: Word[] = [];
  for (const w of row.words) {
    const last = current.at(-1);
    if (last && w.bbox.x0 - last.bbox.x1 > maxGap) {
      out.push(segment(current));
      current = [];
    }
    current.push(w);
  }
  if (current.length > 0) out.push(segment(current));
  return out;
}

/** A segment from words already in reading order. */
export function segment(words: Word[]): Segment {
  return {
    words,
    bbox: unionBox(words.map((w) => w.bbox)),
    text: words.map((w) => w.text).join(' '),
    top: median(words.map((w) => w.bbox.y0)),
    bottom: median(words.map((w) => w.bbox.y1)),
  };
}
