import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, type Worker as TesseractWorker } from 'tesseract.js';
import { SohoaError } from '../../model/errors.ts';

/** OCR languages whose models ship as npm packages (`@tesseract.js-data/<lang>`). */
export type OcrLanguage = 'vie' | 'eng';

/** The raw recognition of one image: tesseract.js's block tree, kept as it comes. */
export type OcrResult = Awaited<ReturnType<TesseractWorker['recognize']>>['data'];

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
  resolve: (r: OcrResult) => void;
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

  recognize(image: Uint8Array, timeoutMs: number): Promise<OcrResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ image, timeoutMs, resolve, reject });
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
    createWorker(this.lang, 1, { langPath: modelDir(this.lang), gzip: true, cacheMethod: 'none' })
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
    let failed = false;
    worker
      .recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), { user_defined_dpi: '300', debug_file: '/dev/null' } as object, { blocks: true, text: false })
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

/** Number of OCR worker threads per language: one per core. */
export const OCR_WORKERS = availableParallelism();

/**
 * Recognizes one page image (PNG, JPEG, TIFF or binary PGM bytes) with the shared pool for `lang`.
 * @throws SohoaError `E_OCR_TIMEOUT` or `E_OCR_FAILED`.
 */
export function recognizeImage(image: Uint8Array, options: { lang?: OcrLanguage; timeoutMs?: number } = {}): Promise<OcrResult> {
  const lang = options.lang ?? 'vie';
  let pool = pools.get(lang);
  if (!pool) pools.set(lang, (pool = new OcrPool(lang, OCR_WORKERS)));
  return pool.recognize(image, options.timeoutMs ?? 120_000);
}

/** Ends every OCR worker now (a CLI calls this before exiting; pools also end by themselves when idle). */
export async function closeOcr(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
}
