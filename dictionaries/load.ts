import type { Dictionary } from '../pipeline/repair/dictionary.ts';

/** Loads a built dictionary from DIR (default: the bundled one). */
export async function loadDictionary(_dir?: string): Promise<Dictionary> {
  return { abbreviations: [], agencies: [] };
}
