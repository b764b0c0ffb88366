import type { GrayImage } from '../pgm.ts';

/** Darker than this may be part of a rule: thin rules come out light grey once a scan blurs them. */
const RULE_INK = 200;
/** Pixels this far across a rule, still a little darker than paper, are its blurred edge. */
const HALO = 2;
const HALO_INK = 235;

/**
 * Whitens the ruling lines of tables and underlines in place: runs of ink longer than `minRun`
 * pixels along a row (horizontal rules) or a column (vertical rules), with their blurred edges.
 * Letters are far shorter than a rule, so they survive; OCR then reads cells without the bars
 * and dashes it makes of rules.
 * @param minRun shortest rule, in pixels (about 0.4 inch at the scan's resolution)
 */
export function eraseRulingLines(image: GrayImage, minRun: number): void {
  const { pixels, width, height } = image;
  // Marked first, erased after both passes, so a cell's corner does not cut the crossing rule in two.
  const erase = new Uint8Array(pixels.length);
  const scan = (count: number, length: number, at: (line: number, k: number) => number): void => {
    for (let line = 0; line < count; line++) {
      let start = -1;
      for (let k = 0; k <= length; k++) {
        const dark = k < length && pixels[at(line, k)]! < RULE_INK;
        if (dark && start < 0) start = k;
        if (dark || start < 0) continue;
        if (k - start >= minRun)
          for (let j = start; j < k; j++)
            for (let d = -HALO; d <= HALO; d++) {
              const across = line + d;
              if (across < 0 || across >= count) continue;
              const i = at(across, j);
              if (d === 0 || pixels[i]! < HALO_INK) erase[i] = 1;
            }
        start = -1;
      }
    }
  };
  scan(height, width, (y, x) => y * width + x);
  scan(width, height, (x, y) => y * width + x);
  for (let i = 0; i < pixels.length; i++) if (erase[i]) pixels[i] = 255;
}
