import type { BBox } from '../../model/document.ts';
import { height, median, overlap, unionBox, type Word } from '../geometry.ts';
import type { GrayImage } from '../pgm.ts';


/**
 * Lines of ink in a piece that no recognized word covers. Reading a block, tesseract now and then
 * leaves out a whole line, most often a short last line of a cell ("công.", "tin."); the words are
 * then simply missing from the row. Rows of pixels holding ink that no word's box spans are
 * gathered into bands; bands lower than half a word (specks, a rule's remains) are not lines. The
 * marks above a lost line often touch the descenders of the line over it, whose box covers them,
 * so each box reaches half a word higher than its band, and a quarter lower for its descenders.
 * @param words the piece's words, in the piece's pixels
 * @param maxHeight bands taller than this many word heights are not lines (a seal, a signature)
 * @param typicalHeight the word height to go by when no word was read at all (a cell read as nothing)
 * @returns the uncovered lines' boxes, in the piece's pixels
 */
export function uncoveredLines(image: GrayImage, words: readonly Word[], maxHeight = Infinity, typicalHeight = 0): BBox[] {
  const h = words.length > 0 ? median(words.map((w) => height(w.bbox))) : typicalHeight;
  if (h === 0) return [];
  const { pixels, width } = image;
  // Ink is what is darker than halfway from paper to ink: blurred small type never reaches full black.
  const levels = paperAndInk(pixels);
  const dark = (levels.paper + levels.ink) / 2;
  // Rows of one line may be this far apart: the faint rows between a letter and its mark.
  const gap = h / 4;
  const lines: BBox[] = [];
  let current: BBox | undefined;
  for (let y = 0; y < image.height; y++) {
    let x0 = width;
    let x1 = -1;
    for (let x = 0; x < width; x++)
      if (pixels[y * width + x]! < dark) {
        x0 = Math.min(x0, x);
        x1 = x + 1;
      }
    if (x1 < 0 || words.some((w) => w.bbox.y0 <= y && y < w.bbox.y1 && overlap(w.bbox.x0, w.bbox.x1, x0, x1) > 0)) continue;
    if (current && y - current.y1 <= gap) current = { x0: Math.min(current.x0, x0), x1: Math.max(current.x1, x1), y0: current.y0, y1: y + 1 };
    else {
      if (current) lines.push(current);
      current = { x0, x1, y0: y, y1: y + 1 };
    }
  }
  if (current) lines.push(current);
  return lines
    .filter((line) => line.y1 - line.y0 >= h / 2 && line.y1 - line.y0 <= maxHeight * h)
    .map((line) => ({ ...line, y0: Math.max(0, Math.round(line.y0 - h / 2)), y1: Math.min(image.height, Math.round(line.y1 + h / 4)) }));
}

/**
 * The box of the recognized line nearest above a lost line's box, else nearest below it. Alone,
 * a crop of two or three letters ("vị.", "vụ") often reads as nothing at all; read after a line
 * of the same type, it reads like the rest of the text.
 */
export function neighbourLine(words: readonly Word[], box: BBox): BBox | undefined {
  const h = median(words.map((w) => height(w.bbox)));
  const centre = (w: Word): number => (w.bbox.y0 + w.bbox.y1) / 2;
  const mid = (box.y0 + box.y1) / 2;
  const above = words.filter((w) => centre(w) < mid - h / 2);
  const below = words.filter((w) => centre(w) > mid + h / 2);
  const nearest = above.length > 0 ? Math.max(...above.map(centre)) : below.length > 0 ? Math.min(...below.map(centre)) : undefined;
  if (nearest === undefined) return undefined;
  return unionBox(words.filter((w) => Math.abs(centre(w) - nearest) < h / 2).map((w) => w.bbox));
}

/**
 * The baseline of a line of text: the lowest row still as inked as the letters' bodies (a third
 * of the most inked row), below which only descenders and dots below reach.
 */
export function baseline({ pixels, width, height }: GrayImage): number {
  const { paper, ink } = paperAndInk(pixels);
  const dark = (paper + ink) / 2;
  const counts = Array.from({ length: height }, (_, y) => {
    let n = 0;
    for (let x = 0; x < width; x++) if (pixels[y * width + x]! < dark) n++;
    return n;
  });
  const strong = Math.max(...counts) / 3;
  return counts.findLastIndex((n) => n >= strong) + 1;
}

/**
 * Two line images side by side on white, baselines level, so the engine measures the second
 * line's letters against the first's (a lone `vị` is otherwise read in capitals).
 * @returns the image and where `second` was put in it
 */
export function sideBySide(first: GrayImage, second: GrayImage): { image: GrayImage; x: number; y: number } {
  const [b1, b2] = [baseline(first), baseline(second)];
  const above = Math.max(b1, b2);
  const width = first.width + second.width;
  const height = above + Math.max(first.height - b1, second.height - b2);
  const pixels = new Uint8Array(width * height).fill(255);
  const place = (image: GrayImage, x0: number, y0: number): void => {
    for (let y = 0; y < image.height; y++) pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), (y0 + y) * width + x0);
  };
  place(first, 0, above - b1);
  place(second, first.width, above - b2);
  return { image: { pixels, width, height }, x: first.width, y: above - b2 };
}

/** Share of the way from paper to ink below which a level is still paper (grain, blur halo). */
const PAPER_SIDE = 0.2;

/**
 * Paints a line crop's paper white, in place. With little ink beside grey paper, the blurred halo
 * and the paper's grain, the engine reads nothing at all from a single line it read badly before.
 */
export function whitenPaper({ pixels }: GrayImage): void {
  const { paper, ink } = paperAndInk(pixels);
  const limit = paper - PAPER_SIDE * (paper - ink);
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! >= limit) pixels[i] = 255;
}

/** Grey level of a scan's paper: what is painted over a region the page's reading must skip. */
export function paperLevel({ pixels }: GrayImage): number {
  return paperAndInk(pixels).paper;
}

/** Grey levels of a scan's paper (its commonest light level, pure white aside) and ink (the median of what is darker than half of it). */
function paperAndInk(pixels: Uint8Array): { paper: number; ink: number } {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]!]!++;
  let paper = 128;
  for (let v = 129; v < 255; v++) if (histogram[v]! > histogram[paper]!) paper = v;
  let count = 0;
  for (let v = 0; v < paper / 2; v++) count += histogram[v]!;
  let ink = 0;
  for (let seen = 0; ink < paper / 2 && (seen += histogram[ink]!) * 2 < count; ink++);
  return { paper, ink };
}
