import { availableParallelism } from 'node:os';
import type { SohoaError } from '../pipeline/model/errors.ts';
import { failedOutcome, type JobOutcome } from './job.ts';
import type { HashedInput } from './inputs.ts';
import { appendManifest, ManifestIndex, manifestEntry, type ManifestEntry } from './manifest.ts';
import { ThreadPool } from './pool.ts';
import type { ProgressView } from './progress.ts';
import type { BatchSummary } from './summary.ts';
import { writeTasksFile } from './tasks-file.ts';

/** Options of the embedded (in-process) batch driver. */
export interface BatchOptions {
  outDir: string;
  /** Pool threads; defaults to the machine's cores. */
  concurrency?: number;
  dictDir?: string;
  /** Process files even when their output is already complete. */
  force?: boolean;
  progress?: ProgressView;
}

/**
 * The embedded driver behind `sohoa run`: every unique input through a worker-thread pool,
 * one manifest line per processed file, then `tasks.jsonl`. Resumable: a file whose output
 * for the same content hash is already complete is skipped. A bad file never stops the batch.
 */
export async function runBatch(inputs: HashedInput[], duplicates: number, options: BatchOptions): Promise<BatchSummary> {
  const started = Date.now();
  const { outDir, progress } = options;
  const index = new ManifestIndex(outDir);
  await index.refresh();
  const pool = new ThreadPool(options.concurrency ?? availableParallelism(), { dictDir: options.dictDir });
  const entries: ManifestEntry[] = [];
  let skipped = 0;
  let failed = 0;
  /** Files handed to the pool and not yet finished. */
  let active = 0;
  let pages = 0;
  // Files handed to the pool beyond its size are queued, not active.
  const count = () => ({ done: entries.length - failed - skipped, failed, skipped, active: Math.min(active, pool.size), pages });

  const finish = async (input: HashedInput, outcome: JobOutcome) => {
    const entry = manifestEntry(input.path, outcome);
    await appendManifest(outDir, entry);
    entries.push(entry);
    if (entry.status === 'failed') failed++;
    pages += entry.pages;
    progress?.update(count());
    progress?.file(entry);
  };

  try {
    const work: Promise<void>[] = [];
    for (const input of inputs) {
      if (input.error) {
        work.push(finish(input, failedOutcome('', input.error)));
      } else if (!options.force && (await index.isComplete(input.sha256!))) {
        const entry = { ...index.get(input.sha256!)!, path: input.path };
        entries.push(entry);
        skipped++;
        progress?.update(count());
        progress?.file(entry, true);
      } else {
        active++;
        const job = { path: input.path, name: input.name, outDir, sha256: input.sha256 };
        work.push(
          pool.run(job).then(
            (outcome) => (active--, finish(input, outcome)),
            // A thread crash is this file's failure, not the batch's.
            (err: SohoaError) => (active--, finish(input, failedOutcome(input.sha256!, err))),
          ),
        );
        progress?.update(count());
      }
    }
    await Promise.all(work);
  } finally {
    await pool.close();
  }
  await index.refresh();
  await writeTasksFile(outDir, index.entries());
  progress?.finish();
  return { entries, skipped, duplicates, pages, elapsedMs: Date.now() - started };
}
