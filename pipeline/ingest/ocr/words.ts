import type { Word } from '../geometry.ts';
import type { OcrResult } from './pool.ts';

/** The recognized words of an OCR result with their boxes and 0..1 confidences; empty words dropped. */
export function ocrWords(result: OcrResult): Word[] {
  const words: Word[] = [];
  for (const block of result.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines)
        for (const w of line.words) {
          const text = w.text.normalize('NFC').trim();
          if (text === '') continue;
          const { x0, y0, x1, y1 } = w.bbox;
          words.push({ text, bbox: { x0, y0, x1, y1 }, confidence: w.confidence / 100 });
        }
  return words;
}
