import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { SohoaError } from '../../model/errors.ts';

/** OCR languages whose models ship as npm packages (`@tesseract.js-data/<lang>`). */
export type OcrLanguage = 'vie' | 'eng';

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

/** Folder holding `<lang>.traineddata.gz` inside the language's npm package: nothing is fetched. */
export function modelDir(lang: OcrLanguage): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), MODEL_DIR);
}

interface Job {
  image: Uint8Array;
  timeoutMs: number;
  psm: PageSegmentation;
  charset: string | undefined;
  format: OutputFormat;
  resolve: (data: OcrResult) => void;
  reject: (e: unknown) => void;
}

/**
 * A pool of tesseract.js workers (each a worker thread) for one language, sized to the cores.
 * Workers start on demand and end when the pool has been idle for a while.
 */
class OcrPool {
  private readonly idle: TesseractWorker[] = [];
  private readonly queue: Job[] = [];
  private starting = 0;
  private busy = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly lang: OcrLanguage,
    private readonly size: number,
  ) {}

  recognize(image: Uint8Array, timeoutMs: number, psm: PageSegmentation, format: OutputFormat, charset?: string): Promise<OcrResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ image, timeoutMs, psm, charset, format, resolve, reject });
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
    createWorker(this.lang, 1, {
      langPath: modelDir(this.lang),
      gzip: true,
      cacheMethod: 'none',
      // Without a handler tesseract.js rethrows a failed job's error outside any promise, ending the process;
      // the job's own promise is rejected anyway and becomes E_OCR_FAILED for that file alone.
      errorHandler: () => undefined,
    })
      .then((w) => this.idle.push(w))
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
    // tesseract.js copies the buffer it is given into the worker, so the caller's bytes stay usable.
    const params = {
      user_defined_dpi: '300',
      debug_file: '/dev/null',
      tessedit_pageseg_mode: PSM[job.psm],
      ...(job.charset ? { tessedit_char_whitelist: job.charset } : {}),
    };
    const output = { tsv: job.format === 'tsv', blocks: job.format === 'blocks', text: false };
    let failed = false;
    worker
      .recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), params as object, output)
      .then(
        (r) => job.resolve(r.data),
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

const pools = new Map<OcrLanguage, OcrPool>();

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

function poolFor(lang: OcrLanguage): OcrPool {
  let pool = pools.get(lang);
  if (!pool) pools.set(lang, (pool = new OcrPool(lang, OCR_WORKERS)));
  return pool;
}

/**
 * Recognizes one image (PNG, JPEG, TIFF or binary PGM bytes) with the shared pool, returning
 * tesseract.js's block tree (blocks → paragraphs → lines → words, with text and boxes).
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export function recognizeImage(image: Uint8Array, options: RecognizeOptions = {}): Promise<OcrResult> {
  return poolFor(options.lang ?? 'vie').recognize(image, options.timeoutMs ?? 120_000, options.psm ?? 'auto', 'blocks');
}

/**
 * Recognizes one image with the shared pool, returning tesseract's TSV (a row per page, block,
 * paragraph, line and word): words with boxes and confidences, far lighter than the block tree.
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export async function recognizeTsv(image: Uint8Array, options: RecognizeOptions = {}): Promise<string> {
  const data = await poolFor(options.lang ?? 'vie').recognize(image, options.timeoutMs ?? 120_000, options.psm ?? 'auto', 'tsv', options.charset);
  return data.tsv ?? '';
}

/** Ends every OCR worker now (a CLI calls this before exiting; pools also end by themselves when idle). */
export async function closeOcr(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
}
