import { createHash } from 'node:crypto';
import type { Document, MediaType, Page } from '../model/document.ts';
import { SohoaError, toSohoaError } from '../model/errors.ts';
import { documentFromText } from '../model/text.ts';
import { withTextLayout } from './aligned-text.ts';
import { sniffSource } from './detect.ts';
import { readImagePages } from './image.ts';
import { joinContinuedTables, numberLines } from './layout/index.ts';
import type { OcrLanguage } from './ocr/pool.ts';
import { readPdfPages } from './pdf/index.ts';
import { looksLikeEightBitText } from './text-encoding.ts';

/** A source file as bytes, with the name errors and provenance should use. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** Options for {@link ingest}. */
export interface IngestOptions {
  /** Abort OCR of a page after this many milliseconds (`E_OCR_TIMEOUT`). */
  ocrTimeoutMs?: number;
  /** OCR every PDF page even where its text layer is usable. */
  forceOcr?: boolean;
  /** OCR model language: 'vie' (default) or 'eng' (both ship as npm packages). */
  ocrLanguage?: OcrLanguage;
  /**
   * Read a text file line by line as it is laid out, its space-aligned tables left unread:
   * for writing the text back in its own layout (`sohoa repair`).
   */
  keepTextLayout?: boolean;
}

/**
 * Reads a source file into the document model: text files as they are, PDFs through their
 * text layer or OCR per page (recorded in `Page.path`), images through OCR. Laid-out pages carry
 * blocks in reading order, page headers/footers marked, and tables rebuilt from geometry, joined
 * across page breaks.
 * @throws SohoaError with a code naming the problem and the file.
 */
export async function ingest(file: SourceFile, options: IngestOptions = {}): Promise<Document> {
  if (file.bytes.length === 0) throw new SohoaError('E_EMPTY_FILE', 'the file is empty', file.name);
  const sniffed = sniffSource(file.bytes);
  if (!sniffed) throw unreadable(file);
  const { mediaType } = sniffed;
  const source = { name: file.name, mediaType, sha256: sha256Hex(file.bytes) };
  if (sniffed.mediaType === 'text/plain') {
    const doc = documentFromText(source, sniffed.text);
    return options.keepTextLayout ? doc : withTextLayout(doc);
  }
  try {
    return { source, pages: assemble(await readPages(file, mediaType, options)) };
  } catch (err) {
    throw toSohoaError(err, file.name);
  }
}

/** Why a file of no type we read is refused: text in an 8-bit encoding is told apart from the rest. */
function unreadable(file: SourceFile): SohoaError {
  if (looksLikeEightBitText(file.bytes)) {
    const message = 'text in an 8-bit encoding (TCVN3, VNI or Windows-1258?), not UTF-8 or UTF-16: convert it to Unicode first';
    return new SohoaError('E_NOT_UTF8', message, file.name);
  }
  return new SohoaError('E_UNSUPPORTED_TYPE', 'not a PDF, PNG, JPEG, TIFF or UTF-8 / UTF-16 text file', file.name);
}

function readPages(file: SourceFile, type: MediaType, options: IngestOptions): Promise<Page[]> {
  const ocr = { lang: options.ocrLanguage, timeoutMs: options.ocrTimeoutMs };
  if (type === 'application/pdf') return readPdfPages(file.bytes, file.name, { ocr, forceOcr: options.forceOcr });
  return readImagePages(file.bytes, type, file.name, ocr);
}

/** Joins tables across page breaks and numbers lines, page after page. */
function assemble(pages: Page[]): Page[] {
  joinContinuedTables(pages);
  pages.forEach(numberLines);
  return pages;
}

/** Hex SHA-256 of bytes: the identity of a source everywhere (job ids, manifests). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export { detectMediaType } from './detect.ts';
export { closeOcr } from './ocr/pool.ts';
export type { MediaType };
