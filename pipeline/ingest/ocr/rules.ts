import type { Rules } from '../geometry.ts';
import type { GrayImage } from '../pgm.ts';

/** Darker than this may be part of a rule: thin rules come out light grey once a scan blurs them. */
const RULE_INK = 200;
/** Pixels this far across a rule, still a little darker than paper, are its blurred edge. */
const HALO = 2;
const HALO_INK = 235;

interface Run {
  line: number;
  start: number;
  end: number;
}

/**
 * Finds the ruling lines of tables (and underlines) in a deskewed raster and whitens them in
 * place: runs of ink longer than `minRun` pixels along a row (horizontal rules) or a column
 * (vertical rules), with their blurred edges. Letters are far shorter than a rule, so they
 * survive; OCR then reads cells without the bars and dashes it makes of rules, and the layout
 * gets the rules' positions to rebuild table grids.
 * @param minRun shortest rule, in pixels (about 0.4 inch at the scan's resolution)
 */
export function extractRulingLines(image: GrayImage, minRun: number): Rules {
  const { pixels, width, height } = image;
  // Marked first, erased after both passes, so a cell's corner does not cut the crossing rule in two.
  const erase = new Uint8Array(pixels.length);
  const scan = (count: number, length: number, at: (line: number, k: number) => number): Run[] => {
    const runs: Run[] = [];
    for (let line = 0; line < count; line++) {
      let start = -1;
      for (let k = 0; k <= length; k++) {
        const dark = k < length && pixels[at(line, k)]! < RULE_INK;
        if (dark && start < 0) start = k;
        if (dark || start < 0) continue;
        if (k - start >= minRun) {
          runs.push({ line, start, end: k });
          for (let j = start; j < k; j++)
            for (let d = -HALO; d <= HALO; d++) {
              const across = line + d;
              if (across < 0 || across >= count) continue;
              const i = at(across, j);
              if (d === 0 || pixels[i]! < HALO_INK) erase[i] = 1;
            }
        }
        start = -1;
      }
    }
    return runs;
  };
  const horizontal = mergeRuns(scan(height, width, (y, x) => y * width + x)).map((r) => ({ x0: r.start, x1: r.end, y0: r.first, y1: r.line + 1 }));
  const vertical = mergeRuns(scan(width, height, (x, y) => y * width + x)).map((r) => ({ y0: r.start, y1: r.end, x0: r.first, x1: r.line + 1 }));
  for (let i = 0; i < pixels.length; i++) if (erase[i]) pixels[i] = 255;
  return { horizontal, vertical };
}

/** Runs closer than this along a rule are one rule broken by a light spot of the scan. */
const BREAK = 40;

/** Runs on neighbouring lines that overlap (or nearly meet) are one rule, several pixels thick. */
function mergeRuns(runs: readonly Run[]): (Run & { first: number })[] {
  const rules: (Run & { first: number })[] = [];
  for (const run of runs) {
    const rule = rules.find((r) => run.line - r.line <= 2 && run.start < r.end + BREAK && run.end > r.start - BREAK);
    if (rule) {
      rule.line = run.line;
      rule.start = Math.min(rule.start, run.start);
      rule.end = Math.max(rule.end, run.end);
    } else rules.push({ ...run, first: run.line });
  }
  return rules;
}
