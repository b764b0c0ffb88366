import type { GrayImage } from '../pgm.ts';

/** Side of the square cells the paper's brightness is sampled in, in inches (about 2.5 mm). */
const CELL_INCHES = 0.1;
/**
 * Cells whose paper is darker than the page's brightest paper by more than this (grey levels) make
 * a page unevenly lit. Flatbed scans of loose sheets vary by about 10; a shadow at a bound spine,
 * a phone photo's falloff or a scanner lid left open vary by 50 to 150.
 */
const UNEVEN = 40;

/** The brightest pixel of each cell: where a cell holds any paper, that is the paper. */
function cellMaxima(image: GrayImage, cell: number): GrayImage {
  const width = Math.ceil(image.width / cell);
  const height = Math.ceil(image.height / cell);
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < image.height; y++) {
    const row = y * image.width;
    const out = Math.floor(y / cell) * width;
    for (let x = 0; x < image.width; x++) {
      const v = image.pixels[row + x]!;
      const k = out + Math.floor(x / cell);
      if (v > pixels[k]!) pixels[k] = v;
    }
  }
  return { width, height, pixels };
}

/**
 * Each cell's paper as the brightest of its neighbourhood: a cell wholly under ink (a bold
 * title's letter, a thick rule) takes the paper beside it instead of its ink.
 */
function spreadPaper(cells: GrayImage, reach: number): GrayImage {
  const { width, height } = cells;
  const across = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let d = Math.max(0, x - reach); d <= Math.min(width - 1, x + reach); d++) m = Math.max(m, cells.pixels[y * width + d]!);
      across[y * width + x] = m;
    }
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let m = 0;
      for (let d = Math.max(0, y - reach); d <= Math.min(height - 1, y + reach); d++) m = Math.max(m, across[d * width + x]!);
      pixels[y * width + x] = m;
    }
  return { width, height, pixels };
}

/** The q-quantile of a raster's values. */
function quantile(pixels: Uint8Array, q: number): number {
  const counts = new Uint32Array(256);
  for (const v of pixels) counts[v]!++;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!;
    if (seen >= q * pixels.length) return v;
  }
  return 255;
}

/**
 * Evens out a page whose paper is unevenly lit (the shadow of a bound spine, a photo's falloff):
 * the engine parts ink from paper with one threshold for the whole page, and a shadowed region
 * reads as all ink (a page darkened by 40% at one corner lost 70% of its characters). The paper's
 * brightness is estimated on a coarse grid and every pixel divided by it. An evenly lit page is
 * returned as it is, so ordinary scans are read exactly as before.
 */
export function flattenBackground(image: GrayImage, dpi: number): GrayImage {
  const cell = Math.max(8, Math.round(CELL_INCHES * dpi));
  const paper = spreadPaper(cellMaxima(image, cell), 2);
  // The darkest paper that is not a border or a photo's black corner, against the brightest.
  if (quantile(paper.pixels, 0.98) - quantile(paper.pixels, 0.05) <= UNEVEN) return image;
  const { width, height } = image;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    // Bilinear interpolation between cell centres, so no cell edge shows as a step.
    const gy = Math.min(paper.height - 1, Math.max(0, (y + 0.5) / cell - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(paper.height - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < width; x++) {
      const gx = Math.min(paper.width - 1, Math.max(0, (x + 0.5) / cell - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(paper.width - 1, x0 + 1);
      const fx = gx - x0;
      const p = paper.pixels;
      const top = p[y0 * paper.width + x0]! * (1 - fx) + p[y0 * paper.width + x1]! * fx;
      const bottom = p[y1 * paper.width + x0]! * (1 - fx) + p[y1 * paper.width + x1]! * fx;
      const background = Math.max(1, top * (1 - fy) + bottom * fy);
      pixels[y * width + x] = Math.min(255, Math.round((image.pixels[y * width + x]! * 255) / background));
    }
  }
  return { width, height, pixels };
}
