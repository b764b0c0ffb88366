import { CandidateIndex, abbreviationKey } from './candidates.ts';
import { WordCaseModel, type WordCaseCounts } from './capitals.ts';
import { KneserNeyModel, LanguageModel, type KneserNeyTables } from './lm.ts';
import { syllableInventory } from './orthography.ts';
import { PersonNameModel, type PersonNameCounts } from './person-names.ts';
import { isSlashAbbreviation } from './slash-abbreviations.ts';

/** The serialized dictionary: what `dictionaries/builder` writes and `dictionaries/load` reads. */
export interface DictionaryData {
  format: 1;
  /** LM vocabulary; index = token id. */
  vocabulary: string[];
  /** Prior weight of the domain model in the LM mixture; after each history word it is updated by that word (see `pipeline/repair/lm.ts`). */
  domainWeight: number;
  domain: KneserNeyTables;
  background: KneserNeyTables;
  /**
   * Words that are not Vietnamese syllables, lower case: foreign words seen in clean text, and
   * the syllables of minority place names (Đắk, Krông).
   */
  foreignWords: string[];
  /** Abbreviations and acronyms as written (UBND, VNeID, QĐ, b/c…). */
  abbreviations: string[];
  /** Agency names as written (Bộ Nội vụ, Sở Khoa học và Công nghệ…). */
  agencies: string[];
  /** How often clean text writes each word with a capital mid-sentence (absent in older builds). */
  cases?: WordCaseCounts;
  /** Syllables of people's full names by position (absent in older builds). */
  personNames?: PersonNameCounts;
}

/**
 * The domain dictionary as repair uses it: the syllable language model, the candidate index
 * over every valid syllable and known word, and lists of abbreviations and agency names.
 */
export interface Dictionary {
  lm: LanguageModel;
  candidates: CandidateIndex;
  /** Known words that are no Vietnamese syllable (lower case): left as they are when printed so. */
  foreignWords: ReadonlySet<string>;
  abbreviations: string[];
  /** Abbreviation by `abbreviationKey`, to restore OCR-damaged forms (HDND → HĐND). */
  abbreviationsByKey: ReadonlyMap<string, string>;
  /** The abbreviations written with a slash (b/c, V/v), to restore a letter OCR misread in them. */
  slashAbbreviations: readonly string[];
  agencies: string[];
  /** P(case | word) mid-sentence, when the dictionary has case counts. */
  cases?: WordCaseModel;
  /** How people's names go, for a line that is a name, when the dictionary has name counts. */
  personNames?: PersonNameModel;
}

/** Builds the runtime dictionary from its serialized data. */
export function dictionaryFromData(data: DictionaryData): Dictionary {
  const vocabularySize = data.vocabulary.length;
  const lm = new LanguageModel(
    data.vocabulary,
    new KneserNeyModel(data.domain, vocabularySize, true),
    new KneserNeyModel(data.background, vocabularySize),
    data.domainWeight,
  );
  const words = new Set<string>(syllableInventory());
  for (const w of data.foreignWords) words.add(w);
  const candidates = new CandidateIndex(words, (w) => {
    const id = lm.id(w);
    return { id, prior: lm.unigramCost(id) };
  });
  const abbreviationsByKey = new Map<string, string>();
  for (const a of data.abbreviations) if (!abbreviationsByKey.has(abbreviationKey(a))) abbreviationsByKey.set(abbreviationKey(a), a);
  return {
    lm,
    candidates,
    foreignWords: new Set(data.foreignWords),
    abbreviations: data.abbreviations,
    abbreviationsByKey,
    slashAbbreviations: data.abbreviations.filter(isSlashAbbreviation),
    agencies: data.agencies,
    ...(data.cases ? { cases: new WordCaseModel(data.cases, vocabularySize) } : {}),
    ...(data.personNames ? { personNames: new PersonNameModel(data.personNames) } : {}),
  };
}
