import { type Job, Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { toSohoaError } from '../pipeline/model/errors.ts';
import { failedOutcome, type JobOutcome } from './job.ts';
import { appendManifest, ManifestIndex, manifestEntry } from './manifest.ts';
import { ThreadPool } from './pool.ts';
import { connection, QUEUE_NAME, type QueuedFile } from './queue.ts';
import { writeTasksFile } from './tasks-file.ts';

/** Options of a queue worker process. */
export interface QueueWorkerOptions {
  url: string;
  concurrency: number;
  dictDir?: string;
  /**
   * Job lock time. Locks are renewed from the main thread, which never runs OCR, so this
   * only bounds how soon a crashed worker's jobs are taken over by others.
   */
  lockMs: number;
  /** Prints one line per event (job done, failed, handed back, shutdown). */
  log: (line: string) => void;
}

/** What a completed job returns (kept in Redis until trimmed). */
export interface JobResult {
  output?: string;
  pages: number;
  records: number;
  skipped: boolean;
}

/** A failed attempt: the outcome travels with the error to the `failed` handler. */
type FailedAttempt = Error & { outcome?: JobOutcome };

/** A running queue worker. */
export interface QueueWorker {
  /**
   * Stops taking jobs and lets active ones finish; at `deadlineMs` any still running are
   * stopped and handed back to the queue (moved to wait) for another worker.
   */
  shutdown(deadlineMs: number): Promise<void>;
}

/**
 * Starts a BullMQ worker whose jobs run on a worker-thread pool of `concurrency` threads.
 * Bad input fails the job at once with its error code; other failures are retried with
 * backoff; jobs of a crashed worker are recovered by the stalled-job check.
 */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const pool = new ThreadPool(options.concurrency, { dictDir: options.dictDir });
  const indexes = new Map<string, ManifestIndex>();
  const manifestOf = async (outDir: string) => {
    const index = indexes.get(outDir) ?? new ManifestIndex(outDir);
    indexes.set(outDir, index);
    await index.refresh();
    return index;
  };
  let handingBack = false;
  const queue = new Queue<QueuedFile>(QUEUE_NAME, { connection: connection(options.url) });
  queue.on('error', () => undefined); // the worker's own 'error' handler reports connection trouble

  const processor = async (job: Job<QueuedFile>, token?: string, signal?: AbortSignal): Promise<JobResult> => {
    const data = job.data;
    const index = await manifestOf(data.outDir);
    if (await alreadyDone(index, job)) {
      const previous = index.get(data.sha256)!;
      return { output: previous.output, pages: previous.pages, records: previous.records, skipped: true };
    }
    let outcome: JobOutcome;
    try {
      outcome = await pool.run({ path: data.path, name: data.name, outDir: data.outDir, sha256: data.sha256 }, signal);
    } catch (err) {
      if (handingBack && token) {
        await job.moveToWait(token);
        options.log(`handed back ${data.path}`);
        throw new WaitingError();
      }
      outcome = failedOutcome(data.sha256, toSohoaError(err, data.name));
    }
    if (outcome.error) {
      const message = `${outcome.error.code}: ${outcome.error.message}`;
      const err: FailedAttempt = outcome.error.permanent ? new UnrecoverableError(message) : new Error(message);
      err.outcome = outcome;
      throw err;
    }
    // If this worker lost its lock (a long stall), another may have finished the same file
    // meanwhile; its line stands and this one is not added twice.
    await index.refresh();
    const raced = await alreadyDone(index, job);
    if (!raced) await appendManifest(data.outDir, manifestEntry(data.path, outcome));
    return { output: outcome.output, pages: outcome.pages, records: outcome.records, skipped: raced };
  };

  const worker = new Worker<QueuedFile, JobResult>(QUEUE_NAME, processor, {
    connection: connection(options.url),
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    // One crash is recovered; a file that kills its worker again fails instead of looping.
    maxStalledCount: 2,
  });

  worker.on('completed', (job, result) => {
    options.log(`${result.skipped ? 'skip  ' : 'done  '} ${job.data.path} (${result.pages} pages, ${result.records} records)`);
    void whenIdle(job.data.outDir);
  });
  worker.on('failed', (job, err: FailedAttempt) => {
    if (!job) return;
    // Only the final failure gets a manifest line; earlier attempts will be retried.
    if (!job.finishedOn) return options.log(`retry  ${job.data.path}: ${err.message}`);
    options.log(`FAILED ${job.data.path}: ${err.message}`);
    const outcome = err.outcome ?? failedOutcome(job.data.sha256, toSohoaError(err, job.data.name));
    void appendManifest(job.data.outDir, manifestEntry(job.data.path, outcome)).then(() => whenIdle(job.data.outDir));
  });
  worker.on('stalled', (jobId) => options.log(`recovered stalled job ${jobId}`));
  let lastError = '';
  worker.on('error', (err) => {
    // Connection errors repeat every reconnect attempt; one line per distinct error is enough.
    if (err.message !== lastError) options.log(`redis: ${err.message}`);
    lastError = err.message;
  });
  worker.on('ready', () => (lastError = ''));

  /**
   * Rebuilds tasks.jsonl once nothing is left to run, so it covers every finished file.
   * Checks run one after another so two never write at once.
   */
  let idleCheck = Promise.resolve();
  const whenIdle = (outDir: string) => {
    idleCheck = idleCheck
      .then(async () => {
        const counts = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).every((n) => n === 0)) await writeTasksFile(outDir, (await manifestOf(outDir)).entries());
      })
      .catch((err: Error) => options.log(`tasks.jsonl not rebuilt: ${err.message}`));
  };

  await worker.waitUntilReady();
  return {
    async shutdown(deadlineMs) {
      const handBack = setTimeout(() => {
        handingBack = true;
        options.log('deadline reached: handing back active jobs');
        worker.cancelAllJobs('shutdown');
      }, Math.max(0, deadlineMs - Math.min(2000, deadlineMs / 4)));
      try {
        await worker.close();
      } finally {
        clearTimeout(handBack);
        await Promise.all([pool.close(), idleCheck.then(() => queue.close())]);
      }
    },
  };
}

/** True when a job's file has complete output; for a forced job, only output made after it was queued. */
async function alreadyDone(index: ManifestIndex, job: Job<QueuedFile>): Promise<boolean> {
  const previous = index.get(job.data.sha256);
  if (job.data.force && !(previous && Date.parse(previous.finishedAt) >= job.timestamp)) return false;
  return index.isComplete(job.data.sha256);
}
