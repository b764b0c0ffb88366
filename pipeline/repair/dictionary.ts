/**
 * The domain dictionary as repair uses it: a syllable language model and lists of
 * abbreviations and agency names. Built by `dictionaries/builder`, loaded by `dictionaries/load`.
 */
export interface Dictionary {
  /** Abbreviations and acronyms, as written (UBND, VNeID, …). */
  abbreviations: string[];
  /** Agency names, as written (Bộ Nội vụ, Sở Khoa học và Công nghệ, …). */
  agencies: string[];
}
