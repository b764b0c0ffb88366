import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sha256Hex } from '../pipeline/ingest/index.ts';
import { type ErrorCode, SohoaError, toSohoaError } from '../pipeline/model/errors.ts';
import { processFile } from '../pipeline/process.ts';
import type { Dictionary } from '../pipeline/repair/index.ts';
import { readInputFile } from './inputs.ts';
import { outputFileName, serializeResult, writeFileAtomic } from './output.ts';

/** One file to process and where its output goes. */
export interface FileJob {
  path: string;
  name: string;
  outDir: string;
  /** Content hash the file had when it was queued; a file changed since then is refused. */
  sha256?: string;
}

/** What processing one file gave: plain data, so it crosses thread and process boundaries. */
export interface JobOutcome {
  sha256: string;
  output?: string;
  pages: number;
  records: number;
  durationMs: number;
  error?: { code: ErrorCode; message: string; permanent: boolean };
}

/**
 * Test-only knob: extra milliseconds spent on every file, so tests can stop a worker or Redis
 * while a batch is demonstrably in flight. Unset in normal use.
 */
const TEST_DELAY_ENV = 'SOHOA_TEST_FILE_DELAY_MS';

/**
 * Reads, processes and writes the output of one file (atomically). Never throws: a failure
 * comes back as `error`, with whether a retry could help.
 */
export async function runFileJob(job: FileJob, dictionary: Dictionary): Promise<JobOutcome> {
  const started = performance.now();
  let sha256 = job.sha256 ?? '';
  try {
    const bytes = await readInputFile(job.path);
    sha256 = sha256Hex(bytes);
    if (job.sha256 && job.sha256 !== sha256) {
      // Retrying cannot bring the queued content back, so this is final.
      const changed = new SohoaError('E_IO', 'the file changed after it was queued; enqueue it again', job.name);
      return { ...failedOutcome(sha256, changed, true), durationMs: elapsed(started) };
    }
    const delay = Number(process.env[TEST_DELAY_ENV] ?? 0);
    if (delay > 0) await sleep(delay);
    const result = await processFile({ name: job.name, bytes }, { dictionary });
    const output = outputFileName(job.name, sha256);
    await writeFileAtomic(join(job.outDir, output), serializeResult(result));
    return { sha256, output, pages: result.pages.length, records: result.tasks.length, durationMs: elapsed(started) };
  } catch (err) {
    return { ...failedOutcome(sha256, toSohoaError(err, job.name)), durationMs: elapsed(started) };
  }
}

/** The outcome of a file that failed with `e`. */
export function failedOutcome(sha256: string, e: SohoaError, permanent = e.permanent): JobOutcome {
  return { sha256, pages: 0, records: 0, durationMs: 0, error: { code: e.code, message: e.message, permanent } };
}

const elapsed = (started: number): number => Math.round(performance.now() - started);
