import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SohoaError } from '../pipeline/model/errors.ts';
import type { FileJob, JobOutcome } from './job.ts';

/** What every pool thread is started with. */
export interface ThreadData {
  entry: string;
  dictDir?: string;
}

interface Task {
  job: FileJob;
  resolve: (outcome: JobOutcome) => void;
  reject: (err: SohoaError) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

const BOOT = new URL('./thread-boot.mjs', import.meta.url);
const ENTRY = new URL('./thread.ts', import.meta.url).href;

/**
 * A fixed-size pool of worker threads running {@link runFileJob}. OCR and parsing happen off
 * the main thread, so the event loop stays free for progress output and, in distributed mode,
 * for renewing BullMQ job locks (a long page never looks like a stalled job).
 * A crashed thread fails only its own file and is replaced.
 */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly waiting: Task[] = [];
  private threads = 0;
  private closed = false;

  constructor(
    readonly size: number,
    private readonly options: { dictDir?: string } = {},
  ) {}

  /**
   * Processes one file on a pool thread. Aborting `signal` stops the file at once (its thread
   * is terminated and replaced) and rejects with `E_INTERNAL`.
   */
  run(job: FileJob, signal?: AbortSignal): Promise<JobOutcome> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new SohoaError('E_INTERNAL', 'the thread pool is closed', job.name));
      const task: Task = { job, resolve, reject, signal };
      if (signal) {
        if (signal.aborted) return reject(aborted(job));
        task.onAbort = () => this.abort(task);
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.waiting.push(task);
      this.dispatch();
    });
  }

  /** Terminates every thread; files still running are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) this.settle(task, aborted(task.job));
    const threads = [...this.idle.splice(0), ...this.running.keys()];
    await Promise.all(threads.map((t) => t.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.idle.pop() ?? (this.threads < this.size ? this.spawn() : undefined);
      if (!thread) return;
      const task = this.waiting.shift()!;
      this.running.set(thread, task);
      thread.postMessage(task.job);
    }
  }

  private spawn(): Worker {
    const data: ThreadData = { entry: ENTRY, dictDir: this.options.dictDir };
    // Every thread has its own OCR pool: share the cores among them rather than each taking all.
    const env = { ...process.env, SOHOA_OCR_WORKERS: process.env.SOHOA_OCR_WORKERS ?? String(Math.max(1, Math.floor(availableParallelism() / this.size))) };
    const thread = new Worker(BOOT, { workerData: data, env });
    this.threads++;
    thread.on('message', (outcome: JobOutcome) => {
      const task = this.running.get(thread);
      this.running.delete(thread);
      if (task) this.settle(task, outcome);
      if (!this.closed) this.idle.push(thread);
      this.dispatch();
    });
    thread.on('error', (err: Error) => this.lose(thread, `worker thread crashed: ${err.message}`));
    thread.on('exit', (code) => this.lose(thread, `worker thread exited with code ${code}`));
    return thread;
  }

  /** Forgets a dead thread, failing the file it was running; a replacement starts on demand. */
  private lose(thread: Worker, why: string): void {
    const idleAt = this.idle.indexOf(thread);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const task = this.running.get(thread);
    if (!this.running.delete(thread) && idleAt < 0) return;
    this.threads--;
    if (task) this.settle(task, new SohoaError('E_INTERNAL', why, task.job.name));
    if (!this.closed) this.dispatch();
  }

  private abort(task: Task): void {
    const queued = this.waiting.indexOf(task);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      return this.settle(task, aborted(task.job));
    }
    for (const [thread, t] of this.running) {
      if (t !== task) continue;
      this.settle(task, aborted(task.job));
      // The 'exit' handler then forgets the thread; its task is already settled.
      this.running.set(thread, { ...task, resolve: () => undefined, reject: () => undefined });
      void thread.terminate();
    }
  }

  private settle(task: Task, result: JobOutcome | SohoaError): void {
    if (task.onAbort) task.signal?.removeEventListener('abort', task.onAbort);
    if (result instanceof SohoaError) task.reject(result);
    else task.resolve(result);
  }
}

const aborted = (job: FileJob): SohoaError => new SohoaError('E_INTERNAL', 'processing was stopped', job.name);
