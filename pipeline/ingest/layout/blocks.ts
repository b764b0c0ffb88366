import type { BBox } from '../../model/document.ts';
import { overlap, unionBox } from '../geometry.ts';
import type { Segment } from './rows.ts';

/** A paragraph-like group of segments, top to bottom. */
export interface TextBlock {
  segments: Segment[];
  bbox: BBox;
}

/**
 * Groups segments (already split at column gutters) into blocks: a segment continues the block
 * above it when it sits right under it (gap below a paragraph break) and overlaps it horizontally,
 * unless it is indented like the first line of a new paragraph.
 * @param h typical word height of the page
 */
export function groupBlocks(segments: readonly Segment[], h: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  const sorted = [...segments].sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  for (const s of sorted) {
    const block = blocks.findLast((b) => continues(b, s, h));
    if (block) {
      block.segments.push(s);
      block.bbox = unionBox([block.bbox, s.bbox]);
    } else blocks.push({ segments: [s], bbox: s.bbox });
  }
  return orderBlocks(blocks);
}

function continues(block: TextBlock, s: Segment, h: number): boolean {
  const last = block.segments.at(-1)!;
  const gap = s.top - last.bottom;
  if (gap < -0.3 * h || gap > 0.65 * h) return false;
  // Against the whole block: a short last line may sit left of an indented first line.
  if (overlap(block.bbox.x0, block.bbox.x1, s.bbox.x0, s.bbox.x1) <= 0) return false;
  const indented = s.bbox.x0 - block.bbox.x0 > 1.2 * h;
  const centred = Math.abs((s.bbox.x0 + s.bbox.x1) / 2 - (last.bbox.x0 + last.bbox.x1) / 2) < h;
  return !indented || centred;
}

/**
 * Reading order: blocks side by side (such as the issuer and the national motto) form a band
 * read left to right, bands top to bottom. A block joins the band above only when it sits beside
 * every block of it, not under one (blocks of one column that touch stay in order).
 */
export function orderBlocks(blocks: readonly TextBlock[]): TextBlock[] {
  const sorted = [...blocks].sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const bands: { y1: number; blocks: TextBlock[] }[] = [];
  for (const b of sorted) {
    const band = bands.at(-1);
    const beside = band?.blocks.every((o) => overlap(o.bbox.x0, o.bbox.x1, b.bbox.x0, b.bbox.x1) <= 0);
    if (band && beside && b.bbox.y0 < band.y1) {
      band.blocks.push(b);
      band.y1 = Math.max(band.y1, b.bbox.y1);
    } else bands.push({ y1: b.bbox.y1, blocks: [b] });
  }
  return bands.flatMap((band) => band.blocks.sort((a, b) => a.bbox.x0 - b.bbox.x0));
}
