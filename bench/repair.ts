/**
 * `npm run bench:repair`: accuracy and speed of the repair stage, each document scored with a
 * dictionary built without it (leave-one-document-out). Prints a table; asserts nothing.
 *
 * (1) seed 001 body (Tesseract without the Vietnamese model) against the QĐ 350 gold body;
 * (2) the gold body with every diacritic stripped; (3) clean corpus documents rendered as
 * scanned pages and read by tesseract.js's English model (`fixtures/ocr-eng`);
 * (4) each clean corpus document through repair: the share of tokens left unchanged;
 * (5) the same documents rendered at 200 dpi and read by the Vietnamese model
 * (`fixtures/ocr-vie`), the product's own path: repair must not harm nearly clean text;
 * (6) the documents written for the project (`fixtures/written`, tables left out), read by
 * both models: documents no dictionary is built from, repaired with the bundled one (whose genre
 * conventions, counted in every build, were written after seeing what (6) lost);
 * (7) the documents written apart from the code and the dictionaries (`fixtures/unseen`, tables
 * left out), read by both models. The genre's prose by sector was written without seeing them;
 * two forms of the filing mark (`Lưu: V[`, `Lưu:VL.KT`), the conventions' closing self-references
 * and reporting formulas, three-syllable splits and the channel's b for Đ were written after seeing
 * their output (`fixtures/unseen/README.md`).
 * Speed: tokens per second of CPU time on one core, cold (first pass on a new dictionary) and
 * warm (the same text again, as in a batch where words repeat); batch throughput (every
 * damaged, then every clean, document once through one dictionary); and the bundled
 * dictionary's load time (wall clock).
 */
import { existsSync, readFileSync } from 'node:fs';
import { readCorpus } from '../dictionaries/corpus.ts';
import { dictionaryWithout as without } from '../dictionaries/leave-one-out.ts';
import { loadDictionary } from '../dictionaries/load.ts';
import { predictedTokensCorrect, scoreText } from '../eval/score-text.ts';
import { documentFromText, documentToText } from '../pipeline/model/text.ts';
import type { Dictionary } from '../pipeline/repair/dictionary.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import { stripDiacritics } from '../pipeline/repair/orthography.ts';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const countTokens = (t: string): number => t.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
const corpus = readCorpus();

interface Row {
  benchmark: string;
  tokens: number;
  /** Syllables of the gold text, each document's weight when rows are pooled. */
  goldTokens: number;
  before: number;
  after: number;
  /** Per document only: a pooled row has no WER or speed of its own. */
  wer?: number;
  coldTps?: number;
  warmTps?: number;
}

/** Repairs a text; `ocr` marks its pages as read by our OCR, as the ingest stage does for scans. */
function timedRepair(text: string, dict: Dictionary, ocr = false): { text: string; changes: number; ms: number } {
  const read = documentFromText({ name: 'bench.txt', mediaType: 'text/plain', sha256: '' }, text);
  const doc = ocr ? { ...read, pages: read.pages.map((p) => ({ ...p, path: 'ocr' as const })) } : read;
  // CPU time of this single-threaded work: what one core spends, whatever else the machine runs.
  const before = process.cpuUsage();
  const r = repairDocument(doc, dict);
  const used = process.cpuUsage(before);
  return { text: documentToText(r.document), changes: r.changes.length, ms: (used.user + used.system) / 1000 };
}

function accuracyRow(benchmark: string, gold: string, input: string, dict: Dictionary, ocr = false): Row {
  const cold = timedRepair(input, dict, ocr);
  const warm = timedRepair(input, dict, ocr);
  const before = scoreText(gold, input);
  const after = scoreText(gold, cold.text);
  const tokens = countTokens(input);
  return {
    benchmark,
    tokens,
    goldTokens: after.gold_tokens,
    before: before.syllable_acc,
    after: after.syllable_acc,
    wer: after.wer,
    coldTps: Math.round(tokens / (cold.ms / 1000)),
    warmTps: Math.round(tokens / (warm.ms / 1000)),
  };
}

const rows: Row[] = [];
const qd350 = without('qd-350-ttg.txt');
const gold = fixture('gold/qd350-body.txt');
rows.push(accuracyRow('(1) seed 001 OCR body', gold, fixture('gold/qd350-body.ocr.txt'), qd350));
rows.push(accuracyRow('(2) QĐ 350 body, accents stripped', gold, stripDiacritics(gold), without('qd-350-ttg.txt')));

/**
 * The OCR benchmark pairs of a fixture folder (`ocr-eng`, `ocr-vie`, or their `written/`, `unseen/`): per
 * document (of the corpus by default), its OCR text and gold.
 */
function ocrPairs(folder: string, docs = corpus): { name: string; base: string; ocr: string; gold: string }[] {
  const dir = new URL(`../fixtures/${folder}/`, import.meta.url).pathname;
  return docs.flatMap(({ name }) => {
    const base = name.replace(/\.txt$/, '');
    return existsSync(`${dir}${base}.ocr.txt`) ? [{ name, base, ocr: fixture(`${folder}/${base}.ocr.txt`), gold: fixture(`${folder}/${base}.gold.txt`) }] : [];
  });
}
const engRead = ocrPairs('ocr-eng');
const vieRead = ocrPairs('ocr-vie');
for (const p of engRead) rows.push(accuracyRow(`(3) ${p.base}, eng OCR`, p.gold, p.ocr, without(p.name)));
for (const p of vieRead) rows.push(accuracyRow(`(5) ${p.base}, vie OCR`, p.gold, p.ocr, without(p.name), true));

// The documents written for the project (6) and apart from it (7): the bundled dictionary was
// built without them all. A fresh load per document, so that its cold speed is measured on a
// dictionary that met no other.
for (const [set, label] of [['written', '(6)'], ['unseen', '(7)']] as const) {
  const docs = readCorpus(new URL(`../fixtures/${set}/`, import.meta.url).pathname);
  for (const [model, ocr] of [['eng', false], ['vie', true]] as const) {
    const scored: Row[] = [];
    for (const p of ocrPairs(`ocr-${model}/${set}`, docs)) scored.push(accuracyRow(`${label} ${p.base}, ${model} OCR`, p.gold, p.ocr, await loadDictionary(), ocr));
    // All documents together: each document's accuracy weighted by its gold syllables.
    const sum = (f: (r: Row) => number): number => scored.reduce((n, r) => n + f(r), 0);
    const goldTokens = sum((r) => r.goldTokens);
    const pooled = (f: (r: Row) => number): number => sum((r) => f(r) * r.goldTokens) / goldTokens;
    rows.push(...scored, { benchmark: `${label} all ${scored.length}, ${model} OCR`, tokens: sum((r) => r.tokens), goldTokens, before: pooled((r) => r.before), after: pooled((r) => r.after) });
  }
}

const unchangedRows: string[] = [];
let allTokens = 0;
let allChanges = 0;
for (const { name, text } of corpus) {
  const dict = without(name);
  const cold = timedRepair(text, dict);
  const warm = timedRepair(text, dict);
  const tokens = countTokens(text);
  allTokens += tokens;
  allChanges += cold.changes;
  unchangedRows.push(
    `| (4) ${name} | ${tokens} | ${cold.changes} | ${((1 - cold.changes / tokens) * 100).toFixed(3)}% | ${Math.round(tokens / (cold.ms / 1000))} | ${Math.round(tokens / (warm.ms / 1000))} |`,
  );
}

// Calibration: how often a change of a given confidence is right (seed 001 body).
const repaired = repairDocument(documentFromText({ name: 'bench.txt', mediaType: 'text/plain', sha256: '' }, fixture('gold/qd350-body.ocr.txt')), qd350);
const correct = predictedTokensCorrect(gold, documentToText(repaired.document));
const perToken: { confidence: number; changed: boolean }[] = [];
for (const page of repaired.document.pages) {
  for (const block of page.blocks) {
    for (const line of block.lines) {
      for (const t of line.tokens ?? []) {
        for (const _ of t.text.match(/[\p{L}\p{M}\p{N}_]+/gu) ?? []) perToken.push({ confidence: t.confidence, changed: t.original !== undefined });
      }
    }
  }
}
const BINS: [number, number][] = [[0, 0.5], [0.5, 0.8], [0.8, 0.95], [0.95, 0.99], [0.99, 1.01]];
const calibration = BINS.map(([lo, hi]) => {
  const idx = perToken.flatMap((t, i) => (t.changed && t.confidence >= lo && t.confidence < hi ? [i] : []));
  const right = idx.filter((i) => correct[i]).length;
  return `| ${lo.toFixed(2)}–${Math.min(hi, 1).toFixed(2)} | ${idx.length} | ${idx.length ? ((right / idx.length) * 100).toFixed(1) : '–'}% |`;
});

/** Passes of each batch: a shared virtual machine's CPU time varies by half from pass to pass. */
const BATCH_PASSES = 7;

/**
 * Throughput as a batch worker sees it: one dictionary, each document once, in sequence; the
 * memo of printed forms fills as the batch goes (speed only, so the bundled dictionary is used).
 * Each pass starts on a freshly loaded dictionary; the median and best passes are reported.
 */
async function batchThroughput(texts: string[], ocr = false): Promise<{ tokens: number; median: number; best: number }> {
  const tokens = texts.reduce((n, text) => n + countTokens(text), 0);
  const tps: number[] = [];
  for (let pass = 0; pass < BATCH_PASSES; pass++) {
    const dict = await loadDictionary();
    const ms = texts.reduce((sum, text) => sum + timedRepair(text, dict, ocr).ms, 0);
    tps.push(Math.round(tokens / (ms / 1000)));
  }
  tps.sort((a, b) => a - b);
  return { tokens, median: tps[BATCH_PASSES >> 1]!, best: tps.at(-1)! };
}
const damaged = [fixture('gold/qd350-body.ocr.txt'), ...engRead.map((p) => p.ocr)];
const batchDamaged = await batchThroughput(damaged);
const batchClean = await batchThroughput(corpus.map((d) => d.text));
const batchVie = await batchThroughput(vieRead.map((p) => p.ocr), true);

const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await loadDictionary();
  loads.push(performance.now() - t);
}
loads.sort((a, b) => a - b);

console.log('## Repair accuracy (leave-one-document-out dictionaries)\n');
console.log('| benchmark | tokens | syllable acc. before | after | WER after | tokens/s cold | tokens/s warm |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const percent = (x: number): string => `${(x * 100).toFixed(2)}%`;
for (const r of rows) console.log(`| ${r.benchmark} | ${r.tokens} | ${percent(r.before)} | ${percent(r.after)} | ${r.wer?.toFixed(4) ?? ''} | ${r.coldTps ?? ''} | ${r.warmTps ?? ''} |`);
console.log('\n## Clean text through repair\n');
console.log('| document | tokens | changed | unchanged | tokens/s cold | tokens/s warm |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const line of unchangedRows) console.log(line);
console.log(`| all | ${allTokens} | ${allChanges} | ${((1 - allChanges / allTokens) * 100).toFixed(3)}% | | |`);
console.log('\n## Batch throughput (one dictionary, each document once, CPU time on one core)\n');
console.log(`| input | documents | tokens | tokens/s, median of ${BATCH_PASSES} passes | best pass |`);
console.log('|---|---:|---:|---:|---:|');
console.log(`| OCR-damaged: (1) + (3) | ${damaged.length} | ${batchDamaged.tokens} | ${batchDamaged.median} | ${batchDamaged.best} |`);
console.log(`| clean: (4) | ${corpus.length} | ${batchClean.tokens} | ${batchClean.median} | ${batchClean.best} |`);
console.log(`| read by the Vietnamese model: (5), real-word check on | ${vieRead.length} | ${batchVie.tokens} | ${batchVie.median} | ${batchVie.best} |`);
console.log('\n## Confidence of changes (seed 001 body): share of changes that are right\n');
console.log('| confidence | changes | right |');
console.log('|---|---:|---:|');
for (const line of calibration) console.log(line);
console.log(`\nBundled dictionary load: median ${loads[2]!.toFixed(0)} ms (min ${loads[0]!.toFixed(0)}, max ${loads[4]!.toFixed(0)}) over 5 loads.`);
