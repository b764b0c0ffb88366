import { createHash } from 'node:crypto';
import type { Document, MediaType } from '../model/document.ts';
import { SohoaError } from '../model/errors.ts';
import { documentFromText } from '../model/text.ts';
import { detectMediaType } from './detect.ts';

/** A source file as bytes, with the name errors and provenance should use. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

/** Options for {@link ingest}. */
export interface IngestOptions {
  /** Abort OCR of a page after this many milliseconds (`E_OCR_TIMEOUT`). */
  ocrTimeoutMs?: number;
}

/**
 * Reads a source file into the document model: text files as they are, PDFs through their
 * text layer or OCR per page, images through OCR.
 * @throws SohoaError with a code naming the problem and the file.
 */
export async function ingest(file: SourceFile, _options: IngestOptions = {}): Promise<Document> {
  if (file.bytes.length === 0) throw new SohoaError('E_EMPTY_FILE', 'the file is empty', file.name);
  const mediaType = detectMediaType(file.bytes);
  if (!mediaType) throw new SohoaError('E_UNSUPPORTED_TYPE', 'not a PDF, PNG, JPEG, TIFF or UTF-8 text file', file.name);
  const source = { name: file.name, mediaType, sha256: sha256Hex(file.bytes) };
  if (mediaType === 'text/plain') return documentFromText(source, new TextDecoder('utf-8').decode(file.bytes));
  throw new SohoaError('E_UNSUPPORTED_TYPE', `${mediaType} input is not supported yet`, file.name);
}

/** Hex SHA-256 of bytes: the identity of a source everywhere (job ids, manifests). */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { MediaType };
