import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SohoaError } from '../../model/errors.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Opening a PDF that takes longer than this is treated as a damaged file. */
const OPEN_TIMEOUT_MS = 30_000;

/**
 * pdf.js reports an empty page tree as one page (the tree itself read as a page), so a lone page
 * that draws nothing is taken for no page at all.
 */
async function isBlank(doc: PDFDocumentProxy): Promise<boolean> {
  const page = await doc.getPage(1);
  return (await page.getOperatorList()).fnArray.length === 0;
}

/**
 * Opens a PDF with pdf.js (fonts and CMaps from the npm package, nothing fetched), mapping its
 * failures to codes: a password → `E_PDF_ENCRYPTED`, unreadable structure → `E_PDF_CORRUPT`,
 * no pages → `E_PDF_NO_PAGES`.
 */
export async function openPdf(bytes: Uint8Array, name: string): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; the caller keeps its bytes.
    data: new Uint8Array(bytes),
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SohoaError('E_PDF_CORRUPT', 'the PDF could not be opened in time', name)), OPEN_TIMEOUT_MS);
  });
  try {
    const doc = await Promise.race([task.promise, timeout]);
    if (doc.numPages === 0 || (doc.numPages === 1 && (await isBlank(doc)))) {
      await doc.destroy();
      throw new SohoaError('E_PDF_NO_PAGES', 'the PDF has no pages', name);
    }
    return doc;
  } catch (err) {
    void task.destroy();
    if (err instanceof SohoaError) throw err;
    const kind = (err as Error).name;
    if (kind === 'PasswordException') throw new SohoaError('E_PDF_ENCRYPTED', 'the PDF is encrypted and needs a password', name, { cause: err });
    throw new SohoaError('E_PDF_CORRUPT', `the PDF cannot be read: ${(err as Error).message}`, name, { cause: err });
  } finally {
    clearTimeout(timer);
  }
}
