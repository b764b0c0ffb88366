/** Why repair changed a token. */
export type ChangeReason =
  | 'diacritics' // same letters, other marks
  | 'ocr-confusion' // letters or digits misread
  | 'split' // one source token became two words (a missing space)
  | 'case' // casing restored
  | 'speck'; // punctuation a scan's speck put in (a stray period or quotation mark) removed

/** One logged repair: what stood where, what it became, and how sure repair is. */
export interface RepairChange {
  page: number;
  /** 1-based source line. */
  line: number;
  /** 0-based column of the original token in the source line. */
  column: number;
  original: string;
  repaired: string;
  /** 0..1 posterior-style confidence of the chosen repair. */
  confidence: number;
  reason: ChangeReason;
}
