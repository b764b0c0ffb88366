import type { BBox } from '../../model/document.ts';
import { centreIn, height, median, unionBox, type Word } from '../geometry.ts';
import type { Grid } from '../layout/grid.ts';
import { rowLabel } from '../layout/table.ts';

/** What a row label is written with: digits, roman numerals, the dot after them. */
const LABEL_CHARSET = '0123456789IVXLC.';

/** What a letter label is written with: sections of some plans are lettered A to H (as `SECTION_STT` reads them). */
const LETTER_LABEL_CHARSET = 'ABCDĐEGH.';
/**
 * Read with the letters alone, a bold capital may come back as nothing at all (the engine finds no
 * path through so few characters); with the digits allowed too it comes back as the letter.
 */
const LETTER_LABEL_FALLBACK = `${LETTER_LABEL_CHARSET}0123456789`;

/** A reading worth reading again holds a digit or a numeral's letter (VIH, VNI, l2); the header (STT) holds neither. */
const LABELLIKE = /[0-9IVXLC]/;
/**
 * A section letter with a letter or two after it (Ai, Bổ, BÉ): a language model reading a lone
 * letter label as the start of a word. It is read again restricted to those letters; the header
 * (STT, TT, or a misread of them) starts with none of them.
 */
const LETTER_LABELLIKE = /^[A-HĐ]\p{L}{1,2}$/u;
/** A numbering cell reading longer than this (letters and digits) is text, not a misread label. */
const LABEL_LENGTH = 5;

/**
 * Numbering cells of ruled tables whose reading is no row label are read again, as one line
 * restricted to the characters of labels, and the new reading replaces the old where it is a
 * label. Bold numerals with joined serifs come back as VIH for VIII or VNI for VII, and a row or
 * section without its label is merged into the one above; a letter label may come back as a word
 * (A as Ai), and is read again with capitals only.
 * @param readLabel reads a box of the page as one line of the given characters; words in page pixels
 * @returns the page's words, with the misread labels replaced
 */
export async function rereadRowLabels(words: readonly Word[], grids: readonly Grid[], readLabel: (box: BBox, charset: string) => Promise<Word[]>): Promise<Word[]> {
  const h = median(words.map((w) => height(w.bbox)));
  const misread = grids.flatMap(({ xs, bands }) =>
    bands.flatMap((band) => {
      const cell = { x0: xs[0]!, x1: xs[1]!, y0: band.top, y1: band.bottom };
      const inCell = words.filter((w) => centreIn(w.bbox, cell));
      const text = inCell.map((w) => w.text).join(' ');
      const letters = text.replace(/[^\p{L}\p{N}]/gu, '');
      if (inCell.length === 0 || rowLabel(text) !== undefined || letters.length > LABEL_LENGTH) return [];
      // Numerals first: VIH is VIII misread, not a letter label.
      if (LABELLIKE.test(letters)) return [{ cell, inCell, charsets: [LABEL_CHARSET] }];
      return LETTER_LABELLIKE.test(letters) ? [{ cell, inCell, charsets: [LETTER_LABEL_CHARSET, LETTER_LABEL_FALLBACK] }] : [];
    }),
  );
  const replaced = new Map<Word, Word | undefined>();
  await Promise.all(
    misread.map(async ({ cell, inCell, charsets }) => {
      const box = unionBox(inCell.map((w) => w.bbox));
      const padded = { x0: Math.max(cell.x0 + 2, Math.floor(box.x0 - h / 3)), x1: Math.min(cell.x1 - 2, Math.ceil(box.x1 + h / 3)), y0: Math.floor(box.y0 - h / 3), y1: Math.ceil(box.y1 + h / 3) };
      let read: Word[] = [];
      for (const charset of charsets) {
        read = await readLabel(padded, charset);
        if (read.length > 0) break;
      }
      const label = rowLabel(read.map((w) => w.text).join(' '));
      if (label === undefined) return;
      const confidence = median(read.map((w) => w.confidence ?? 0));
      inCell.forEach((w, k) => replaced.set(w, k === 0 ? { text: label, bbox: unionBox(read.map((r) => r.bbox)), confidence } : undefined));
    }),
  );
  return words.flatMap((w) => (replaced.has(w) ? (replaced.get(w) ? [replaced.get(w)!] : []) : [w]));
}
