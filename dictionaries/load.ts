import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryFromData, type Dictionary, type DictionaryData } from '../pipeline/repair/dictionary.ts';
import { SohoaError } from '../pipeline/model/errors.ts';
import { DICTIONARY_FILES } from './format.ts';

/** The bundled dictionary, built from `dictionaries/corpus` by `npm run dict:build`. */
export const DEFAULT_DICTIONARY_DIR = new URL('./default/', import.meta.url).pathname;

/**
 * Loads a built dictionary from DIR (default: the bundled one).
 * @throws SohoaError E_DICT_MISSING when DIR holds no dictionary, E_DICT_INVALID when it is unreadable.
 */
export async function loadDictionary(dir: string = DEFAULT_DICTIONARY_DIR): Promise<Dictionary> {
  const path = join(dir, DICTIONARY_FILES.data);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SohoaError('E_DICT_MISSING', `no dictionary here (run 'sohoa dict build --out ${dir} FILE...')`, path, { cause: err });
  }
  let data: DictionaryData;
  try {
    data = JSON.parse(raw) as DictionaryData;
  } catch (err) {
    throw new SohoaError('E_DICT_INVALID', 'dictionary.json is not valid JSON', path, { cause: err });
  }
  if (data.format !== 1 || !Array.isArray(data.vocabulary)) throw new SohoaError('E_DICT_INVALID', `unknown dictionary format ${String(data.format)}`, path);
  return dictionaryFromData(data);
}
