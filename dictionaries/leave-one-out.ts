import type { Dictionary } from '../pipeline/repair/dictionary.ts';
import { buildDictionary } from './builder/index.ts';
import { readCorpus } from './corpus.ts';

/**
 * A fresh dictionary built from the default corpus without the named document: how every
 * accuracy figure is measured (leave-one-document-out), so no document is scored with its own
 * sentences in the language model. Fresh on each call, so its memo of printed forms starts empty.
 */
export function dictionaryWithout(name: string): Dictionary {
  return buildDictionary(readCorpus().filter((d) => d.name !== name));
}
