/**
 * The single, lossless document model every stage reads and returns.
 *
 * A `Document` is pages → blocks → lines (→ tokens after repair). Every line carries
 * provenance: which source file, page and source line it came from, and, for PDF and OCR
 * input, its bounding box. Stages never mutate their input; they return a new `Document`.
 */

/** How a page's text was obtained. */
export type IngestPath = 'text' | 'text-layer' | 'ocr';

/**
 * Axis-aligned box in page pixels (OCR), PDF points (text layer) or character cells (space-aligned
 * text: x in columns, y in lines, both from 0), origin top-left.
 */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a piece of text came from. */
export interface Provenance {
  /** 1-based page number. */
  page: number;
  /** 1-based line number in the plain-text rendering of the source (text input: the file's own line). */
  line: number;
  bbox?: BBox;
}

/** What a token is, as the tokenizer sees it. */
export type TokenKind = 'word' | 'number' | 'code' | 'punct' | 'symbol';

/** A token of a repaired line. `original` is present only where repair changed it. */
export interface Token {
  text: string;
  kind: TokenKind;
  /** 0-based column of the token in the repaired line. */
  column: number;
  /** The source text this token replaced, when repair changed it. */
  original?: string;
  /** 0..1: how sure the stage that produced this token is of it. */
  confidence: number;
}

/** One line of text in reading order. */
export interface Line {
  text: string;
  prov: Provenance;
  /** 0..1 mean OCR confidence, when the line came from OCR. */
  confidence?: number;
  tokens?: Token[];
}

/** A table cell, possibly wrapping over several lines. */
export interface TableCell {
  lines: Line[];
  /** 0-based column index in the table's column grid. */
  column: number;
  /**
   * Present on a vertically merged cell: the cell is listed, lines and all, in every row it
   * spans, and each copy says how many rows it spans and which of them its row is.
   */
  span?: CellSpan;
}

/** A vertically merged cell as seen from one of its rows. */
export interface CellSpan {
  /** Rows the merged cell spans (≥ 2). */
  rows: number;
  /** Which of them this row is: 0 for the first. */
  offset: number;
}

/** A table row. */
export interface TableRow {
  cells: TableCell[];
  page: number;
}

/** A table rebuilt from page geometry. */
export interface Table {
  header: string[];
  rows: TableRow[];
}

/** A block: a paragraph-like run of lines, or a table, or a running page header/footer. */
export type BlockKind = 'text' | 'table' | 'page-header' | 'page-footer';

export interface Block {
  kind: BlockKind;
  lines: Line[];
  table?: Table;
}

/** One page of a source. Plain-text sources are one page unless they contain form feeds. */
export interface Page {
  number: number;
  path: IngestPath;
  blocks: Block[];
  width?: number;
  height?: number;
  /** Clockwise turn a scanned page was given to stand upright before OCR; boxes are in the turned page. */
  rotation?: PageRotation;
}

/** A clockwise quarter turn, in degrees. */
export type PageRotation = 90 | 180 | 270;

/** The detected type of a source file, from its bytes. */
export type MediaType = 'text/plain' | 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

/** Identity of the source a document was read from. */
export interface SourceInfo {
  /** The file name as given (path or basename). */
  name: string;
  mediaType: MediaType;
  /** Hex SHA-256 of the source bytes. */
  sha256: string;
}

/** The document model. */
export interface Document {
  source: SourceInfo;
  pages: Page[];
}
