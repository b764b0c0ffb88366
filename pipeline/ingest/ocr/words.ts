import { height, median, type Word } from '../geometry.ts';

const ALNUM = /[\p{L}\p{N}]/u;
/** A symbol read on its own within this share of the text height, both ways, is scanner speckle. */
const SPECK = 0.15;

/**
 * The recognized words of an OCR result with their boxes and 0..1 confidences, without the
 * "words" OCR makes of scanner speckle and ruling lines: marks much shorter than the page's text,
 * symbol-only marks the size of a speck or not set beside a word of their line (a dash between
 * words is kept, a dot between them or a speck far off is not), and near-zero-confidence scraps.
 */
export function ocrWords(tsv: string): Word[] {
  const lines = new Map<string, Word[]>();
  for (const row of tsv.split('\n')) {
    const f = row.split('\t');
    // level 5 is a word: level, page, block, paragraph, line, word, left, top, width, height, conf, text
    if (f[0] !== '5' || f.length < 12) continue;
    const text = f.slice(11).join('\t').normalize('NFC').trim();
    if (text === '') continue;
    const [x, y, w, h] = f.slice(6, 10).map(Number) as [number, number, number, number];
    const key = f.slice(1, 5).join('.');
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push({ text, bbox: { x0: x, y0: y, x1: x + w, y1: y + h }, confidence: Math.max(0, Number(f[10])) / 100 });
  }
  const all = [...lines.values()];
  const h = median(all.flat().filter((w) => ALNUM.test(w.text)).map((w) => height(w.bbox)));
  return all.flatMap((line) => line.filter((w) => !isNoise(w, line, h)));
}

/**
 * Whether a near-zero-confidence reading is shaped like a scrap rather than a word. Tesseract
 * gives its lowest confidence to whole words too (the first words of a line after a wide gap:
 * a row number and the word beside it), so only a reading too small for a word, or a lone
 * letter that is no numeral, is taken for a smudge.
 */
function isScrapShaped(w: Word, h: number): boolean {
  if (w.text.length > 3) return false;
  const core = w.text.replace(/[^\p{L}\p{N}]/gu, '');
  return height(w.bbox) < 0.5 * h || (/^\p{L}$/u.test(core) && !/^[IVX]$/.test(core));
}

/** Horizontal distance between two words (0 when they overlap). */
const gapBetween = (a: Word, b: Word): number => Math.max(0, a.bbox.x0 - b.bbox.x1, b.bbox.x0 - a.bbox.x1);

function isNoise(w: Word, line: readonly Word[], h: number): boolean {
  const conf = w.confidence ?? 1;
  if (ALNUM.test(w.text)) {
    if (height(w.bbox) < 0.3 * h || (conf < 0.15 && isScrapShaped(w, h))) return true;
    // A short unsure scrap of letters far from any word of its line is a smudge or a rule's remains;
    // numbers and numerals standing alone (page numbers, row labels) are kept.
    const scrap = conf < 0.7 && w.text.length <= 3 && /^\p{L}+$/u.test(w.text) && !/^[IVXLC]+$/.test(w.text);
    return scrap && !line.some((o) => o !== w && ALNUM.test(o.text) && gapBetween(o, w) < 2 * h);
  }
  // A mark standing alone that is no bigger than a speck is one: a printed dash or bullet is several times wider.
  const speck = Math.max(w.bbox.x1 - w.bbox.x0, height(w.bbox)) < SPECK * h;
  const besideWord = line.some((o) => o !== w && ALNUM.test(o.text) && gapBetween(o, w) < h && o.bbox.y1 > w.bbox.y0 - h);
  return speck || !besideWord || conf < 0.3;
}
