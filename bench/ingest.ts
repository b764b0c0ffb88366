/**
 * Ingest benchmark (`npm run bench:ingest`): OCR accuracy on scanned fixtures (CER before and
 * after repair), task records recovered from the scanned QĐ 350, the born-digital path, OCR
 * throughput of tesseract.js against the native `tesseract` with the same model, and peak memory
 * for a long scanned PDF. Options: `--memory-pages N` (default 100, 0 to skip), `--throughput-pages N` (default 4).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { dictionaryWithout } from '../dictionaries/leave-one-out.ts';
import { layoutText, renderBornDigitalPdf, renderedGoldText, renderScannedPdf, renderTextPages } from '../fixtures/generator/index.ts';
import { closeOcr, ingest } from '../pipeline/ingest/index.ts';
import { modelDir, recognizeTsv } from '../pipeline/ingest/ocr/pool.ts';
import { openPdf } from '../pipeline/ingest/pdf/open.ts';
import { renderPage } from '../pipeline/ingest/pdf/render.ts';
import { extractRulingLines } from '../pipeline/ingest/ocr/rules.ts';
import { deskew, estimateSkew } from '../pipeline/ingest/ocr/deskew.ts';
import { encodePgm } from '../pipeline/ingest/pgm.ts';
import type { Document } from '../pipeline/model/document.ts';
import { documentToText } from '../pipeline/model/text.ts';
import { processDocument } from '../pipeline/process.ts';
import { repairDocument, type Dictionary } from '../pipeline/repair/index.ts';
import { characterErrorRate } from './cer.ts';
import { readTaskRecords, scoreTaskRecords } from '../eval/score-tasks.ts';

const root = new URL('..', import.meta.url).pathname;
const QD350 = join(root, 'dictionaries/corpus/qd-350-ttg.txt');
const KH_THAI_NGUYEN = join(root, 'fixtures/seeds/004_91fa2b9411a76217.txt');
const TASKS_SCORE = join(root, '../shared/tools/tasks_score.py');
/** Hand-checked gold records of seed 000: QĐ 350's 62 tasks. */
const GOLD_TASKS = readTaskRecords(join(root, 'fixtures/gold/tasks/000_628a5ca53779184f.jsonl'));

const { values } = parseArgs({
  options: { 'memory-pages': { type: 'string', default: '100' }, 'throughput-pages': { type: 'string', default: '4' }, 'memory-child': { type: 'string' } },
});

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const log = (s: string): void => void process.stdout.write(`${s}\n`);

/** Text of a document without page furniture (page numbers are not document text). */
function bodyText(doc: Document): string {
  return documentToText({ ...doc, pages: doc.pages.map((p) => ({ ...p, blocks: p.blocks.filter((b) => b.kind === 'text' || b.kind === 'table') })) });
}

/** Runs the accuracy fixtures; returns the scanned QĐ 350 as ingested, for the task records. */
async function accuracy(): Promise<Document> {
  log('\n## OCR accuracy on scanned fixtures (CER, whitespace-normalized, against the rendered gold text)');
  const fixtures = [
    { name: 'QĐ 350 + Phụ lục, image-only PDF, 300 dpi', text: readFileSync(QD350, 'utf8'), corpusName: 'qd-350-ttg.txt', make: (t: string) => renderScannedPdf(t, { seed: 350, dpi: 300 }) },
    { name: 'KH Thái Nguyên (seed 004), PNG pages, 200 dpi', text: readFileSync(KH_THAI_NGUYEN, 'utf8'), corpusName: 'thai-nguyen-kh.txt', make: async (t: string) => (await renderTextPages(t, { seed: 4, dpi: 200, maxPages: 4 })) },
  ];
  let scanned: Document | undefined;
  for (const f of fixtures) {
    const made = await f.make(f.text);
    const files = made instanceof Uint8Array ? [made] : made;
    const t0 = performance.now();
    const docs: Document[] = [];
    for (const [i, bytes] of files.entries()) docs.push(await ingest({ name: `${i}`, bytes }));
    const seconds = (performance.now() - t0) / 1000;
    const pages = docs.flatMap((d) => d.pages);
    const doc: Document = { source: docs[0]!.source, pages };
    // Pages rendered from the gold: for a part of a text, the gold is what those pages hold.
    const gold = files.length === 1 ? renderedGoldText(f.text) : goldOfPages(f.text, pages.length);
    const before = characterErrorRate(gold, bodyText(doc));
    const after = characterErrorRate(gold, bodyText(repairDocument(doc, dictionaryWithout(f.corpusName)).document));
    log(`${f.name}: ${pages.length} pages in ${seconds.toFixed(1)} s (${((pages.length / seconds) * 60).toFixed(1)} pages/min with the pool); CER before repair ${pct(before)}, after repair ${pct(after)}`);
    scanned ??= doc;
  }
  return scanned!;
}

/** Gold text of the first `n` typeset pages of a text: the runs drawn on them, page numbers left out. */
function goldOfPages(text: string, n: number): string {
  return layoutText(text, n)
    .map((p, i) => p.runs.filter((r) => !(i > 0 && r.y < 40)).map((r) => r.text).join(' '))
    .join(' ');
}

/** Task records (the stages processFile runs, on the already-ingested scan) scored by tasks_score.py. */
async function tasks(dict: Dictionary, scanned: Document): Promise<void> {
  log('\n## Task records from the scanned QĐ 350 fixture (tasks_score.py against the 62 gold rows)');
  const text = readFileSync(QD350, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-bench-'));
  try {
    const clean = await ingest({ name: 'qd-350-ttg.txt', bytes: new TextEncoder().encode(text) });
    for (const [name, doc] of [['clean text (reference)', clean], ['scanned PDF, 300 dpi', scanned]] as const) {
      const records = processDocument(doc, dict).tasks;
      const s = scoreTaskRecords(GOLD_TASKS, records);
      log(
        `${name}: ${records.length} records; bench:segment figures: matched ${pct(s.matched)}, section+STT ${pct(s.sectionStt)}, found ${pct(s.found)}, ` +
          `task exact ${pct(s.taskExact)}, lead exact ${pct(s.leadExact)}, deadline exact ${pct(s.deadlineExact)}, deadline kind+years ${pct(s.deadlineKindYears)}, ` +
          `task similarity median ${s.taskSimMedian.toFixed(3)}, fields exact ${pct(s.fieldsExact)}`,
      );
      const jsonl = join(dir, 'tasks.jsonl');
      writeFileSync(jsonl, records.map((t) => JSON.stringify(t)).join('\n') + '\n');
      if (!existsSync(TASKS_SCORE)) {
        log(`${name}: ${records.length} records (scorer not found at ${TASKS_SCORE})`);
        continue;
      }
      const score = spawnSync('python3', [TASKS_SCORE, QD350, jsonl], { encoding: 'utf8' });
      log(`${name}: ${records.length} records\n${(score.stdout || score.stderr).trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bornDigital(): Promise<void> {
  log('\n## Born-digital PDF (text layer)');
  const text = readFileSync(QD350, 'utf8');
  const pdf = await renderBornDigitalPdf(text);
  const t0 = performance.now();
  const doc = await ingest({ name: 'born-digital.pdf', bytes: pdf });
  const ms = performance.now() - t0;
  const ocrPages = doc.pages.filter((p) => p.path !== 'text-layer').length;
  log(`${doc.pages.length} pages in ${ms.toFixed(0)} ms, ${ocrPages} pages sent to OCR; CER against the gold ${pct(characterErrorRate(renderedGoldText(text), bodyText(doc)))}`);
}

async function throughput(n: number): Promise<void> {
  log(`\n## OCR throughput per worker: tesseract.js vs native tesseract, same ${n} pages, same model (vie ${modelDir('vie').split('/').at(-1)}, OEM 1)`);
  const pdf = await openPdf(await renderScannedPdf(readFileSync(QD350, 'utf8'), { seed: 350, dpi: 300, maxPages: n }), 'throughput.pdf');
  const images: Uint8Array[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await renderPage(await pdf.getPage(i));
    const level = deskew(page, estimateSkew(page));
    extractRulingLines(level, Math.round(0.4 * page.dpi));
    images.push(encodePgm(level));
  }
  await pdf.destroy();
  await recognizeTsv(images[0]!); // worker start-up is not throughput
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-native-'));
  try {
    mkdirSync(join(dir, 'tessdata'));
    writeFileSync(join(dir, 'tessdata', 'vie.traineddata'), gunzipSync(readFileSync(join(modelDir('vie'), 'vie.traineddata.gz'))));
    images.forEach((img, i) => writeFileSync(join(dir, `p${i}.pgm`), img));
    execFileSync('tesseract', ['--version'], { stdio: 'ignore' });
    // Page by page, one engine then the other, so a change in the machine's load hits both alike.
    let js = 0;
    let native = 0;
    for (let i = 0; i < n; i++) {
      let t0 = performance.now();
      await recognizeTsv(images[i]!);
      js += (performance.now() - t0) / 1000;
      t0 = performance.now();
      execFileSync('tesseract', [join(dir, `p${i}.pgm`), join(dir, `p${i}`), '--tessdata-dir', join(dir, 'tessdata'), '-l', 'vie', '--oem', '1', '--dpi', '300', 'tsv'], {
        stdio: 'ignore',
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      });
      native += (performance.now() - t0) / 1000;
    }
    log(`tesseract.js: ${((n / js) * 60).toFixed(1)} pages/min per worker (${(js / n).toFixed(2)} s/page)`);
    log(`native tesseract (1 thread): ${((n / native) * 60).toFixed(1)} pages/min (${(native / n).toFixed(2)} s/page)`);
    log(`ratio tesseract.js / native: ${(native / js).toFixed(2)}×`);
  } catch (err) {
    log(`native tesseract not measured: ${(err as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function memory(pages: number): Promise<void> {
  log(`\n## Peak memory for a ${pages}-page scanned PDF (child process, streamed page by page)`);
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-mem-'));
  try {
    // The QĐ 350 text repeated until it fills the pages asked for.
    const base = readFileSync(QD350, 'utf8');
    const perCopy = layoutText(base).length;
    const text = Array.from({ length: Math.ceil(pages / perCopy) }, () => base).join('\n');
    for (const n of [Math.min(10, pages), pages]) {
      const file = join(dir, `scan-${n}.pdf`);
      writeFileSync(file, await renderScannedPdf(text, { seed: 100, dpi: 300, maxPages: n }));
      const t0 = performance.now();
      const child = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--memory-child', file], { encoding: 'utf8' });
      const minutes = (performance.now() - t0) / 60000;
      log(child.status === 0 ? `${child.stdout.trim()}, ${(n / minutes).toFixed(1)} pages/min overall` : `failed: ${child.stderr.slice(-500)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In the child: ingest the PDF and report the peak resident memory of the whole process (all threads). */
async function memoryChild(file: string): Promise<void> {
  const doc = await ingest({ name: 'long.pdf', bytes: new Uint8Array(readFileSync(file)) });
  await closeOcr();
  log(`${doc.pages.length} pages: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

if (values['memory-child']) {
  await memoryChild(values['memory-child']);
} else {
  try {
    await bornDigital();
    await tasks(dictionaryWithout('qd-350-ttg.txt'), await accuracy());
    await throughput(Number(values['throughput-pages']));
  } finally {
    await closeOcr();
  }
  if (Number(values['memory-pages']) > 0) await memory(Number(values['memory-pages']));
}
