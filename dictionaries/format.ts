import type { DictionaryData } from '../pipeline/repair/dictionary.ts';

/** File names of a built dictionary folder. */
export const DICTIONARY_FILES = {
  data: 'dictionary.json',
  manifest: 'manifest.json',
  abbreviations: 'abbreviations.txt',
  agencies: 'agencies.txt',
} as const;

/** What a dictionary was built from: enough to rebuild it and to tell two builds apart. */
export interface DictionaryManifest {
  format: DictionaryData['format'];
  corpus: { name: string; sha256: string; bytes: number }[];
  background: string;
  vocabulary: number;
  ngrams: number[];
  /** SHA-256 of dictionary.json. */
  sha256: string;
}
