import type { Block, Document, Line, Token } from '../model/document.ts';
import { blockLines, documentLines } from '../model/text.ts';
import { acronymRepairs, definedAcronyms } from './acronyms.ts';
import { applyCasing } from './casing.ts';
import { wordCaseAt } from './capitals.ts';
import type { Slot } from './decode.ts';
import { repairMemo, type RepairMemo } from './memo.ts';
import type { Dictionary } from './dictionary.ts';
import { CODE, isSentenceEnd, lmItem, lmWord } from './lm-tokens.ts';
import { countNoise, errorRate, pooledWithNeighbours, sumNoise, type NoiseCounts, type WordKinds } from './noise.ts';
import { bareLower, withVietnameseD } from './orthography.ts';
import { withContextProposals } from './proposals.ts';
import { misreadSlashAbbreviations } from './slash-abbreviations.ts';
import { withMarkAlternatives } from './real-words.ts';
import { MisreadEvidence } from './misread-evidence.ts';
import { specks } from './specks.ts';
import type { RuleRepair } from './rule-repair.ts';
import { quarterNumerals, writesRomanQuarters } from './quarters.ts';
import { misreadFilingMarks } from './filing-mark.ts';
import { divisionNumerals } from './division-numerals.ts';
import { misreadHeadingNumerals } from './heading-numerals.ts';
import { misreadPointLabels } from './point-labels.ts';
import { hasLikelyReading, readAbbreviation, readNumber, readWord, trustsPrinted, type WordReading } from './slots.ts';
import { loneSymbolsAsWords, nextMark, previousMark, tokenizeLine, type Span } from './tokenize.ts';
import { capitalRuns, isCapsLine, isHeadingLine, isLetterLabel, isNameLine } from './line-kinds.ts';
import type { ChangeReason, RepairChange } from './types.ts';

export type { Dictionary, DictionaryData } from './dictionary.ts';
export { dictionaryFromData } from './dictionary.ts';
export type { RepairChange, ChangeReason } from './types.ts';

/** A repaired document and the log of every change made to it. */
export interface RepairResult {
  document: Document;
  changes: RepairChange[];
}

/** A slot of the decoder tied to the span it reads. */
interface PlacedSlot extends Slot {
  line: number;
  span: number;
}

/**
 * Confidence of a rule's repair (a speck removed, Quý 11 → Quý II, Chương | → Chương I, Lưu: VI →
 * Lưu: VT): a rule of orthography, of the calendar or of document form, not a weighed reading.
 */
const RULE_CONFIDENCE = 0.9;

function reasonFor(original: string, repaired: string): ChangeReason {
  if (repaired === '') return 'speck';
  if (repaired.includes(' ')) return 'split';
  if (original.toLowerCase() === repaired.toLowerCase()) return 'case';
  if (bareLower(original) === bareLower(repaired)) return 'diacritics';
  return 'ocr-confusion';
}

/**
 * A code with its abbreviation parts restored (350/QD-TTg → 350/QĐ-TTg). A code's letters are
 * abbreviations, so a part in lower case is tried in capitals too (Qb: QĐ with its Đ read as b).
 */
function repairCode(code: string, dict: Dictionary): string {
  return code.replace(/\p{L}+/gu, (part) => {
    const capitals = part.toUpperCase();
    return readAbbreviation(part, dict) ?? (capitals !== part ? readAbbreviation(capitals, dict) : undefined) ?? part;
  });
}

/**
 * A span as printed. Lines are tokenized with Ð written Đ ({@link repairDocument}), which keeps
 * every column where it was, so the printed text is the line's own at the span's columns.
 */
const printedText = (line: Line, span: Span): string => line.text.slice(span.column, span.column + span.text.length);

/** What repair writes for one span: its text, and for words and numbers the token it became. */
interface Written {
  text: string;
  token?: Omit<Token, 'column'>;
  /**
   * Removed with the span before it and logged in that span's change: the space after a removed
   * speck, the rest of a numeral OCR split at a bar.
   */
  loggedWithPrevious?: true;
}

/** A run of lines that reads as continuous text (a paragraph, or a table cell), tokenized. */
interface Passage {
  lines: Line[];
  spans: Span[][];
  written: Written[][];
  /** Per line: a title or heading set in capitals ({@link isCapsLine}). */
  capsLines: boolean[];
  /** Per line: a heading of two or more words, every one in capitals ({@link isHeadingLine}). */
  headingLines: boolean[];
  /** Per line: a person's name and nothing else ({@link isNameLine}), read as a sentence of its own. */
  nameLines: boolean[];
}

/**
 * The decoder's sentences for a passage: one slot per word, number, code or comma, split at
 * sentence punctuation and around a name's line. Codes are repaired on the spot (their letters
 * are abbreviations).
 */
function readSentences(passage: Passage, rate: number, run: RepairRun): PlacedSlot[][] {
  const { dict } = run;
  const sentences: PlacedSlot[][] = [[]];
  // Documents repeat their words: a printed form read the same way is read once.
  const rateKey = `${rate}\u0000`;
  const read = (span: Span, capsLine: boolean, atLineStart: boolean): WordReading => {
    const key = (span.kind === 'word' ? (capsLine ? 'W' : 'w') : atLineStart ? 'N' : 'n') + rateKey + span.text;
    let reading = run.memo.readings.get(key);
    if (!reading) {
      reading = span.kind === 'word' ? readWord(span.text, rate, capsLine, dict) : readNumber(span.text, rate, atLineStart, dict);
      run.memo.readings.set(key, reading);
    }
    return reading;
  };
  // One list per fixed reading, shared by its every occurrence: the decoder orders each list once.
  const fixed = (line: number, span: number, word: string, id: number): PlacedSlot => {
    const key = `${id}\u0000${word}`;
    let options = run.memo.fixedOptions.get(key);
    if (!options) {
      options = [{ id, word, cost: 0 }];
      run.memo.fixedOptions.set(key, options);
    }
    return { line, span, options };
  };
  const endSentence = (): void => {
    if (sentences[sentences.length - 1]!.length) sentences.push([]);
  };
  passage.spans.forEach((spans, li) => {
    let first = true;
    // A heading's words on a line of running text read as on a caps line (capitalRuns).
    const capitals = passage.capsLines[li]! ? spans.map(() => true) : capitalRuns(spans);
    const nameLine = passage.nameLines[li]!;
    if (nameLine || (li > 0 && passage.headingLines[li] !== passage.headingLines[li - 1])) endSentence();
    spans.forEach((span, si) => {
      if (span.kind === 'space') return;
      const item = lmItem(spans, si, first);
      const atLineStart = first;
      first = false;
      const sentence = sentences[sentences.length - 1]!;
      if (item === 'boundary') {
        endSentence();
      } else if (span.kind === 'code') {
        passage.written[li]![si]!.text = repairCode(span.text, dict);
        sentence.push(fixed(li, si, span.text, dict.lm.id(CODE)));
      } else if (span.kind === 'word' && isLetterLabel(spans, si)) {
        sentence.push(fixed(li, si, lmWord(span.text), dict.lm.id(lmWord(span.text))));
      } else if (span.kind === 'word' || span.kind === 'number') {
        const reading = read(span, capitals[si]!, atLineStart);
        sentence.push(reading.kind === 'fixed' ? fixed(li, si, reading.word, reading.id) : { line: li, span: si, options: reading.options });
      } else if (item !== undefined) {
        sentence.push(fixed(li, si, item, dict.lm.id(item)));
      }
    });
    if (nameLine) endSentence();
  });
  return sentences;
}

/**
 * True when the span opens its line, and the line opens its passage or follows a line that
 * ended a sentence: a word there is written with a capital.
 */
function opensSentence(lines: readonly Span[][], line: number, span: number): boolean {
  if (nextMark(lines[line]!, -1) !== span) return false;
  if (line === 0) return true;
  const above = lines[line - 1]!;
  const last = previousMark(above, above.length);
  return last >= 0 && isSentenceEnd(above[last]!.text);
}

/**
 * Decodes each sentence and writes the chosen reading of every word and number, with its confidence.
 * @param ocrRead the passage was read by our OCR: its valid words may still be misread marks.
 */
function chooseReadings(passage: Passage, sentences: PlacedSlot[][], rate: number, ocrRead: boolean, run: RepairRun): void {
  const { dict } = run;
  const changeCost = -Math.log(rate);
  const trusted = trustsPrinted(rate);
  for (const raw of sentences) {
    const printed = raw.map((slot) => {
      const span = passage.spans[slot.line]![slot.span]!;
      return span.kind === 'word' || span.kind === 'number' ? span.text : undefined;
    });
    // A valid word in text we did not read ourselves is the author's, typos included; in text our
    // OCR read, a valid word may be another one with a mark misread.
    // A sentence never spans a heading's edge nor a name line's (readSentences), so its first word's line says what all are.
    const first = raw[0];
    const onHeading = first !== undefined && passage.headingLines[first.line]!;
    // A name's line is read by how names go, not by what words follow a title.
    const onNameLine = first !== undefined && passage.nameLines[first.line]!;
    const named = onNameLine ? dict.personNames?.asName(raw, printed, changeCost, dict) : undefined;
    const sentence = named ?? (!trusted ? withContextProposals(raw, printed, changeCost, dict, run.memo) : ocrRead ? withMarkAlternatives(raw, printed, rate, dict, onHeading, run.misreads) : raw);
    // How a word inside the sentence is printed, capitalised or not, is evidence of which word it is.
    const cases = dict.cases;
    if (cases && !named) {
      sentence.forEach((slot, k) => {
        if (slot.options.length < 2 || printed[k] === undefined) return;
        const c = wordCaseAt(passage.spans[slot.line]!, slot.span);
        if (c) sentence[k] = { ...slot, options: cases.priced(slot.options, c) };
      });
    }
    const { chosen, confidence } = named ? dict.personNames!.choose(sentence) : run.memo.decoder.read(sentence);
    sentence.forEach((slot, k) => {
      const span = passage.spans[slot.line]![slot.span]!;
      if (span.kind !== 'word' && span.kind !== 'number') return;
      const option = slot.options[chosen[k]!]!;
      const unchanged = span.kind === 'number' ? option.word === span.text : option.word === lmWord(span.text);
      const text = unchanged ? span.text : applyCasing(span.text, option.word, opensSentence(passage.spans, slot.line, slot.span));
      const printed = printedText(passage.lines[slot.line]!, span);
      passage.written[slot.line]![slot.span] = {
        text,
        token: { text, kind: span.kind, confidence: confidence[k]!, ...(text !== printed ? { original: printed } : {}) },
      };
    });
  }
}

/** The repaired lines of a passage with their tokens, logging every change. */
function rebuildLines(passage: Passage, changes: RepairChange[]): Line[] {
  return passage.lines.map((line, li) => {
    let column = 0;
    const tokens: Token[] = [];
    passage.spans[li]!.forEach((span, si) => {
      const { text, token, loggedWithPrevious } = passage.written[li]![si]!;
      const printed = printedText(line, span);
      const original = text !== printed ? { original: printed } : {};
      if (text !== printed && !loggedWithPrevious) {
        changes.push({
          page: line.prov.page,
          line: line.prov.line,
          column: span.column,
          original: token?.original ?? printed,
          repaired: text,
          confidence: Number((token?.confidence ?? 1).toFixed(4)),
          reason: span.kind === 'code' ? 'ocr-confusion' : reasonFor(printed, text),
        });
      }
      // A removed speck leaves no token; the change log keeps it.
      if (span.kind !== 'space' && text !== '') tokens.push({ ...(token ?? { text, kind: span.kind, confidence: 1, ...original }), column });
      column += text.length;
    });
    return { ...line, text: passage.written[li]!.map((w) => w.text).join(''), tokens };
  });
}

/** Writes a rule's repair of a run of spans as one token, logged once at {@link RULE_CONFIDENCE}. */
function writeRuleRepair(passage: Passage, at: RuleRepair): void {
  const line = passage.spans[at.line]!;
  const original = line.slice(at.span, at.last + 1).map((s) => s.text).join('');
  passage.written[at.line]![at.span] = { text: at.text, token: { text: at.text, kind: at.kind, confidence: RULE_CONFIDENCE, original } };
  for (let k = at.span + 1; k <= at.last; k++) passage.written[at.line]![k] = { text: '', loggedWithPrevious: true };
}

/** A line as repair reads it: its spans and the evidence of damage they show. */
interface ReadLine {
  spans: Span[];
  noise: NoiseCounts;
}

/** What repairing one document shares between its passages. */
interface RepairRun {
  dict: Dictionary;
  /** Every line of the document, tokenized once. */
  read: ReadonlyMap<Line, ReadLine>;
  /** Noise counts of the whole document, the prior of each passage's estimate. */
  docNoise: NoiseCounts;
  /** The document writes its quarters in roman numerals (see {@link writesRomanQuarters}). */
  romanQuarters: boolean;
  /**
   * Labels lines open with misread, by line: points' letters, sections' and chapters' Roman
   * numerals, read in the order of the whole document ({@link misreadPointLabels},
   * {@link misreadHeadingNumerals}).
   */
  lineLabels: ReadonlyMap<Line, RuleRepair>;
  /** Readings and decoder shared with the other documents read with this dictionary. */
  memo: RepairMemo;
  changes: RepairChange[];
  /** Misreadings found so far on the document's OCR pages. */
  misreads: MisreadEvidence;
  /** Acronyms the document has defined so far whose Đ OCR misread ({@link definedAcronyms}). */
  acronyms: Set<string>;
}

/** A passage's error rate: its own evidence of damage, smoothed toward the document's. */
const passageRate = (lines: readonly Line[], run: RepairRun): number => errorRate(sumNoise(lines.map((l) => run.read.get(l)!.noise)), run.docNoise);

/**
 * Each block's error rate on a page not read by our OCR (a text layer, a typed file): its evidence
 * pooled with its neighbours' and smoothed toward the document's, a table's cells counted as one.
 * Damage there would be the whole source's (a font's broken mapping, another OCR's output), and a
 * block of a few words says too little alone: one brand name in a cell (`Viettel`) or a code in a
 * copy list's item (`PC08(Đ2)`) made a clean line look damaged, and its words were respelled.
 */
function pooledBlockRates(blocks: readonly Block[], run: RepairRun): number[] {
  // A merged cell, listed in each row it spans, counts once.
  const counts = blocks.map((block) => sumNoise([...new Set(blockLines(block))].map((l) => run.read.get(l)!.noise)));
  return pooledWithNeighbours(counts).map((c) => errorRate(c, run.docNoise));
}

/** Repairs one passage at its block's error rate, every sentence decoded as a whole so each word is chosen in its context. */
function repairLines(lines: Line[], rate: number, ocrRead: boolean, run: RepairRun): Line[] {
  const trusted = trustsPrinted(rate);
  const spans = lines.map((l) => (trusted ? run.read.get(l)!.spans : loneSymbolsAsWords(run.read.get(l)!.spans)));
  const capsLines = lines.map((l) => isCapsLine(l.text));
  const headingLines = spans.map((ss, i) => isHeadingLine(ss, capsLines[i]!));
  const passage: Passage = { lines, spans, written: spans.map((ss) => ss.map((s) => ({ text: s.text }))), capsLines, headingLines, nameLines: spans.map(isNameLine) };
  chooseReadings(passage, readSentences(passage, rate, run), rate, ocrRead, run);
  // A quarter's I read as 1 is OCR's misreading: on a page typed or from a text layer, 1 is as written.
  // A line's label, an acronym and a slash abbreviation are as written in text that reads clean.
  const misread = ocrRead || !trusted;
  const labels = misread ? lines.flatMap((l, li) => {
    const at = run.lineLabels.get(l);
    return at ? [{ ...at, line: li }] : [];
  }) : [];
  if (misread) for (const a of definedAcronyms(spans, passage.written)) run.acronyms.add(a);
  const abbreviated = misread ? [...acronymRepairs(spans, run.acronyms), ...misreadSlashAbbreviations(spans, run.dict.slashAbbreviations)] : [];
  for (const at of [...quarterNumerals(spans, ocrRead && run.romanQuarters), ...divisionNumerals(spans), ...misreadFilingMarks(spans), ...labels, ...abbreviated]) writeRuleRepair(passage, at);
  if (ocrRead) {
    for (const at of specks(spans)) {
      // A speck opening a line takes the space after it (the first word keeps the line's indentation),
      // one ending a passage the space before it; the change is logged where the removed text starts.
      const [span, last] = at.spaceAfter ? [at.span, at.span + 1] : at.spaceBefore ? [at.span - 1, at.span] : [at.span, at.span];
      writeRuleRepair(passage, { line: at.line, span, last, kind: 'punct', text: '' });
    }
  }
  return rebuildLines(passage, run.changes);
}

/**
 * Repairs OCR damage and restores diacritics in every line of a document, logging each
 * change with its position and confidence. Clean text passes through unchanged. On pages our
 * OCR read (`path: 'ocr'`), valid words whose context asks for other marks are checked too.
 */
export function repairDocument(doc: Document, dict: Dictionary): RepairResult {
  const kinds: WordKinds = { isKnown: (w) => dict.foreignWords.has(w), isForeign: (w) => !hasLikelyReading(w, dict) };
  // Tokenized once: the document's noise estimate and every passage read the same spans.
  const read = new Map<Line, ReadLine>();
  for (const line of documentLines(doc)) {
    // Ð for Đ (a font's or an OCR's stand-in; Vietnamese never uses Ð) is written Đ before anything
    // reads the line, so the noise estimate and every reading see the letter meant.
    const spans = tokenizeLine(withVietnameseD(line.text));
    read.set(line, { spans, noise: countNoise(spans, kinds) });
  }
  const changes: RepairChange[] = [];
  const lines = [...read.keys()];
  const spans = [...read.values()].map((r) => r.spans);
  const lineLabels = new Map([...misreadPointLabels(spans), ...misreadHeadingNumerals(spans)].map((at) => [lines[at.line]!, at]));
  const docNoise = sumNoise([...read.values()].map((r) => r.noise));
  const run: RepairRun = { dict, read, docNoise, romanQuarters: writesRomanQuarters(spans), lineLabels, memo: repairMemo(dict), changes, misreads: new MisreadEvidence(), acronyms: new Set() };
  const pages = doc.pages.map((page) => {
    const ocrRead = page.path === 'ocr';
    // On a page our OCR read, damage is local (a seal, a fold, a smudge): each passage's own evidence stands.
    const rates = ocrRead ? undefined : pooledBlockRates(page.blocks, run);
    return {
      ...page,
      blocks: page.blocks.map((block, b): Block => {
        if (!block.table) return { ...block, lines: repairLines(block.lines, rates?.[b] ?? passageRate(block.lines, run), ocrRead, run) };
        const rows = block.table.rows.map((row) => ({
          ...row,
          cells: row.cells.map((cell) => ({ ...cell, lines: repairLines(cell.lines, rates?.[b] ?? passageRate(cell.lines, run), ocrRead, run) })),
        }));
        return { ...block, table: { ...block.table, rows } };
      }),
    };
  });
  return { document: { ...doc, pages }, changes };
}
