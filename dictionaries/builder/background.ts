import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readGazetteer } from './gazetteer.ts';
import { readGenreConventions, readGenreSectors } from './genre.ts';
import type { CorpusDocument } from './index.ts';
import { readPersonNames } from './person-names.ts';
import { withAdministrativeY } from '../../pipeline/repair/orthography.ts';

/** The general-Vietnamese background corpus and where it came from; every text in NFC. */
export interface BackgroundCorpus {
  source: string;
  /** Short texts: dictionary definitions, usage examples and headwords. */
  texts: string[];
  /**
   * Proper names: the names of provinces and districts, and people's full names (`Trương Hải
   * Long`, also what a signer's name is read by). They teach the model how names go, but not how
   * words are capitalised: a name's syllables are capitals because they are a name, and counted as
   * running text they would say that `văn`, `thông` or `tỉnh` is written with a capital mid-sentence.
   */
  placeNames: string[];
  personNames: string[];
  /**
   * The genre's conventions ({@link readGenreConventions}): administrative text, so the builder
   * counts them with the domain corpus, in every dictionary it builds.
   */
  conventions: CorpusDocument;
  /** The genre's prose by sector ({@link readGenreSectors}), counted with the domain corpus too. */
  sectors: CorpusDocument[];
}

const nfc = (t: string): string => t.normalize('NFC');

interface Sense {
  definition?: string;
  example?: string;
}

/**
 * Reads the background corpus from the `@vntk/dictionary` npm package (MIT): the definitions
 * and usage examples of a 31,000-entry Vietnamese dictionary (about 820,000 syllables of
 * general Vietnamese) and its 74,000-word headword list. It teaches the model which syllables
 * go together in ordinary Vietnamese, beyond the small administrative corpus. The names of the
 * provinces and districts ({@link readGazetteer}) and common personal names
 * ({@link readPersonNames}) are added, so that place names and people's names are known too, and
 * the genre's own conventions ({@link readGenreConventions}).
 */
export function readBackgroundCorpus(): BackgroundCorpus {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('@vntk/dictionary/package.json');
  const dir = dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const entries = JSON.parse(readFileSync(join(dir, 'data/dictionary.json'), 'utf8')) as Record<string, Sense[]>;
  const texts: string[] = [];
  for (const headword of Object.keys(entries).sort()) {
    for (const sense of entries[headword]!) {
      if (sense.definition) texts.push(withAdministrativeY(nfc(sense.definition)));
      if (sense.example) texts.push(...nfc(sense.example).split('~').map(withAdministrativeY));
    }
  }
  for (const word of readFileSync(join(dir, 'data/Viet74K.txt'), 'utf8').split('\n')) {
    if (word.includes(' ')) texts.push(withAdministrativeY(nfc(word).toLowerCase()));
  }
  const genre = readGenreConventions();
  const sectors = readGenreSectors();
  const places = readGazetteer();
  const names = readPersonNames();
  return {
    source: `@vntk/dictionary@${version}, ${genre.source}, ${sectors.source}, ${places.source}, ${names.source}`,
    texts,
    placeNames: places.texts.map(nfc),
    personNames: names.texts.map(nfc),
    // The builder reads these as it reads the corpus, in NFC.
    conventions: genre.document,
    sectors: sectors.documents,
  };
}
