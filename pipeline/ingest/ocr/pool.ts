import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { SohoaError } from '../../model/errors.ts';

/** OCR languages whose models ship as npm packages (`@tesseract.js-data/<lang>`). */
export type OcrLanguage = 'vie' | 'eng';

/**
 * What a pool's workers run: a language's recognizer, or `osd`, Tesseract's orientation and
 * script detection (its legacy engine, with the model of `@tesseract.js-data/osd`).
 */
type Engine = OcrLanguage | 'osd';

/** What orientation detection finds: how far the page is turned, and how sure the engine is. */
export interface OrientationResult {
  /** Clockwise turn (degrees) that brings the page upright; null when the engine found too little text. */
  degrees: number | null;
  confidence: number;
}

/** The raw recognition of one image as tesseract.js returns it. */
export type OcrResult = Awaited<ReturnType<TesseractWorker['recognize']>>['data'];

/** What a recognition returns: TSV rows (words with boxes, light to pass back) or tesseract.js's block tree. */
type OutputFormat = 'tsv' | 'blocks';

/** Tesseract's page segmentation modes used here: automatic layout, one block of text, one line. */
export type PageSegmentation = 'auto' | 'block' | 'line';
const PSM: Record<PageSegmentation, string> = { auto: '3', block: '6', line: '7' };

const require = createRequire(import.meta.url);
/** LSTM-only integer models: the engine we run (OEM 1) never reads the legacy part of the full files. */
const MODEL_DIR = '4.0.0_best_int';
/** Workers of a pool with nothing queued are ended after this long, so no process is kept alive by idle OCR. */
const IDLE_MS = 2000;

/** Orientation detection runs on the legacy engine, whose model is only in the full files. */
const OSD_MODEL_DIR = '4.0.0';
/** Resolution images for orientation detection are given at (see `orientation.ts`). */
export const OSD_DPI = 150;

/** Folder holding `<engine>.traineddata.gz` inside the engine's npm package: nothing is fetched. */
export function modelDir(engine: Engine): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${engine}/package.json`)), engine === 'osd' ? OSD_MODEL_DIR : MODEL_DIR);
}

/** One image's work on a worker, and where its outcome goes. */
interface Job {
  timeoutMs: number;
  work: (worker: TesseractWorker) => Promise<unknown>;
  resolve: (data: unknown) => void;
  reject: (e: unknown) => void;
}

/**
 * A pool of tesseract.js workers (each a worker thread) for one engine, sized to the cores (one for orientation).
 * Workers start on demand and end when the pool has been idle for a while.
 */
class OcrPool {
  private readonly idle: TesseractWorker[] = [];
  private readonly queue: Job[] = [];
  private starting = 0;
  private busy = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly size: number,
  ) {}

  /** Runs `work` on the next free worker; a failure or a timeout rejects with a typed error. */
  submit<T>(timeoutMs: number, work: (worker: TesseractWorker) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ timeoutMs, work, resolve: resolve as (data: unknown) => void, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const workers = this.idle.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private pump(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0 && this.idle.length > 0) this.run(this.idle.pop()!, this.queue.shift()!);
    const total = this.idle.length + this.busy + this.starting;
    if (this.queue.length > this.starting && total < this.size) this.start();
    if (this.queue.length === 0 && this.busy === 0 && this.starting === 0) {
      this.idleTimer = setTimeout(() => void this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private start(): void {
    this.starting++;
    const osd = this.engine === 'osd';
    // OEM 1 (LSTM) recognizes; orientation detection needs OEM 0 and the legacy engine's build.
    createWorker(this.engine, osd ? 0 : 1, {
      langPath: modelDir(this.engine),
      gzip: true,
      cacheMethod: 'none',
      ...(osd ? { legacyCore: true, legacyLang: true } : {}),
      // Without a handler tesseract.js rethrows a failed job's error outside any promise, ending the process;
      // the job's own promise is rejected anyway and becomes E_OCR_FAILED for that file alone.
      errorHandler: () => undefined,
    })
      .then(async (w) => {
        if (osd) await w.setParameters({ user_defined_dpi: String(OSD_DPI), debug_file: '/dev/null' } as object);
        this.idle.push(w);
      })
      .catch((err) => this.queue.shift()?.reject(new SohoaError('E_OCR_FAILED', `cannot start OCR: ${String(err)}`, undefined, { cause: err })))
      .finally(() => {
        this.starting--;
        this.pump();
      });
  }

  private run(worker: TesseractWorker, job: Job): void {
    this.busy++;
    let timedOut = false;
    // A recognition in progress cannot be cancelled, only its worker ended: a timed-out worker is replaced.
    const timer = setTimeout(() => {
      timedOut = true;
      job.reject(new SohoaError('E_OCR_TIMEOUT', `OCR of a page took longer than ${job.timeoutMs} ms`));
      void worker.terminate().catch(() => undefined);
      this.busy--;
      this.pump();
    }, job.timeoutMs);
    let failed = false;
    job
      .work(worker)
      .then(
        (data) => job.resolve(data),
        (err) => {
          failed = true;
          job.reject(new SohoaError('E_OCR_FAILED', `OCR failed: ${String(err)}`, undefined, { cause: err }));
        },
      )
      .finally(() => {
        if (timedOut) return;
        clearTimeout(timer);
        this.busy--;
        // A worker that failed may be broken (out of memory in its engine): it is replaced, not reused.
        if (failed) void worker.terminate().catch(() => undefined);
        else this.idle.push(worker);
        this.pump();
      });
  }
}

const pools = new Map<Engine, OcrPool>();

/**
 * Number of OCR worker threads per language in this thread: one per core, or `SOHOA_OCR_WORKERS`
 * (a batch driver that runs several files in parallel threads sets it so the cores are not oversubscribed).
 */
export const OCR_WORKERS = Math.max(1, Number(process.env.SOHOA_OCR_WORKERS) || availableParallelism());

/** How to recognize: model language (default Vietnamese), time limit, page segmentation (default automatic). */
export interface RecognizeOptions {
  lang?: OcrLanguage;
  timeoutMs?: number;
  psm?: PageSegmentation;
  /** The only characters the engine may read (a row label's digits and numerals); any by default. */
  charset?: string;
}

/**
 * One orientation worker serves every recognizer: a detection takes under a tenth of a page's
 * recognition, and each worker holds its own engine and model in memory.
 */
const OSD_WORKERS = 1;

function poolFor(engine: Engine): OcrPool {
  let pool = pools.get(engine);
  if (!pool) pools.set(engine, (pool = new OcrPool(engine, engine === 'osd' ? OSD_WORKERS : OCR_WORKERS)));
  return pool;
}

/** Default time limit of one image's work. */
const TIMEOUT_MS = 120_000;

/**
 * The image's bytes as the Buffer tesseract.js takes, without a copy: tesseract.js copies what it
 * is given into the worker, so the caller's bytes stay usable.
 */
const asBuffer = (image: Uint8Array): Buffer => Buffer.from(image.buffer, image.byteOffset, image.byteLength);

/** Recognizes one image on a worker, returning the requested output. */
function recognizeOn(worker: TesseractWorker, image: Uint8Array, options: RecognizeOptions, format: OutputFormat): Promise<OcrResult> {
  const params = {
    user_defined_dpi: '300',
    debug_file: '/dev/null',
    tessedit_pageseg_mode: PSM[options.psm ?? 'auto'],
    ...(options.charset ? { tessedit_char_whitelist: options.charset } : {}),
  };
  const output = { tsv: format === 'tsv', blocks: format === 'blocks', text: false };
  return worker.recognize(asBuffer(image), params as object, output).then((r) => r.data);
}

/**
 * Recognizes one image (PNG, JPEG, TIFF or binary PGM bytes) with the shared pool, returning
 * tesseract.js's block tree (blocks → paragraphs → lines → words, with text and boxes).
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export function recognizeImage(image: Uint8Array, options: RecognizeOptions = {}): Promise<OcrResult> {
  return poolFor(options.lang ?? 'vie').submit(options.timeoutMs ?? TIMEOUT_MS, (w) => recognizeOn(w, image, options, 'blocks'));
}

/**
 * Recognizes one image with the shared pool, returning tesseract's TSV (a row per page, block,
 * paragraph, line and word): words with boxes and confidences, far lighter than the block tree.
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export async function recognizeTsv(image: Uint8Array, options: RecognizeOptions = {}): Promise<string> {
  const data = await poolFor(options.lang ?? 'vie').submit(options.timeoutMs ?? TIMEOUT_MS, (w) => recognizeOn(w, image, options, 'tsv'));
  return data.tsv ?? '';
}

/**
 * Detects how far a page image (at {@link OSD_DPI}) is turned from upright, with the shared
 * orientation pool.
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export async function detectOrientation(image: Uint8Array, timeoutMs = TIMEOUT_MS): Promise<OrientationResult> {
  const { data } = await poolFor('osd').submit(timeoutMs, (w) => w.detect(asBuffer(image)));
  return { degrees: data.orientation_degrees, confidence: data.orientation_confidence ?? 0 };
}

/** Ends every OCR worker now (a CLI calls this before exiting; pools also end by themselves when idle). */
export async function closeOcr(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
}
