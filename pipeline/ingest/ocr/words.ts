import { height, median, type Word } from '../geometry.ts';
import type { OcrResult } from './pool.ts';

const ALNUM = /[\p{L}\p{N}]/u;

/**
 * The recognized words of an OCR result with their boxes and 0..1 confidences, without the
 * "words" OCR makes of scanner speckle and ruling lines: marks much shorter than the page's text,
 * symbol-only marks not set beside a word of their line (a dash between words is kept, a speck
 * far off is not), and near-zero-confidence scraps.
 */
export function ocrWords(result: OcrResult): Word[] {
  const lines: Word[][] = [];
  for (const block of result.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines)
        lines.push(
          line.words
            .map((w) => ({ text: w.text.normalize('NFC').trim(), bbox: { x0: w.bbox.x0, y0: w.bbox.y0, x1: w.bbox.x1, y1: w.bbox.y1 }, confidence: w.confidence / 100 }))
            .filter((w) => w.text !== ''),
        );
  const h = median(lines.flat().filter((w) => ALNUM.test(w.text)).map((w) => height(w.bbox)));
  return lines.flatMap((line) => line.filter((w) => !isNoise(w, line, h)));
}

function isNoise(w: Word, line: readonly Word[], h: number): boolean {
  const conf = w.confidence ?? 1;
  if (ALNUM.test(w.text)) {
    if (height(w.bbox) < 0.3 * h || (conf < 0.15 && w.text.length <= 3)) return true;
    // A short unsure scrap of letters alone on its line is a smudge or a rule's remains, not a word;
    // numbers and numerals alone on a line (page numbers, row labels) are kept.
    const alone = !line.some((o) => o !== w && ALNUM.test(o.text));
    return alone && conf < 0.7 && w.text.length <= 3 && /^\p{L}+$/u.test(w.text) && !/^[IVXLC]+$/.test(w.text);
  }
  const besideWord = line.some(
    (o) => o !== w && ALNUM.test(o.text) && Math.max(o.bbox.x0 - w.bbox.x1, w.bbox.x0 - o.bbox.x1) < h && o.bbox.y1 > w.bbox.y0 - h,
  );
  return !besideWord || conf < 0.3;
}
