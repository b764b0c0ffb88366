import { access, appendFile, mkdir, open } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ErrorCode } from '../pipeline/model/errors.ts';
import type { JobOutcome } from './job.ts';

/** Name of the manifest file in an output directory. */
export const MANIFEST_FILE = 'manifest.jsonl';

/** One manifest line: what happened to one file, in one run. */
export interface ManifestEntry {
  sha256: string;
  path: string;
  status: 'done' | 'failed';
  /** Output file name inside the output directory (done files only). */
  output?: string;
  pages: number;
  records: number;
  durationMs: number;
  error?: { code: ErrorCode; message: string };
  /** host:pid of the process that wrote the line. */
  worker: string;
  finishedAt: string;
}

/** Orders manifest lines by source path: the one deterministic order of batch-wide files. */
export const byPath = (a: ManifestEntry, b: ManifestEntry): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** `host:pid`, naming the process in manifest lines. */
export const processLabel = `${hostname()}:${process.pid}`;

/**
 * Appends one line. Each line goes out in a single `O_APPEND` write, so lines from several
 * processes on one filesystem interleave whole, never torn.
 */
export async function appendManifest(outDir: string, entry: ManifestEntry): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await appendFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(entry)}\n`);
}

/**
 * The manifest as a map from content hash to its latest line, read incrementally: each
 * `refresh` reads only what was appended since the last one, so long batches stay linear.
 */
export class ManifestIndex {
  private offset = 0;
  private readonly latest = new Map<string, ManifestEntry>();

  constructor(readonly outDir: string) {}

  /** Reads lines appended since the last call; a trailing partial line waits for the next call. */
  async refresh(): Promise<void> {
    const handle = await open(join(this.outDir, MANIFEST_FILE), 'r').catch(() => undefined);
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size <= this.offset) return;
      const buffer = Buffer.alloc(size - this.offset);
      await handle.read(buffer, 0, buffer.length, this.offset);
      const end = buffer.lastIndexOf(0x0a) + 1;
      for (const line of buffer.subarray(0, end).toString('utf8').split('\n')) {
        if (!line) continue;
        const entry = JSON.parse(line) as ManifestEntry;
        this.latest.set(entry.sha256, entry);
      }
      this.offset += end;
    } finally {
      await handle.close();
    }
  }

  /** The latest line for a content hash. */
  get(sha256: string): ManifestEntry | undefined {
    return this.latest.get(sha256);
  }

  /** Latest line of every file, ordered by path. */
  entries(): ManifestEntry[] {
    return [...this.latest.values()].sort(byPath);
  }

  /** True when this content's output is complete: a `done` line and its output file on disk. */
  async isComplete(sha256: string): Promise<boolean> {
    const entry = this.latest.get(sha256);
    if (entry?.status !== 'done' || !entry.output) return false;
    return access(join(this.outDir, entry.output)).then(
      () => true,
      () => false,
    );
  }
}

/** The manifest line for a file from what processing it gave. */
export function manifestEntry(path: string, outcome: JobOutcome): ManifestEntry {
  const { code, message } = outcome.error ?? {};
  return {
    sha256: outcome.sha256,
    path,
    status: outcome.error ? 'failed' : 'done',
    ...(outcome.output ? { output: outcome.output } : {}),
    pages: outcome.pages,
    records: outcome.records,
    durationMs: outcome.durationMs,
    ...(code && message !== undefined ? { error: { code, message } } : {}),
    worker: processLabel,
    finishedAt: new Date().toISOString(),
  };
}
