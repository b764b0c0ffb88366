import type { Dictionary } from '../../pipeline/repair/dictionary.ts';

/** One clean document of the corpus a dictionary is counted from. */
export interface CorpusDocument {
  name: string;
  text: string;
}

/** Builds a dictionary from clean documents, deterministically. */
export function buildDictionary(_corpus: CorpusDocument[]): Dictionary {
  return { abbreviations: [], agencies: [] };
}
