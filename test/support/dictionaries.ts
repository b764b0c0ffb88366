import { dictionaryWithout as buildWithout } from '../../dictionaries/leave-one-out.ts';
import type { Dictionary } from '../../pipeline/repair/dictionary.ts';

const cache = new Map<string, Dictionary>();

/** The leave-one-document-out dictionary for a document, built once per test file. */
export function dictionaryWithout(name: string): Dictionary {
  let dict = cache.get(name);
  if (!dict) {
    dict = buildWithout(name);
    cache.set(name, dict);
  }
  return dict;
}
