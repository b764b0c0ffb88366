import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { FileResult } from '../pipeline/process.ts';

/**
 * Output file name for a source: its stem plus the start of its content hash, so two inputs
 * with the same basename in different folders never collide, and the same content always
 * lands in the same file.
 */
export function outputFileName(name: string, sha256: string): string {
  const stem = basename(name, extname(name)).replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'file';
  return `${stem}.${sha256.slice(0, 12)}.json`;
}

/**
 * The bytes of a file's output. Only what the pipeline computed goes in (no times, hosts or
 * durations: those belong to the manifest), so every driver and worker writes the same bytes.
 * Compact: with the token-level document model, indentation would double a backlog's size
 * (`jq .` prints it indented).
 */
export function serializeResult(result: FileResult): string {
  return `${JSON.stringify(result)}\n`;
}

/** Writes a file so readers see either the old content or the new one, never a partial file. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
