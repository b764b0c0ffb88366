import type { Queue } from 'bullmq';
import type { HashedInput } from './inputs.ts';
import type { QueuedFile } from './queue.ts';

/** What `enqueueFiles` did with each input. */
export interface EnqueueReport {
  added: HashedInput[];
  /** Already in the queue (waiting, running, done or failed): enqueuing again is a no-op. */
  known: HashedInput[];
  /** Already queued with another output directory: their output goes there, not here. */
  elsewhere: { input: HashedInput; outDir: string }[];
  /** `--force` could not re-queue these because a worker is running them now. */
  busy: HashedInput[];
}

/**
 * Adds one job per readable input, with the content hash as job id: the same content queued
 * twice is one job. `force` replaces finished jobs so their files are processed again.
 */
export async function enqueueFiles(queue: Queue<QueuedFile>, inputs: HashedInput[], outDir: string, force: boolean): Promise<EnqueueReport> {
  const report: EnqueueReport = { added: [], known: [], elsewhere: [], busy: [] };
  const jobs: { name: string; data: QueuedFile; opts: { jobId: string } }[] = [];
  for (const input of inputs) {
    const sha256 = input.sha256!;
    const existing = await queue.getJob(sha256);
    if (existing && !force) {
      if (existing.data.outDir === outDir) report.known.push(input);
      else report.elsewhere.push({ input, outDir: existing.data.outDir });
      continue;
    }
    if (existing) {
      const state = await existing.getState();
      if (state === 'active') {
        report.busy.push(input);
        continue;
      }
      await existing.remove();
    }
    jobs.push({ name: 'file', data: { path: input.path, name: input.name, sha256, outDir, ...(force ? { force } : {}) }, opts: { jobId: sha256 } });
    report.added.push(input);
  }
  // Chunks keep each MULTI transaction small on very large backlogs.
  for (let i = 0; i < jobs.length; i += 500) await queue.addBulk(jobs.slice(i, i + 500));
  return report;
}
