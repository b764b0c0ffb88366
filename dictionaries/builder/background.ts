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
  /** Short texts: dictionary definitions and usage examples. */
  texts: string[];
  /**
   * The word list's headwords of two syllables or more, in lower case. They teach which syllables
   * go together, but not how words are capitalised: counted as running text, a name's later
   * syllables (`đà nẵng`, `hồ chí minh`) would be words written in lower case mid-sentence.
   */
  headwords: string[];
  /**
   * Proper names: the provinces and districts with their types (`Huyện Nam Đàn, Tỉnh Nghệ An`),
   * and people's full names (`Trương Hải Long`, also what a signer's name is read by). They teach
   * the model how names go. Counted as running text for case they would say that `tỉnh` is written
   * with a capital mid-sentence, and people's names that `văn` or `thị` is: case is counted from
   * {@link placeNamesAlone} only.
   */
  placeNames: string[];
  personNames: string[];
  /**
   * The places' names alone, without their type (`Đà Nẵng` of `Thành phố Đà Nẵng`): a name's
   * syllables are written with a capital wherever it stands, which is how case tells `Nẵng` from
   * `nâng`. Their types (`tỉnh`, `huyện`) are lower case mid-sentence, so only the names count.
   */
  placeNamesAlone: string[];
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
  const headwords = readFileSync(join(dir, 'data/Viet74K.txt'), 'utf8')
    .split('\n')
    .filter((word) => word.includes(' '))
    .map((word) => withAdministrativeY(nfc(word).toLowerCase()));
  const genre = readGenreConventions();
  const sectors = readGenreSectors();
  const places = readGazetteer();
  const names = readPersonNames();
  return {
    source: `@vntk/dictionary@${version}, ${genre.source}, ${sectors.source}, ${places.source}, ${names.source}`,
    texts,
    headwords,
    placeNames: places.texts.map(nfc),
    placeNamesAlone: places.names.map(nfc),
    personNames: names.texts.map(nfc),
    // The builder reads these as it reads the corpus, in NFC.
    conventions: genre.document,
    sectors: sectors.documents,
  };
}
