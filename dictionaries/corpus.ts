import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusDocument } from './builder/index.ts';

/** The folder of the default corpus: the clean seed documents, one file each. */
export const DEFAULT_CORPUS_DIR = new URL('./corpus/', import.meta.url).pathname;

/** Reads every `.txt` of a corpus folder, sorted by name so builds are deterministic. */
export function readCorpus(dir: string = DEFAULT_CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}
