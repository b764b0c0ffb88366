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
 * (vertical rules; shorter pieces too on the line of such a column rule, see
 * {@link alignedWithRules}), with their blurred edges. Letters are far shorter than a rule, so they
 * survive; OCR then reads cells without the bars and dashes it makes of rules, and the layout
 * gets the rules' positions to rebuild table grids.
 * @param minRun shortest rule, in pixels (about 0.4 inch at the scan's resolution)
 */
export function extractRulingLines(image: GrayImage, minRun: number): Rules {
  const { pixels, width, height } = image;
  const scan = (count: number, length: number, at: (line: number, k: number) => number, shortest: number): Run[] => {
    const runs: Run[] = [];
    for (let line = 0; line < count; line++) {
      let start = -1;
      for (let k = 0; k <= length; k++) {
        const dark = k < length && pixels[at(line, k)]! < RULE_INK;
        if (dark && start < 0) start = k;
        if (dark || start < 0) continue;
        if (k - start >= shortest) runs.push({ line, start, end: k });
        start = -1;
      }
    }
    return runs;
  };
  // Marked first, erased after both directions are found, so a cell's corner does not cut the crossing rule in two.
  const erase = new Uint8Array(pixels.length);
  const mark = (rule: MergedRun, count: number, at: (line: number, k: number) => number): void => {
    for (const run of rule.runs)
      for (let j = run.start; j < run.end; j++)
        for (let d = -HALO; d <= HALO; d++) {
          const across = run.line + d;
          if (across < 0 || across >= count) continue;
          const i = at(across, j);
          if (d === 0 || pixels[i]! < HALO_INK) erase[i] = 1;
        }
  };
  const rowAt = (y: number, x: number): number => y * width + x;
  const columnAt = (x: number, y: number): number => y * width + x;
  const horizontalRules = mergeRuns(scan(height, width, rowAt, minRun)).filter((r) => !isTextBaseline(image, r));
  const verticalRules = mergeRuns(alignedWithRules(scan(width, height, columnAt, Math.round(SHORT_RULE * minRun)), minRun));
  for (const r of horizontalRules) mark(r, height, rowAt);
  for (const r of verticalRules) mark(r, width, columnAt);
  for (let i = 0; i < pixels.length; i++) if (erase[i]) pixels[i] = 255;
  return {
    horizontal: horizontalRules.map((r) => ({ x0: r.start, x1: r.end, y0: r.first, y1: r.line + 1 })),
    vertical: verticalRules.map((r) => ({ y0: r.start, y1: r.end, x0: r.first, x1: r.line + 1 })),
  };
}

/**
 * A vertical run this share of the shortest rule is a rule too where it continues a full rule's line:
 * a column rule broken at every row (rows drawn as boxes of their own, a faded scan) is that short
 * across a one-line row, such as the header. A letter's stem is shorter still, and never on a rule's line.
 * Joining the pieces along the line first would not do: a merged cell (a section title across the
 * columns) leaves a gap in every inner column rule, so the header's piece would stand alone.
 */
const SHORT_RULE = 0.5;
/** Pixels across by which a short run may miss the line of a full rule it continues. */
const ALIGN = 2;

/** The runs at least `minRun` long, and the shorter ones on (within {@link ALIGN} of) the line of one of those. */
function alignedWithRules(runs: readonly Run[], minRun: number): Run[] {
  const ruled = new Set(runs.filter((r) => r.end - r.start >= minRun).map((r) => r.line));
  const onRule = (line: number): boolean => {
    for (let d = -ALIGN; d <= ALIGN; d++) if (ruled.has(line + d)) return true;
    return false;
  };
  return runs.filter((r) => r.end - r.start >= minRun || onRule(r.line));
}

/** Runs closer than this along a rule are one rule broken by a light spot of the scan. */
const BREAK = 40;

/** Runs merged into one rule: its first and last line, its extent along them, and the runs themselves. */
interface MergedRun extends Run {
  first: number;
  runs: Run[];
}

/**
 * Runs on neighbouring lines that overlap (or nearly meet) are one rule, several pixels thick. A run
 * touching several rules joins them: a blurred rule's faint first line comes as pieces, which the
 * solid lines under it bind into one rule instead of leaving them as short rules of their own.
 */
function mergeRuns(runs: readonly Run[]): MergedRun[] {
  let rules: MergedRun[] = [];
  for (const run of runs) {
    const touching = rules.filter((r) => run.line - r.line <= 2 && run.start < r.end + BREAK && run.end > r.start - BREAK);
    if (touching.length === 0) {
      rules.push({ ...run, first: run.line, runs: [run] });
      continue;
    }
    const [rule, ...others] = touching as [MergedRun, ...MergedRun[]];
    for (const part of [...others, { ...run, first: run.line, runs: [run] }]) {
      rule.first = Math.min(rule.first, part.first);
      rule.line = Math.max(rule.line, part.line);
      rule.start = Math.min(rule.start, part.start);
      rule.end = Math.max(rule.end, part.end);
      rule.runs.push(...part.runs);
    }
    if (others.length > 0) rules = rules.filter((r) => !others.includes(r));
  }
  return rules;
}

/** How far above and below a horizontal rule its sides are looked at, in pixels. */
const SIDE = 6;
/** A rule with ink right beside it along more than this share of its length is a line of text. */
const TEXT_SIDE = 0.25;

/**
 * Whether a horizontal run of ink is the baseline of a line of text rather than a rule: in bold,
 * blurred type the serifs and feet of neighbouring letters join into a long dark run, but letter
 * stems stand right on it, where a rule has paper on both sides. Erasing it would cut the feet off
 * every letter of the line.
 */
function isTextBaseline({ pixels, width, height }: GrayImage, rule: MergedRun): boolean {
  const above = rule.first - SIDE;
  const below = rule.line + SIDE;
  let inked = 0;
  for (let x = rule.start; x < rule.end; x++) {
    const up = above >= 0 && pixels[above * width + x]! < RULE_INK;
    const down = below < height && pixels[below * width + x]! < RULE_INK;
    if (up || down) inked++;
  }
  return inked > TEXT_SIDE * (rule.end - rule.start);
}
