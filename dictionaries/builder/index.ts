import { dictionaryFromData, type Dictionary, type DictionaryData } from '../../pipeline/repair/dictionary.ts';
import { BOS, CODE, EOS, NUM, UNK, lmSentences } from '../../pipeline/repair/lm-tokens.ts';
import { isValidSyllable, syllableInventory } from '../../pipeline/repair/orthography.ts';
import { isSlashAbbreviation } from '../../pipeline/repair/slash-abbreviations.ts';
import { tokenizeLine, type Span } from '../../pipeline/repair/tokenize.ts';
import { readBackgroundCorpus, type BackgroundCorpus } from './background.ts';
import { extractAgencies } from './agencies.ts';
import { estimateKneserNey } from './kneser-ney.ts';
import type { KneserNeyTables } from '../../pipeline/repair/lm.ts';
import { stripMarkup } from '../../pipeline/model/markup.ts';
import { fromRoman } from '../../pipeline/model/roman.ts';
import { countNameCapitals, countWordCases, type WordCaseCounts } from '../../pipeline/repair/capitals.ts';
import { countPersonNames, type PersonNameCounts } from '../../pipeline/repair/person-names.ts';

/** One clean document of the corpus a dictionary is counted from. */
export interface CorpusDocument {
  name: string;
  text: string;
}

/** Background bigrams seen once are left to the back-off: half the table, no loss of accuracy. */
const BACKGROUND_MIN_COUNT = 2;

/** Prior weight of the administrative-text model against the general-Vietnamese one (the LM updates it by each history word). */
const DOMAIN_WEIGHT = 0.75;

/** Tokenized paragraphs (runs of non-blank lines) of a text. */
function paragraphs(text: string): Span[][][] {
  const out: Span[][][] = [];
  let cur: Span[][] = [];
  for (const line of text.normalize('NFC').split(/\r?\n/)) {
    if (line.trim() === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(tokenizeLine(line));
  }
  if (cur.length) out.push(cur);
  return out;
}

const upperCount = (s: string): number => (s.match(/\p{Lu}/gu) ?? []).length;
const letterCount = (s: string): number => (s.match(/\p{L}/gu) ?? []).length;

/**
 * Abbreviations and acronyms written in running text: two or more capitals, not a title in
 * capitals, and the abbreviations written with a slash (b/c, V/v).
 */
function collectAbbreviations(lines: Span[][], into: Map<string, number>): void {
  for (const spans of lines) {
    const text = spans.map((s) => s.text).join('');
    if (upperCount(text) > 0.6 * letterCount(text)) continue;
    for (const span of spans) {
      if (span.kind === 'code' && isSlashAbbreviation(span.text)) into.set(span.text, (into.get(span.text) ?? 0) + 1);
      const parts = span.kind === 'code' ? span.text.split(/[/.-]/) : span.kind === 'word' ? [span.text] : [];
      for (const p of parts) {
        // Roman numerals are numbers, read as such wherever they stand (readWord), not abbreviations:
        // listed as one, VI would also be kept where a heading in capitals prints VỊ as VI.
        if (!/^\p{L}+$/u.test(p) || upperCount(p) < 2 || fromRoman(p) !== undefined) continue;
        into.set(p, (into.get(p) ?? 0) + 1);
      }
    }
  }
}

/** Lower-case words of clean text that are not Vietnamese syllables nor abbreviations: chatbot, data… */
function collectForeignWords(lines: Span[][], into: Set<string>): void {
  for (const spans of lines) {
    for (const span of spans) {
      if (span.kind !== 'word' || upperCount(span.text) > 1 || !/^[A-Za-z]{3,}$/.test(span.text)) continue;
      const lower = span.text.toLowerCase();
      if (!isValidSyllable(lower)) into.add(lower);
    }
  }
}

/**
 * The words of place names that Vietnamese spelling does not admit (Đắk, Krông, Kon, Plông, Kạn):
 * the Central Highlands' and the north's minority names, written so in every document that names
 * them. Known as foreign words are, they are kept as printed and offered as readings of damaged
 * words (Pak for Đắk).
 */
function collectPlaceNameWords(names: readonly string[], into: Set<string>): void {
  for (const name of names) {
    for (const word of name.toLowerCase().split(' ')) if (/^\p{L}+$/u.test(word) && !isValidSyllable(word)) into.add(word);
  }
}

/**
 * Builds the serialized dictionary from clean documents and a background corpus,
 * deterministically: the same inputs give byte-identical output.
 */
export function buildDictionaryData(corpus: CorpusDocument[], background: BackgroundCorpus): DictionaryData {
  // The genre's conventions are read as one more clean document, each line a paragraph, and its
  // prose by sector as more clean documents.
  // Agency names are read from documents and the conventions' list of bodies, not from the sectors'
  // prose, which runs a name on into its sentence (`Sở Tài chính thẩm định`): the extractor cannot part them.
  const sorted = [...corpus].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const docs = [...[...sorted, background.conventions].map((doc) => ({ doc, namesAgencies: true })), ...background.sectors.map((doc) => ({ doc, namesAgencies: false }))];
  const domainSentences: string[][] = [];
  const abbreviations = new Map<string, number>();
  const foreign = new Set<string>();
  const cases = new Map<string, [number, number]>();
  const cleanTexts: string[] = [];
  for (const { doc, namesAgencies } of docs) {
    const clean = doc.text.split('\n').map(stripMarkup).join('\n');
    if (namesAgencies) cleanTexts.push(clean);
    for (const para of paragraphs(clean)) {
      domainSentences.push(...lmSentences(para));
      collectAbbreviations(para, abbreviations);
      collectForeignWords(para, foreign);
      countWordCases(para, cases);
    }
  }
  collectPlaceNameWords(background.placeNamesAlone, foreign);
  const bg = backgroundModel(background);
  // Background tokens keep their ids; tokens only the domain has come after them.
  const known = new Set(bg.vocabulary);
  const extra = new Set<string>();
  for (const s of domainSentences) for (const t of s) if (!known.has(t)) extra.add(t);
  const vocabulary = [...bg.vocabulary, ...[...extra].sort()];
  const ids = new Map(vocabulary.map((t, i) => [t, i]));
  const toIds = (s: string[]): number[] => s.map((t) => ids.get(t)!);

  return {
    format: 1,
    vocabulary,
    domainWeight: DOMAIN_WEIGHT,
    domain: estimateKneserNey(domainSentences.map(toIds), 3, 0, 1),
    background: bg.tables,
    foreignWords: [...foreign].sort(),
    abbreviations: [...abbreviations.keys()].sort(),
    agencies: extractAgencies(cleanTexts),
    cases: caseCounts([cases, bg.cases], ids),
    personNames: bg.personNames,
  };
}

/** The case counts of several texts added up, by LM id in id order. */
function caseCounts(sources: ReadonlyMap<string, [number, number]>[], ids: ReadonlyMap<string, number>): WordCaseCounts {
  const byId = new Map<number, [number, number]>();
  for (const source of sources) {
    for (const [word, [capital, lower]] of source) {
      const id = ids.get(word);
      if (id === undefined) continue;
      const sum = byId.get(id) ?? [0, 0];
      sum[0] += capital;
      sum[1] += lower;
      byId.set(id, sum);
    }
  }
  const sorted = [...byId.keys()].sort((a, b) => a - b);
  return { ids: sorted, capital: sorted.map((id) => byId.get(id)![0]), lower: sorted.map((id) => byId.get(id)![1]) };
}

const SPECIAL_TOKENS = [BOS, EOS, UNK, NUM, CODE, ',', ':'];

interface BackgroundModel {
  vocabulary: string[];
  tables: KneserNeyTables;
  /** How often each word is written with a capital and in lower case mid-sentence. */
  cases: Map<string, [number, number]>;
  personNames: PersonNameCounts;
}

/**
 * Background models by the texts they are counted from: a corpus spread with other genre
 * documents (`{ ...background, sectors: [] }`) keeps its texts and names, and its model.
 */
const backgroundModels = new WeakMap<readonly string[], BackgroundModel>();

/**
 * The background model and the vocabulary prefix it fixes (special tokens, every valid
 * syllable, every background token). It does not depend on the domain corpus, so
 * leave-one-out builds share it.
 */
function backgroundModel(background: BackgroundCorpus): BackgroundModel {
  let model = backgroundModels.get(background.texts);
  if (model) return model;
  // The background corpus comes in NFC (readBackgroundCorpus).
  const tokenized = (texts: string[]): Span[][] => texts.map((t) => tokenizeLine(t));
  const lines = tokenized(background.texts);
  const sentences = [...lines, ...tokenized([...background.headwords, ...background.placeNames, ...background.personNames])].flatMap((l) => lmSentences([l]));
  const cases = new Map<string, [number, number]>();
  countWordCases(lines, cases);
  countNameCapitals(tokenized(background.placeNamesAlone), cases);
  const tokens = new Set<string>(syllableInventory());
  for (const s of sentences) for (const t of s) tokens.add(t);
  for (const t of SPECIAL_TOKENS) tokens.delete(t);
  const vocabulary = [...SPECIAL_TOKENS, ...[...tokens].sort()];
  const ids = new Map(vocabulary.map((t, i) => [t, i]));
  const tables = estimateKneserNey(sentences.map((s) => s.map((t) => ids.get(t)!)), 2, 0, 1, BACKGROUND_MIN_COUNT);
  model = { vocabulary, tables, cases, personNames: countPersonNames(background.personNames) };
  backgroundModels.set(background.texts, model);
  return model;
}

let backgroundCache: BackgroundCorpus | undefined;

/**
 * Builds a runtime dictionary from clean documents (with the bundled background corpus).
 * Used for leave-one-document-out evaluation and by `sohoa dict build`.
 */
export function buildDictionary(corpus: CorpusDocument[]): Dictionary {
  backgroundCache ??= readBackgroundCorpus();
  return dictionaryFromData(buildDictionaryData(corpus, backgroundCache));
}

export { readBackgroundCorpus };
