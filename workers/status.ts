import type { Queue } from 'bullmq';
import type { ErrorCode } from '../pipeline/model/errors.ts';
import type { QueuedFile } from './queue.ts';

/** A failed file as the queue remembers it. */
export interface FailedFile {
  id: string;
  path: string;
  code: ErrorCode;
  message: string;
  attemptsMade: number;
  finishedOn?: number;
}

/** Queue counts and failed files: what `sohoa status` and the dashboard show. */
export interface QueueStatus {
  counts: Record<string, number>;
  failed: FailedFile[];
}

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

/** Reads queue counts and up to `limit` failed files, newest first. */
export async function queueStatus(queue: Queue<QueuedFile>, limit = 1000): Promise<QueueStatus> {
  const counts = await queue.getJobCounts(...STATES);
  const jobs = await queue.getFailed(0, limit - 1);
  const failed = jobs.map((job) => {
    const { code, message } = parseFailedReason(job.failedReason ?? '');
    return { id: job.id ?? '', path: job.data.path, code, message, attemptsMade: job.attemptsMade, finishedOn: job.finishedOn };
  });
  return { counts, failed };
}

/**
 * Splits a job's failure reason into code and message. Workers fail jobs with
 * `CODE: message`; anything else (a failure raised by BullMQ itself, such as a job that
 * stalled too often) is `E_INTERNAL`.
 */
export function parseFailedReason(reason: string): { code: ErrorCode; message: string } {
  const match = /^(E_[A-Z0-9_]+): ([\s\S]*)$/.exec(reason);
  return match ? { code: match[1] as ErrorCode, message: match[2]! } : { code: 'E_INTERNAL', message: reason };
}

/** Human-readable status. */
export function formatStatus(status: QueueStatus): string {
  const lines = [STATES.map((s) => `${s} ${status.counts[s] ?? 0}`).join('  ')];
  if (status.failed.length) lines.push('failed files:', ...status.failed.map((f) => `  ${f.path}  ${f.code}  ${f.message}`));
  if ((status.counts.failed ?? 0) > status.failed.length) lines.push(`  … and ${status.counts.failed! - status.failed.length} more`);
  return `${lines.join('\n')}\n`;
}

/** Re-queues every failed job with fresh attempts; returns how many. */
export async function retryFailed(queue: Queue<QueuedFile>): Promise<number> {
  let retried = 0;
  // Each retry removes the job from the failed set, so the first page is read until empty.
  for (let jobs = await queue.getFailed(0, 499); jobs.length > 0; jobs = await queue.getFailed(0, 499)) {
    for (const job of jobs) {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried++;
    }
  }
  return retried;
}
