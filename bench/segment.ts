/**
 * Segmentation benchmark: task-record accuracy and header-metadata accuracy per seed, plus
 * segment+emit speed. Figures use the definitions of /work/shared/tools/tasks_score.py
 * (matched, found, task/lead/deadline exact, task similarity median), computed against the
 * hand-checked gold in fixtures/gold/tasks, and are cross-checked by running that script
 * where its gold (a tab-separated table in the clean seed) exists.
 *
 * Seed 001 (OCR of QĐ 350) goes through repair with a dictionary built without QĐ 350
 * (leave-one-document-out), and is scored against the 62 gold rows of QĐ 350 (seed 000).
 * Seeds 000, 002 and 004 are also read as `pdftotext -layout` gives them from a born-digital
 * rendering (rows 000L, 002L, 004L: space-aligned tables), where poppler-utils is installed.
 *
 * usage: npm run bench:segment [-- --runs N]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dictionaryWithout } from '../dictionaries/leave-one-out.ts';
import { median, readTaskRecords, scoreTaskRecords } from '../eval/score-tasks.ts';
import { renderBornDigitalPdf } from '../fixtures/generator/index.ts';
import { extractTasks, type TaskRecord } from '../pipeline/emit/index.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import type { Document } from '../pipeline/model/document.ts';
import { documentFromText } from '../pipeline/model/text.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import { segmentDocument, type DocumentMeta } from '../pipeline/segment/index.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'sohoa-bench-segment-'));
const SCORER = join(ROOT, '../shared/tools/tasks_score.py');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

interface Seed {
  id: string;
  file: string;
  /** Seed whose gold task records and clean text this one is scored against. */
  gold: string;
  repair?: boolean;
  /** Read as `pdftotext -layout` writes the seed rendered as a born-digital PDF (space-aligned tables). */
  layout?: boolean;
}

const SEEDS: Seed[] = [
  { id: '000', file: '000_628a5ca53779184f', gold: '000_628a5ca53779184f' },
  { id: '002', file: '002_8ec6eec61fe1c18f', gold: '002_8ec6eec61fe1c18f' },
  { id: '004', file: '004_91fa2b9411a76217', gold: '004_91fa2b9411a76217' },
  { id: '003', file: '003_cd54905beb253b6c', gold: '003_cd54905beb253b6c' },
  { id: '001', file: '001_b9c76128110b544b', gold: '000_628a5ca53779184f', repair: true },
  { id: '000L', file: '000_628a5ca53779184f', gold: '000_628a5ca53779184f', layout: true },
  { id: '002L', file: '002_8ec6eec61fe1c18f', gold: '002_8ec6eec61fe1c18f', layout: true },
  { id: '004L', file: '004_91fa2b9411a76217', gold: '004_91fa2b9411a76217', layout: true },
];

const hasPdftotext = ((): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The seed's text as `pdftotext -layout` gives it from the seed rendered as a born-digital PDF. */
async function layoutText(file: string): Promise<string> {
  const pdf = join(tmp, `${file}.pdf`);
  writeFileSync(pdf, await renderBornDigitalPdf(readFileSync(join(ROOT, 'fixtures/seeds', `${file}.txt`), 'utf8')));
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function metaScore(gold: DocumentMeta[], got: DocumentMeta[]): { docs: string; fields: number } {
  let exactDocs = 0;
  let ok = 0;
  let total = 0;
  gold.forEach((g, k) => {
    const p = got[k];
    if (p && JSON.stringify(p) === JSON.stringify(g)) exactDocs++;
    for (const f of Object.keys(g) as (keyof DocumentMeta)[]) {
      total++;
      if (p && JSON.stringify(p[f]) === JSON.stringify(g[f])) ok++;
    }
  });
  return { docs: `${exactDocs}/${gold.length}${got.length !== gold.length ? ` (found ${got.length})` : ''}`, fields: ok / (total || 1) };
}

// ---- run -------------------------------------------------------------------------------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function timeIt(f: () => void): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

let looDictionary: ReturnType<typeof dictionaryWithout> | undefined;
async function sourceDocument(seed: Seed): Promise<{ doc: Document; repairMs: number; agencies: readonly string[] }> {
  const name = `${seed.file}.txt`;
  const source = { name, mediaType: 'text/plain' as const, sha256: '' };
  // Ingested as a user's text file would be: type detection and the space-aligned reader.
  if (seed.layout) return { doc: await ingest({ name, bytes: new TextEncoder().encode(await layoutText(seed.file)) }), repairMs: 0, agencies: [] };
  const doc = documentFromText(source, readFileSync(join(ROOT, 'fixtures/seeds', name), 'utf8'));
  if (!seed.repair) return { doc, repairMs: 0, agencies: [] };
  looDictionary ??= dictionaryWithout('qd-350-ttg.txt');
  const t = process.hrtime.bigint();
  const repaired = repairDocument(doc, looDictionary).document;
  return { doc: repaired, repairMs: Number(process.hrtime.bigint() - t) / 1e6, agencies: looDictionary.agencies };
}

const rows: string[][] = [];
const notes: string[] = [];
if (!hasPdftotext) notes.push('000L/002L/004L skipped: pdftotext not found (Debian package poppler-utils)');
for (const seed of SEEDS) {
  if (seed.layout && !hasPdftotext) continue;
  const { doc, repairMs, agencies } = await sourceDocument(seed);
  const chars = doc.pages.flatMap((p) => p.blocks.flatMap((b) => b.lines)).reduce((n, l) => n + l.text.length, 0);
  let tasks: TaskRecord[] = [];
  let metas: DocumentMeta[] = [];
  let inferred = 0;
  const ms = timeIt(() => {
    const seg = segmentDocument(doc, { agencies });
    tasks = extractTasks(seg);
    metas = seg.documents.map((d) => d.meta);
    inferred = seg.documents.flatMap((d) => d.appendices.flatMap((a) => a.tables.flatMap((t) => t.rows))).filter((r) => r.inferred?.includes('lead')).length;
  });
  if (inferred > 0) notes.push(`${seed.id}: ${inferred} of ${tasks.length} lead cells unreadable on the page, filled with the table's dominant lead (marked inferred, lower confidence)`);
  const gold = readTaskRecords(join(ROOT, 'fixtures/gold/tasks', `${seed.gold}.jsonl`));
  const s = scoreTaskRecords(gold, tasks);
  const metaGoldPath = join(ROOT, 'fixtures/gold/tasks', `${seed.file}.meta.json`);
  const meta = existsSync(metaGoldPath) ? metaScore(JSON.parse(readFileSync(metaGoldPath, 'utf8')) as DocumentMeta[], metas) : undefined;
  rows.push([
    seed.id,
    `${s.pred}/${s.gold}`,
    pct(s.matched),
    pct(s.sectionStt),
    pct(s.found),
    pct(s.taskExact),
    pct(s.leadExact),
    pct(s.deadlineExact),
    pct(s.deadlineKindYears),
    s.taskSimMedian.toFixed(3),
    pct(s.fieldsExact),
    meta ? `${meta.docs} ${pct(meta.fields)}` : 'n/a',
    `${ms.toFixed(1)}`,
    `${((chars / ms) * 1000 / 1e6).toFixed(2)}`,
    repairMs ? `${(repairMs / 1000).toFixed(1)}s` : '',
  ]);
  // Cross-check with the project's scorer where its gold (a tab-separated table) exists.
  const goldText = join(ROOT, 'fixtures/seeds', `${seed.gold}.txt`);
  if (existsSync(SCORER) && readFileSync(goldText, 'utf8').includes('\t')) {
    const pred = join(tmp, `${seed.id}.jsonl`);
    writeFileSync(pred, tasks.map((t) => JSON.stringify(t)).join('\n') + '\n');
    try {
      const out = execFileSync('python3', [SCORER, goldText, pred], { encoding: 'utf8' }).trim();
      rows.at(-1)!.push(out);
    } catch (err) {
      rows.at(-1)!.push(`scorer failed: ${(err as Error).message.split('\n')[0]}`);
    }
  }
}

const header = ['seed', 'rows', 'matched', 'sect+stt', 'found', 'task=', 'lead=', 'deadline=', 'dl kind+yrs', 'task sim med', 'fields=', 'meta docs/fields', 'segment ms', 'Mchar/s', 'repair'];
const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
const line = (r: string[]) => r.slice(0, header.length).map((c, k) => c.padEnd(widths[k]!)).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log('\ntasks_score.py on the same output (gold: tab-separated table of the clean seed; 001 against 000):');
for (const r of rows) if (r[header.length]) console.log(`  ${r[0]}: ${r[header.length]}`);
for (const n of notes) console.log(`\n${n}`);
console.log(`\nsegment ms: median of ${runs} runs of segmentDocument+extractTasks on one core; 001 repaired first with a dictionary built without qd-350-ttg.txt.`);
console.log('000L/002L/004L: the seed rendered as a born-digital PDF and read back by `pdftotext -layout` (tables as space-aligned columns), ingested as a text file.');
