/**
 * Typed errors with stable codes. Every failure that reaches a user names the file and the
 * problem; the code lets batch drivers decide whether a retry can help.
 */

export type ErrorCode =
  | 'E_UNSUPPORTED_TYPE'
  | 'E_EMPTY_FILE'
  | 'E_NOT_UTF8'
  | 'E_PDF_ENCRYPTED'
  | 'E_PDF_CORRUPT'
  | 'E_PDF_NO_PAGES'
  | 'E_IMAGE_TOO_LARGE'
  | 'E_IMAGE_CORRUPT'
  | 'E_OCR_TIMEOUT'
  | 'E_OCR_FAILED'
  | 'E_DICT_MISSING'
  | 'E_DICT_INVALID'
  | 'E_USAGE'
  | 'E_IO'
  | 'E_INTERNAL';

/** Codes for which retrying the same input cannot succeed. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_UNSUPPORTED_TYPE',
  'E_EMPTY_FILE',
  'E_NOT_UTF8',
  'E_PDF_ENCRYPTED',
  'E_PDF_CORRUPT',
  'E_PDF_NO_PAGES',
  'E_IMAGE_TOO_LARGE',
  'E_IMAGE_CORRUPT',
  'E_DICT_INVALID',
  'E_USAGE',
]);

/** An error with a code and, where it concerns one, the file it concerns. */
export class SohoaError extends Error {
  override readonly name = 'SohoaError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(file ? `${file}: ${message}` : message, options);
  }

  /** True when the input itself is bad, so a retry would fail the same way. */
  get permanent(): boolean {
    return PERMANENT.has(this.code);
  }

  /** Plain-data form for manifests, job results and JSON output. */
  toJSON(): { code: ErrorCode; message: string; file?: string } {
    return { code: this.code, message: this.message, ...(this.file ? { file: this.file } : {}) };
  }
}

/** Wraps anything thrown into a `SohoaError`, keeping codes that are already there. */
export function toSohoaError(err: unknown, file?: string): SohoaError {
  if (err instanceof SohoaError) return err.file || !file ? err : new SohoaError(err.code, err.message, file, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new SohoaError('E_INTERNAL', message, file, { cause: err });
}
