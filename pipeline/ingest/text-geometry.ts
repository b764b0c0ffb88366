import type { Line, Provenance } from '../model/document.ts';
import type { Word } from './geometry.ts';
import type { Row } from './layout/rows.ts';

/**
 * Space-aligned text as word geometry: one unit per character of width. A character cell is
 * {@link CELL_HEIGHT} high and lines are {@link LINE_PITCH} apart, the proportions of printed
 * text the layout thresholds are set for: one space is then a word space (half a word height),
 * two or more a gutter; lines follow each other closely and one blank line is a paragraph break.
 */
export const CELL_HEIGHT = 2;
const LINE_PITCH = 3;

/** A text line as a row of words placed by character position, at its line in the file. */
export function textRow(line: Line): Row {
  const chars = [...line.text];
  const words: Word[] = [];
  const y0 = (line.prov.line - 1) * LINE_PITCH;
  for (let x = 0; x < chars.length; ) {
    if (/\s/u.test(chars[x]!)) {
      x++;
      continue;
    }
    const start = x;
    while (x < chars.length && !/\s/u.test(chars[x]!)) x++;
    words.push({ text: chars.slice(start, x).join(''), bbox: { x0: start, x1: x, y0, y1: y0 + CELL_HEIGHT } });
  }
  const bbox = { x0: words[0]?.bbox.x0 ?? 0, x1: words.at(-1)?.bbox.x1 ?? 0, y0, y1: y0 + CELL_HEIGHT };
  return { words, bbox };
}

/**
 * Provenance of text read from such geometry: its file line (1-based), and its box in character
 * cells (x: 0-based column, y: 0-based line).
 */
export function inCharacterCells(prov: Provenance): Provenance {
  if (!prov.bbox) return prov;
  const line = Math.round(prov.bbox.y0 / LINE_PITCH) + 1;
  return { ...prov, line, bbox: { x0: prov.bbox.x0, x1: prov.bbox.x1, y0: line - 1, y1: line } };
}
