import type { Block, Line } from '../model/document.ts';

/**
 * Side-by-side columns in space-aligned text: the issuer beside the national motto, the number
 * beside the place and date, the recipients beside the signer. A text line holds both columns,
 * which read as one run-on line (`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI…`); a PDF page gives them as
 * separate blocks, and so does this.
 */

/** A gap this wide parts two columns: the page layout's gutter, two word heights (four characters). */
const COLUMN_GAP = 4;

/** A line's text in runs parted by column gaps, with their character positions. */
interface Run {
  text: string;
  x0: number;
  x1: number;
}

function runsOf(text: string): Run[] {
  const chars = [...text];
  const runs: Run[] = [];
  let x = 0;
  while (x < chars.length) {
    while (x < chars.length && /\s/u.test(chars[x]!)) x++;
    if (x >= chars.length) break;
    const x0 = x;
    let x1 = x;
    for (let spaces = 0; x < chars.length && spaces < COLUMN_GAP; x++) {
      if (/\s/u.test(chars[x]!)) spaces++;
      else {
        spaces = 0;
        x1 = x + 1;
      }
    }
    runs.push({ text: chars.slice(x0, x1).join(''), x0, x1 });
    x = x1;
  }
  return runs;
}

/**
 * A block of text lines read as two columns when it is set so: every line holds one or two runs,
 * at least one holds two, and one position parts them all (no run crosses it; a lone run is in
 * the column it starts in, unless it lies wholly between the two). The left column's
 * lines come first, then the right column's, each at its file line with a box in character cells.
 * Any other block is returned as it is.
 */
export function sideBySideColumns(block: Block): Block[] {
  const lines = block.lines.map((line) => ({ line, runs: runsOf(line.text) }));
  if (!lines.some((l) => l.runs.length === 2) || lines.some((l) => l.runs.length > 2)) return [block];
  const pairs = lines.filter((l) => l.runs.length === 2);
  // The parting position: right of every left run, left of every right run.
  let lo = Math.max(...pairs.map((l) => l.runs[0]!.x1));
  let hi = Math.min(...pairs.map((l) => l.runs[1]!.x0));
  for (const { runs } of lines) {
    if (runs.length !== 1) continue;
    const r = runs[0]!;
    if (r.x0 < lo) lo = Math.max(lo, r.x1);
    else if (r.x1 > hi) hi = Math.min(hi, r.x0);
  }
  // A full-width line crosses every parting position: the block is not two columns.
  if (lo > hi) return [block];
  const column = (right: boolean): Line[] =>
    lines.flatMap(({ line, runs }) =>
      runs.filter((r) => r.x0 >= hi === right).map((r) => ({ text: r.text, prov: { ...line.prov, bbox: { x0: r.x0, x1: r.x1, y0: line.prov.line - 1, y1: line.prov.line } } })),
    );
  return [column(false), column(true)].filter((c) => c.length > 0).map((c) => ({ ...block, lines: c }));
}
