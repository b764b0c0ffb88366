import { type ConnectionOptions, type JobsOptions, Queue } from 'bullmq';
import { SohoaError } from '../pipeline/model/errors.ts';

/** The BullMQ queue every sohoa command uses. */
export const QUEUE_NAME = 'sohoa-files';

/**
 * A queued file. Jobs carry an absolute path, not the bytes: workers must see the same
 * filesystem as the machine that enqueued (one site with a shared disk or NFS mount). This
 * keeps Redis memory independent of scan sizes; the worker checks the content hash before
 * processing, so a file changed after queueing is refused rather than silently processed.
 */
export interface QueuedFile {
  path: string;
  name: string;
  sha256: string;
  outDir: string;
  /** Set by `enqueue --force`: process even when the output is already complete. */
  force?: boolean;
}

/**
 * Job lifecycle defaults: transient failures (worker crash, Redis hiccup, I/O) retry with
 * exponential backoff (2 s, 4 s, 8 s, 16 s); bad input fails at once (`UnrecoverableError`).
 * Finished jobs are trimmed so Redis memory stays bounded over a long backlog; the manifest
 * in the output directory is the lasting record.
 */
export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 5000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 20000 },
};

/** The Redis URL from `--redis` or `REDIS_URL`. */
export function redisUrl(flag: string | undefined): string {
  const url = flag ?? process.env.REDIS_URL;
  if (!url) throw new SohoaError('E_USAGE', 'distributed mode needs Redis: pass --redis URL or set REDIS_URL (or use `sohoa run`, which needs no server)');
  return url;
}

/**
 * Connection options. `maxRetriesPerRequest: null` makes commands wait for a reconnect rather
 * than fail, so a Redis restart pauses workers instead of failing their jobs.
 */
export function connection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

/** Opens the queue and checks Redis answers within `timeoutMs`. */
export async function openQueue(url: string, timeoutMs = 5000): Promise<Queue<QueuedFile>> {
  const queue = new Queue<QueuedFile>(QUEUE_NAME, { connection: connection(url), defaultJobOptions: JOB_OPTIONS });
  queue.on('error', () => undefined); // reconnects are automatic; callers see failures as rejected calls
  await reachable(queue, url, timeoutMs);
  return queue;
}

async function reachable(queue: Queue<QueuedFile>, url: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SohoaError('E_IO', `Redis at ${redactUrl(url)} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([queue.waitUntilReady(), timeout]);
  } catch (err) {
    await queue.close().catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** A Redis URL with any password hidden, for messages. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
