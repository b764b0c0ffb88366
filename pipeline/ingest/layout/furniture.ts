import type { BBox } from '../../model/document.ts';

/** A page number as printed alone: "3", "- 3 -", "Trang 3", "3/12"; OCR may add a speck after it ("13:", "18."). */
const PAGE_NUMBER = /^(trang|page)?\s*[-–—]?\s*\d{1,3}\s*(\/\s*\d{1,4})?\s*[-–—]?[.:,;'`]?$/i;
/** Fraction of the page height, from the top or bottom edge, where running headers and footers sit. */
const MARGIN = 0.12;

/**
 * Whether a one-line block is page furniture: a page number (or short running text) alone in the
 * top or bottom margin band of the page.
 */
export function furnitureKind(text: string, box: BBox, pageHeight: number): 'page-header' | 'page-footer' | undefined {
  if (!PAGE_NUMBER.test(text.trim())) return undefined;
  if (box.y1 < pageHeight * MARGIN) return 'page-header';
  if (box.y0 > pageHeight * (1 - MARGIN)) return 'page-footer';
  return undefined;
}
