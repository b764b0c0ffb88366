/**
 * The segmenter's output model: administrative documents found in a source, each with its
 * header metadata, căn cứ, body tree and appendices. Every node keeps the source line range
 * it was read from so records can be traced back to the page.
 */

/** Inclusive range of 1-based source lines (as in `Provenance.line`) and the pages they span. */
export interface LineRange {
  start: number;
  end: number;
  pageStart: number;
  pageEnd: number;
}

/** The body of the cơ quan ban hành line(s): the issuer and, where given, the body above it. */
export interface Issuer {
  name: string;
  /** Cơ quan chủ quản printed above the issuer (e.g. `BỘ NỘI VỤ` above a Cục); empty when none. */
  superior: string;
}

/** Who signed, with which title and under which delegation (TM./KT./TL./TUQ.). */
export interface Signer {
  name: string;
  title: string;
  /** The delegation lines as printed, e.g. `KT. THỦ TƯỚNG`; empty when the signer signs in their own name. */
  authority: string;
}

/** Header metadata (thể thức) of one administrative document. */
export interface DocumentMeta {
  issuer: Issuer;
  /** Số ký hiệu as `350/QĐ-TTg`; empty when the number is left blank in the source. */
  number: string;
  /** Ký hiệu alone (`QĐ-TTg`), also when the number is blank. */
  symbol: string;
  /** Loại văn bản: Quyết định, Kế hoạch, Công văn, … */
  type: string;
  place: string;
  /** ISO date, or `YYYY-MM` / `YYYY` when the day or month is left blank; empty when unknown. */
  date: string;
  /** Trích yếu (for Công văn the `V/v` line without its prefix). */
  subject: string;
  signer: Signer;
  /** Nơi nhận, one entry per line, without list marks and trailing punctuation. */
  recipients: string[];
  /** Kính gửi addressees of a letter. */
  addressees: string[];
  /** `(Kèm theo …)`: the document this one is issued with, when it is an attachment. */
  attachedTo: string;
}

/** One căn cứ / theo đề nghị clause of the preamble. */
export interface BasisItem {
  text: string;
  lines: LineRange;
}

/** Kinds of body nodes, from the largest division to list items. */
export type BodyNodeKind =
  | 'phan'
  | 'chuong'
  | 'muc'
  | 'dieu'
  | 'roman' // I., II. sections of plans and of Điều 1 content
  | 'khoan' // 1., 2.
  | 'diem' // a), b)
  | 'dash' // - item
  | 'plus' // + item
  | 'paragraph';

/** A node of the body tree. */
export interface BodyNode {
  kind: BodyNodeKind;
  /** The number as printed without its punctuation (`1`, `IV`, `a`, `đ`); empty for list marks and paragraphs. */
  number: string;
  /** Heading text that follows the number on its line (Điều titles, section titles); empty for plain items. */
  heading: string;
  /** The node's own text (its heading line excluded), lines joined with spaces. */
  text: string;
  lines: LineRange;
  children: BodyNode[];
}

/** What a table column holds, read from its header. */
export type ColumnRole =
  | 'stt'
  | 'task'
  | 'indicator'
  | 'unit'
  | 'target'
  | 'lead'
  | 'partners'
  /** Lead and partners in one column (`Cơ quan thực hiện`), told apart in each cell. */
  | 'agencies'
  | 'output'
  | 'deadline'
  /** A person's name (`Họ và tên`): the table lists people, such as a body's members, not tasks. */
  | 'person'
  | 'other';

/** One row of an appendix table after continuation rows are merged. */
export interface AppendixRow {
  /** `section`: a heading row (I, II …) grouping the task rows under it. */
  kind: 'section' | 'item';
  /** Cell texts, one per header column. */
  cells: string[];
  lines: LineRange;
  /** How many source rows (continuations across page breaks) were merged into this one. */
  merged: number;
  /** Columns whose cell was not read on the page but inferred from the rest of the table (OCR-flattened tables). */
  inferred?: ColumnRole[];
}

/** A table of an appendix, with the role of every column. */
export interface AppendixTable {
  header: string[];
  columns: ColumnRole[];
  /** How the table was read: geometry from ingest, rows of delimited cells (`tabs`: tab-separated text or Markdown pipe tables), stacked PDF cells, or flattened OCR. */
  layout: 'geometry' | 'tabs' | 'stacked' | 'flattened';
  rows: AppendixRow[];
}

/** A Phụ lục of a document. */
export interface Appendix {
  /** `Phụ lục`, `Phụ lục I`, … as printed (title case). */
  label: string;
  /** The numeral of the appendix (`I`, `2`); empty when unnumbered. */
  number: string;
  /** The appendix's own title line(s) (DANH MỤC …). */
  title: string;
  /** The `(Kèm theo …)` text without parentheses. */
  attachedTo: string;
  lines: LineRange;
  tables: AppendixTable[];
}

/** One administrative document of a source. */
export interface SegmentedDocument {
  meta: DocumentMeta;
  basis: BasisItem[];
  body: BodyNode[];
  appendices: Appendix[];
  lines: LineRange;
}

/** Result of segmentation: one entry per administrative document found in the source. */
export interface SegmentResult {
  documents: SegmentedDocument[];
}
