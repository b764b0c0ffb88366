import { collectInputs, hashInputs, uniqueByContent } from '../../workers/inputs.ts';
import { runBatch } from '../../workers/batch.ts';
import { ProgressView } from '../../workers/progress.ts';
import { formatSummary } from '../../workers/summary.ts';
import { parseCommandArgs } from '../args.ts';
import { batchOutDir, positiveInt } from '../../workers/options.ts';
import { loadDictionary } from '../../dictionaries/load.ts';

const USAGE = 'sohoa run --out DIR [--concurrency N] [--dict DIR] [--force] PATH...';

/**
 * `sohoa run`: processes files and folders in-process on a worker-thread pool, no server
 * needed. Re-running skips files already complete; exits 1 when any file failed.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      out: { type: 'string' },
      concurrency: { type: 'string' },
      dict: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const outDir = batchOutDir(values.out, positionals, USAGE);
  // A missing or broken dictionary would fail every file: refuse the batch up front instead.
  await loadDictionary(values.dict);
  const inputs = await collectInputs(positionals, [outDir]);
  const { unique, duplicates } = uniqueByContent(await hashInputs(inputs));
  const summary = await runBatch(unique, duplicates.length, {
    outDir,
    concurrency: values.concurrency === undefined ? undefined : positiveInt(values.concurrency, '--concurrency'),
    dictDir: values.dict,
    force: values.force,
    progress: new ProgressView(process.stderr, unique.length),
  });
  process.stdout.write(formatSummary(summary, outDir));
  return summary.entries.some((e) => e.status === 'failed') ? 1 : 0;
}
