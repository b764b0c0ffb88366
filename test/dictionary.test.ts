import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDictionaryData, readBackgroundCorpus } from '../dictionaries/builder/index.ts';
import { readCorpus } from '../dictionaries/corpus.ts';
import { DEFAULT_DICTIONARY_DIR, loadDictionary } from '../dictionaries/load.ts';
import type { DictionaryManifest } from '../dictionaries/format.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('dictionary', () => {
  it('is rebuilt byte for byte from the corpus, and the bundled build is that build', () => {
    const background = readBackgroundCorpus();
    const first = JSON.stringify(buildDictionaryData(readCorpus(), background));
    const second = JSON.stringify(buildDictionaryData([...readCorpus()].reverse(), background));
    expect(sha(second)).toBe(sha(first));
    const manifest = JSON.parse(readFileSync(`${DEFAULT_DICTIONARY_DIR}manifest.json`, 'utf8')) as DictionaryManifest;
    expect(manifest.sha256).toBe(sha(first));
    expect(manifest.corpus.map((c) => c.name)).toEqual(readCorpus().map((d) => d.name));
  });

  it('lists abbreviations written in running text and agency names from the corpus', async () => {
    const dict = await loadDictionary();
    for (const a of ['UBND', 'HĐND', 'VNeID', 'QĐ', 'TTg']) expect(dict.abbreviations).toContain(a);
    expect(dict.abbreviations).not.toContain('QUYẾT');
    for (const a of ['Bộ Nội vụ', 'Bộ Khoa học và Công nghệ', 'Bộ Công an']) expect(dict.agencies).toContain(a);
  });

  it('fails with a code when a folder holds no dictionary', async () => {
    await expect(loadDictionary('/nonexistent')).rejects.toMatchObject({ code: 'E_DICT_MISSING' });
  });
});
