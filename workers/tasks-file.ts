import { readFile } from 'node:fs/promises';
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
  for (const entry of done) {
    const result = JSON.parse(await readFile(join(outDir, entry.output!), 'utf8')) as FileResult;
    for (const task of result.tasks) lines.push(JSON.stringify(task));
  }
  await writeFileAtomic(join(outDir, TASKS_FILE), lines.map((l) => `${l}\n`).join(''));
  return lines.length;
}
