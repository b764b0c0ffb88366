import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HashedInput } from './inputs.ts';
import { ManifestIndex, type ManifestEntry } from './manifest.ts';
import type { ProgressView } from './progress.ts';
import type { QueuedFile } from './queue.ts';

/** A file being waited for, and how it was queued. */
export interface WaitedFile extends HashedInput {
  /** known: the job already existed; added: new job; forced: re-queued by `--force`. */
  mode: 'known' | 'added' | 'forced';
}

/**
 * Whether a manifest line settles a file queued at `since`: any line for a job that already
 * existed; for a new job an earlier `done` line too (the worker skips complete output and
 * writes nothing new), but only a newer `failed` one; for a forced job only newer lines.
 */
function settles(entry: ManifestEntry, file: WaitedFile, since: number): boolean {
  const newer = Date.parse(entry.finishedAt) >= since;
  if (file.mode === 'known') return true;
  if (file.mode === 'added') return newer || entry.status === 'done';
  return newer;
}

/**
 * Waits until every file has a settling manifest line, showing live progress. The manifest
 * is the record workers keep in the shared output directory, so waiting survives Redis
 * restarts and trimmed jobs. Returns the settling line of each file.
 */
export async function waitForFiles(
  queue: Queue<QueuedFile>,
  files: WaitedFile[],
  outDir: string,
  since: number,
  progress: ProgressView,
): Promise<ManifestEntry[]> {
  const index = new ManifestIndex(outDir);
  const pending = new Map(files.map((f) => [f.sha256!, f]));
  const settled: ManifestEntry[] = [];
  let pages = 0;
  while (pending.size > 0) {
    await index.refresh();
    for (const [sha256, file] of pending) {
      const entry = index.get(sha256);
      if (!entry || !settles(entry, file, since)) continue;
      pending.delete(sha256);
      const mine = { ...entry, path: file.path };
      settled.push(mine);
      pages += entry.pages;
      progress.file(mine);
    }
    const active = await queue.getActiveCount().catch(() => 0);
    const failed = settled.filter((e) => e.status === 'failed').length;
    progress.update({ done: settled.length - failed, failed, active, pages });
    if (pending.size > 0) await sleep(250);
  }
  progress.finish();
  return settled;
}
