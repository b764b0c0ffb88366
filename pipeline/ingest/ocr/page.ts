import type { BBox } from '../../model/document.ts';
import { insideShare, type PageWords, type Word } from '../geometry.ts';
import { encodePgm, type GrayImage } from '../pgm.ts';
import { flattenBackground } from './background.ts';
import { crop, fromCrop, tablePieces } from './crops.ts';
import { deskew, estimateSkew } from './deskew.ts';
import { rereadRowLabels } from './labels.ts';
import { pageRotation, turnClockwise } from './orientation.ts';
import { neighbourLine, paperLevel, sideBySide, uncoveredLines, whitenPaper } from './lost-lines.ts';
import { recognizeTsv, type PageSegmentation, type RecognizeOptions } from './pool.ts';
import { extractRulingLines } from './rules.ts';
import { ocrWords } from './words.ts';

/** How OCR runs: the model's language (default Vietnamese) and a per-page time limit. */
export type OcrOptions = Omit<RecognizeOptions, 'psm' | 'charset'>;

/** Skews below this (radians, about 0.05°) are left alone. */
const LEVEL = 0.001;
/** Tallest band of ink outside tables re-read as a lost line, in word heights: taller is a seal or a signature. */
const MAX_LOST_LINE = 2;
/**
 * Height of a word's box in inches, for a piece read as nothing at all: body text of 13–14 pt (as
 * Nghị định 30/2020 sets it), marks and descenders included, is about 0.13 in.
 */
const TYPICAL_WORD_HEIGHT = 0.13;
/** Least mean confidence of a line read again outside tables (a lost `số` reads at 0.96, a rule's remains at 0.3). */
const MIN_LOST_LINE_CONFIDENCE = 0.6;
/** A word of such a line read below this confidence is a scrap (the marks below a line read as `mu“` at 0.1). */
const SCRAP_CONFIDENCE = 0.3;
/** Share of a lost line's word inside a word already read that makes it a piece of that word. */
const FRAGMENT_SHARE = 0.5;
/**
 * Inches beside a table's region that its side rules may still darken (a rule left slightly slanted
 * by the scan drifts from where it was found): painted over with the region, or the page's reading
 * takes the remains for a `1` or `|` beside the table.
 */
const SIDE_RULE_MARGIN = 0.08;

/**
 * OCR of one grayscale page: evenly lit, turned upright, deskewed (so rows of words and table rules are level), ruling
 * lines found and erased (OCR reads them as bars and dashes), ruled tables read column by column
 * and the rest of the page as one piece, all through the shared pool. Words and rules are in the
 * deskewed raster's pixels.
 */
export async function ocrPage(scan: GrayImage, dpi: number, options: OcrOptions = {}): Promise<PageWords> {
  const even = flattenBackground(scan, dpi);
  const rotation = await pageRotation(even, dpi, options.timeoutMs);
  const image = turnClockwise(even, rotation);
  const skew = estimateSkew(image);
  const level = Math.abs(skew) < LEVEL ? image : deskew(image, skew);
  const rules = extractRulingLines(level, Math.round(0.4 * dpi));
  const { pieces, regions, grids } = tablePieces(rules, level.width, dpi);
  const read = async (piece: GrayImage, psm: PageSegmentation, charset?: string): Promise<Word[]> =>
    ocrWords(await recognizeTsv(encodePgm(piece), { ...options, psm, charset }));
  // A small crop (one line, one label) is read with its paper painted white.
  const readLine = async (box: BBox, charset?: string, from = level): Promise<Word[]> => {
    const line = crop(from, box);
    whitenPaper(line);
    return fromCrop(await read(line, 'line', charset), box);
  };
  // A line the block reading left out is read again on its own; when that gives nothing, it is
  // read set after a neighbouring line the block reading did read, keeping the words past it.
  const readLostLine = async (piece: GrayImage, words: readonly Word[], box: BBox): Promise<Word[]> => {
    const alone = await readLine(box, undefined, piece);
    const context = alone.length === 0 ? neighbourLine(words, box) : undefined;
    if (!context) return alone;
    const [before, lost] = [crop(piece, context), crop(piece, box)];
    whitenPaper(before);
    whitenPaper(lost);
    const joined = sideBySide(before, lost);
    const found = (await read(joined.image, 'line')).filter((w) => (w.bbox.x0 + w.bbox.x1) / 2 >= joined.x);
    return fromCrop(found, box, joined.x, joined.y);
  };
  // A piece read whole, then the lines of ink its reading left out read again; `keep` says which of
  // their words stand. A band of ink may take in the marks and descenders of the line above it: what
  // is read there lies mostly inside a word already read, and is a piece of it (`lý`'s tail read as `Bà`).
  const readWithLostLines = async (piece: GrayImage, psm: PageSegmentation, maxHeight = Infinity, keep = (line: Word[]): Word[] => line): Promise<Word[]> => {
    const words = await read(piece, psm);
    const lost = await Promise.all(uncoveredLines(piece, words, maxHeight, TYPICAL_WORD_HEIGHT * dpi).map((box) => readLostLine(piece, words, box)));
    return [...words, ...lost.flatMap((line) => keep(line.filter((w) => !words.some((o) => insideShare(w.bbox, o.bbox) >= FRAGMENT_SHARE))))];
  };
  // Outside a cell a band of ink may be a rule's remains or a speck by a page number: kept only when
  // its scraps (words read at near-zero confidence) left out, it reads surely and as words.
  const readSurely = (line: Word[]): Word[] => {
    const read = line.filter((w) => (w.confidence ?? 0) >= SCRAP_CONFIDENCE);
    const sure = read.length > 0 && read.reduce((a, w) => a + (w.confidence ?? 0), 0) / read.length >= MIN_LOST_LINE_CONFIDENCE;
    return sure && read.some((w) => /[\p{L}\p{N}]/u.test(w.text)) ? read : [];
  };
  // A table piece is one block of text, cut out with a white margin (text touching the image's edge reads
  // badly); the page outside its tables loses short last lines of paragraphs (`số`) as cells do.
  const words = await Promise.all([
    readWithLostLines(blank(level, regions.map((r) => ({ ...r, x0: r.x0 - SIDE_RULE_MARGIN * dpi, x1: r.x1 + SIDE_RULE_MARGIN * dpi }))), 'auto', MAX_LOST_LINE, readSurely),
    ...pieces.map(async (box) => fromCrop(await readWithLostLines(crop(level, box), 'block'), box)),
  ]);
  const labelled = await rereadRowLabels(words.flat(), grids, (box, charset) => readLine(box, charset));
  return { width: level.width, height: level.height, words: labelled, rules, ...(rotation ? { rotation } : {}) };
}

/**
 * A copy of the raster with the given regions painted the paper's colour. Not white: on grey paper
 * a large white region makes the engine's threshold part paper from white, and the whole page,
 * text and paper alike, reads as ink (a page holding a table and a line or two read as nothing).
 */
function blank(image: GrayImage, regions: readonly BBox[]): GrayImage {
  if (regions.length === 0) return image;
  const pixels = image.pixels.slice();
  const paper = paperLevel(image);
  for (const r of regions)
    for (let y = Math.max(0, Math.floor(r.y0)); y < Math.min(image.height, Math.ceil(r.y1)); y++)
      pixels.fill(paper, y * image.width + Math.max(0, Math.floor(r.x0)), y * image.width + Math.min(image.width, Math.ceil(r.x1)));
  return { ...image, pixels };
}
