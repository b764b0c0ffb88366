import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../../model/document.ts';
import { SohoaError, toSohoaError } from '../../model/errors.ts';
import type { PageWords } from '../geometry.ts';
import { layoutPage } from '../layout/index.ts';
import { ocrPage, type OcrOptions } from '../ocr/page.ts';
import { readPagesWindowed } from '../page-window.ts';
import { textLayerUsable } from '../text-quality.ts';
import { openPdf } from './open.ts';
import { renderPage } from './render.ts';
import { pageRules } from './rules.ts';
import { textLayerWords, wordsText } from './text-layer.ts';

/** Options for {@link readPdfPages}. */
export interface PdfOptions {
  ocr?: OcrOptions;
  /** OCR every page even where the text layer is good (for measuring OCR on born-digital files). */
  forceOcr?: boolean;
}

/**
 * Reads a PDF page by page: each page through its text layer when that is usable, through OCR of
 * a 300 dpi rendering when not. At most one page per OCR worker is in flight, so memory stays flat
 * whatever the page count. Pages come back laid out, in order.
 */
export async function readPdfPages(bytes: Uint8Array, name: string, options: PdfOptions = {}): Promise<Page[]> {
  const pdf = await openPdf(bytes, name);
  try {
    return await readPagesWindowed(pdf.numPages, (n) => readPage(pdf, n, name, options));
  } finally {
    await pdf.destroy();
  }
}

async function readPage(pdf: PDFDocumentProxy, n: number, name: string, options: PdfOptions): Promise<Page> {
  let page;
  try {
    page = await pdf.getPage(n);
  } catch (err) {
    throw new SohoaError('E_PDF_CORRUPT', `page ${n} cannot be read: ${(err as Error).message}`, name, { cause: err });
  }
  try {
    if (!options.forceOcr) {
      const layer = await textLayerWords(page).catch((): PageWords => ({ width: 0, height: 0, words: [] }));
      if (textLayerUsable(wordsText(layer.words))) {
        // Without its rules a page's tables are still read from the text's geometry.
        const rules = await pageRules(page).catch(() => undefined);
        return layoutPage(n, 'text-layer', rules ? { ...layer, rules } : layer);
      }
    }
    const rendered = await renderPage(page).catch((err: unknown) => {
      throw new SohoaError('E_PDF_CORRUPT', `page ${n} cannot be rendered: ${(err as Error).message}`, name, { cause: err });
    });
    return layoutPage(n, 'ocr', await ocrPage(rendered, rendered.dpi, options.ocr));
  } catch (err) {
    throw toSohoaError(err, name);
  } finally {
    page.cleanup();
  }
}
