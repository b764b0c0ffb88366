import type { ManifestEntry } from './manifest.ts';
import { describe, pagesPerMinute } from './progress.ts';

/** What a finished batch reports. */
export interface BatchSummary {
  /** Latest manifest line of every input file (processed now or already complete). */
  entries: ManifestEntry[];
  /** Files whose output was already complete and were not processed again. */
  skipped: number;
  /** Inputs with the same content as another input (processed once, under the first path). */
  duplicates: number;
  /** Pages processed in this run. */
  pages: number;
  elapsedMs: number;
}

/** The end-of-batch report: totals, rate, and every failed file with its error code. */
export function formatSummary(s: BatchSummary, outDir: string): string {
  const failed = s.entries.filter((e) => e.status === 'failed');
  const done = s.entries.length - failed.length;
  const records = s.entries.reduce((n, e) => n + e.records, 0);
  const lines = [
    `${s.entries.length} files: ${done} done (${s.skipped} already complete), ${failed.length} failed` +
      (s.duplicates ? `, ${s.duplicates} duplicate inputs` : ''),
    `${s.pages} pages processed in ${(s.elapsedMs / 1000).toFixed(1)} s (${pagesPerMinute(s.pages, s.elapsedMs)} pages/min), ${records} task records`,
    `output: ${outDir} (manifest.jsonl, tasks.jsonl, one JSON per file)`,
  ];
  if (failed.length) lines.push('failed files:', ...failed.map((e) => `  ${describe(e)}`));
  return `${lines.join('\n')}\n`;
}
