import { OPS, Util, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { BBox } from '../../model/document.ts';
import { unionBox, type Rules } from '../geometry.ts';

/** pdf.js path data: each drawing operator's code followed by its coordinates (pdf.js does not export these codes). */
const PATH = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
/** Coordinates after each path code. */
const ARGS = [2, 2, 6, 4, 0];

/** A painted shape thinner than this (points) is a ruling line, however it was drawn. */
const MAX_RULE_THICKNESS = 3;
/** Shorter marks are bullets, underscores or glyph pieces, not table borders. */
const MIN_RULE_LENGTH = 6;
/** Pieces of one line drawn cell by cell meet end to end; a gap wider than this is a real break. */
const JOIN_GAP = 1.5;

type Matrix = [number, number, number, number, number, number];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The straight pieces of one path by subpath, each as the box it spans in page space (origin
 * top-left): each lineTo, and the edge a closePath draws back to the start.
 */
function pathPieces(data: ArrayLike<number>, m: Matrix): BBox[][] {
  const subpaths: BBox[][] = [];
  let start: [number, number] | undefined;
  let at: [number, number] | undefined;
  const line = (to: [number, number]): void => {
    if (at) subpaths.at(-1)?.push({ x0: Math.min(at[0], to[0]), y0: Math.min(at[1], to[1]), x1: Math.max(at[0], to[0]), y1: Math.max(at[1], to[1]) });
    at = to;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++]!;
    if (code === PATH.moveTo) {
      at = start = apply(m, data[i]!, data[i + 1]!);
      subpaths.push([]);
    } else if (code === PATH.lineTo) line(apply(m, data[i]!, data[i + 1]!));
    else if (code === PATH.closePath && start) line(start);
    else if (code === PATH.curveTo || code === PATH.quadraticCurveTo) at = apply(m, data[i + ARGS[code]! - 2]!, data[i + ARGS[code]! - 1]!);
    i += ARGS[code] ?? 0;
  }
  return subpaths.filter((p) => p.length > 0);
}

/** The direction of a box that is a ruling line (a stroked piece widened by the pen, or a thin filled shape), if it is one. */
function ruleDirection(b: BBox): 'horizontal' | 'vertical' | undefined {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) return 'horizontal';
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) return 'vertical';
  return undefined;
}

/** Collinear pieces of one line meeting end to end (a border drawn cell by cell) as one rule. */
function joined(boxes: BBox[], dir: 'horizontal' | 'vertical'): BBox[] {
  const [along0, along1, across0, across1] = dir === 'horizontal' ? (['x0', 'x1', 'y0', 'y1'] as const) : (['y0', 'y1', 'x0', 'x1'] as const);
  const sorted = [...boxes].sort((a, b) => a[across0] - b[across0] || a[along0] - b[along0]);
  const out: BBox[] = [];
  for (const b of sorted) {
    const same = out.find((o) => Math.abs(o[across0] - b[across0]) <= 1 && Math.abs(o[across1] - b[across1]) <= 1 && b[along0] <= o[along1] + JOIN_GAP && b[along1] >= o[along0] - JOIN_GAP);
    if (same) {
      same[along0] = Math.min(same[along0], b[along0]);
      same[along1] = Math.max(same[along1], b[along1]);
    } else out.push({ ...b });
  }
  return out;
}

/**
 * The ruling lines a born-digital page draws (table borders), in the same space as its text
 * layer: stroked lines and rectangles, and the thin filled rectangles word processors draw
 * borders with. Table reading then follows the rules, as it does on a scan.
 */
export async function pageRules(page: PDFPageProxy): Promise<Rules> {
  const viewport = page.getViewport({ scale: 1 });
  const list = await page.getOperatorList();
  // The graphics state rules depend on, saved and restored as the page's operators say.
  const saved: { ctm: Matrix; lineWidth: number }[] = [];
  let ctm = viewport.transform as Matrix;
  let lineWidth = 1;
  const save = (): void => {
    saved.push({ ctm, lineWidth });
  };
  const restore = (): void => {
    const state = saved.pop();
    if (state) ({ ctm, lineWidth } = state);
  };
  const horizontal: BBox[] = [];
  const vertical: BBox[] = [];
  const add = (b: BBox): void => {
    const dir = ruleDirection(b);
    if (dir) (dir === 'horizontal' ? horizontal : vertical).push(b);
  };
  list.fnArray.forEach((fn, k) => {
    const args = list.argsArray[k] as unknown[];
    if (fn === OPS.save) save();
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) restore();
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintFormXObjectBegin) {
      save();
      if (Array.isArray(args[0])) ctm = Util.transform(ctm, args[0] as Matrix) as Matrix;
    } else if (fn === OPS.setLineWidth) lineWidth = args[0] as number;
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = args as [number, [ArrayLike<number> | null]];
      if (!data) return;
      const subpaths = pathPieces(data, ctm);
      if (paint === OPS.stroke || paint === OPS.closeStroke) {
        // The pen's width in page space (a uniform scale is all tables use).
        const pen = Math.max(lineWidth * Math.hypot(ctm[0], ctm[1]), 0.1) / 2;
        for (const p of subpaths.flat()) add({ x0: p.x0 - pen, y0: p.y0 - pen, x1: p.x1 + pen, y1: p.y1 + pen });
      } else if (paint !== OPS.endPath) {
        // A filled shape: its outline's box (a thin rectangle is a rule, a shaded cell is not).
        for (const p of subpaths) add(unionBox(p));
      }
    }
  });
  return { horizontal: joined(horizontal, 'horizontal'), vertical: joined(vertical, 'vertical') };
}
