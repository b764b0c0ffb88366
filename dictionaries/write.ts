import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DictionaryData } from '../pipeline/repair/dictionary.ts';
import { writeFileAtomic } from '../workers/output.ts';
import type { CorpusDocument } from './builder/index.ts';
import { DICTIONARY_FILES, type DictionaryManifest } from './format.ts';

/** Writes a built dictionary to DIR: data, manifest, and the word lists as plain text for review. */
export async function writeDictionary(dir: string, data: DictionaryData, corpus: CorpusDocument[], background: string): Promise<DictionaryManifest> {
  const json = JSON.stringify(data);
  const manifest: DictionaryManifest = {
    format: data.format,
    corpus: corpus
      .map((d) => ({ name: d.name, sha256: createHash('sha256').update(d.text).digest('hex'), bytes: Buffer.byteLength(d.text) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    background,
    vocabulary: data.vocabulary.length,
    ngrams: [...data.domain.probs.map((p) => p.length), ...data.background.probs.map((p) => p.length)],
    sha256: createHash('sha256').update(json).digest('hex'),
  };
  await writeFileAtomic(join(dir, DICTIONARY_FILES.data), json);
  await writeFileAtomic(join(dir, DICTIONARY_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
  await writeFileAtomic(join(dir, DICTIONARY_FILES.abbreviations), `${data.abbreviations.join('\n')}\n`);
  await writeFileAtomic(join(dir, DICTIONARY_FILES.agencies), `${data.agencies.join('\n')}\n`);
  return manifest;
}
