import { buildDictionary } from '../../dictionaries/builder/index.ts';
import { readCorpus } from '../../dictionaries/corpus.ts';
import type { Dictionary } from '../../pipeline/repair/dictionary.ts';

const cache = new Map<string, Dictionary>();

/** A dictionary built from the default corpus without the named document (leave-one-document-out). */
export function dictionaryWithout(name: string): Dictionary {
  let dict = cache.get(name);
  if (!dict) {
    dict = buildDictionary(readCorpus().filter((d) => d.name !== name));
    cache.set(name, dict);
  }
  return dict;
}
