import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileResult } from '../pipeline/process.ts';
import { byPath, type ManifestEntry } from './manifest.ts';
import { writeFileAtomic } from './output.ts';

/** Name of the file holding every task record of an output directory. */
export const TASKS_FILE = 'tasks.jsonl';

/**
 * Rewrites `tasks.jsonl` from the outputs of every done file, in order of source path (then
 * document order within a file), so the file is the same whatever order workers finished in.
 */
export async function writeTasksFile(outDir: string, entries: ManifestEntry[]): Promise<number> {
  const lines: string[] = [];
  const done = entries.filter((e) => e.status === 'done' && e.output).sort(byPath);
  for (const entry of done) lines.push(...(await taskLines(join(outDir, entry.output!))));
  await writeFileAtomic(join(outDir, TASKS_FILE), lines.map((l) => `${l}\n`).join(''));
  return lines.length;
}

/**
 * Task lines of each output this process has read, by path, size and time: a worker rebuilds
 * tasks.jsonl each time its queue empties, and a result holds the whole document model, so
 * parsing every output every time would grow with the square of the batch.
 */
const seen = new Map<string, { version: string; lines: string[] }>();

/** The task records of one output file, as JSON lines. */
async function taskLines(path: string): Promise<string[]> {
  const { size, mtimeMs } = await stat(path);
  const version = `${size}:${mtimeMs}`;
  const known = seen.get(path);
  if (known?.version === version) return known.lines;
  const result = JSON.parse(await readFile(path, 'utf8')) as FileResult;
  const lines = result.tasks.map((t) => JSON.stringify(t));
  seen.set(path, { version, lines });
  return lines;
}
