import type { Block, Line } from '../model/document.ts';
import { GUTTER } from './layout/index.ts';
import { splitRow } from './layout/rows.ts';
import { CELL_HEIGHT, inCharacterCells, textRow } from './text-geometry.ts';

/**
 * Side-by-side columns in space-aligned text: the issuer beside the national motto, the number
 * beside the place and date, the recipients beside the signer. A text line holds both columns,
 * which read as one run-on line (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…`); a PDF page gives them as
 * separate blocks, and so does this.
 */

/**
 * A block of text lines read as two columns when it is set so: every line holds one or two runs
 * parted by a gutter (as wide as on a PDF page), at least one holds two, and one position parts
 * them all (no run crosses it; a lone run is in the column it starts in, unless it lies wholly
 * between the two). The left column's lines come first, then the right column's, each at its
 * file line with a box in character cells. Any other block is returned as it is.
 */
export function sideBySideColumns(block: Block): Block[] {
  const lines = block.lines.map((line) => ({ line, runs: splitRow(textRow(line), GUTTER * CELL_HEIGHT) }));
  if (!lines.some((l) => l.runs.length === 2) || lines.some((l) => l.runs.length > 2)) return [block];
  const pairs = lines.filter((l) => l.runs.length === 2);
  // The parting position: right of every left run, left of every right run.
  let lo = Math.max(...pairs.map((l) => l.runs[0]!.bbox.x1));
  let hi = Math.min(...pairs.map((l) => l.runs[1]!.bbox.x0));
  for (const { runs } of lines) {
    if (runs.length !== 1) continue;
    const { x0, x1 } = runs[0]!.bbox;
    if (x0 < lo) lo = Math.max(lo, x1);
    else if (x1 > hi) hi = Math.min(hi, x0);
  }
  // A full-width line crosses every parting position: the block is not two columns.
  if (lo > hi) return [block];
  const column = (right: boolean): Line[] =>
    lines.flatMap(({ line, runs }) => runs.filter((r) => r.bbox.x0 >= hi === right).map((r) => ({ text: r.text, prov: inCharacterCells({ ...line.prov, bbox: r.bbox }) })));
  return [column(false), column(true)].filter((c) => c.length > 0).map((c) => ({ ...block, lines: c }));
}
