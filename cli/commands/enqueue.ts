import { enqueueFiles } from '../../workers/enqueue.ts';
import { collectInputs, hashInputs, uniqueByContent } from '../../workers/inputs.ts';
import { ProgressView } from '../../workers/progress.ts';
import { openQueue, redactUrl, redisUrl } from '../../workers/queue.ts';
import { formatSummary } from '../../workers/summary.ts';
import { writeTasksFile } from '../../workers/tasks-file.ts';
import { ManifestIndex } from '../../workers/manifest.ts';
import { waitForFiles, type WaitedFile } from '../../workers/wait.ts';
import { batchOutDir } from '../../workers/options.ts';
import { parseCommandArgs } from '../args.ts';

const USAGE = 'sohoa enqueue --out DIR [--redis URL] [--wait] [--force] PATH...';

/**
 * `sohoa enqueue`: one job per file on Redis (job id = content hash, so queuing again is a
 * no-op). With `--wait`, shows live progress until every file is done or failed, prints the
 * summary and exits 1 if any failed.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      out: { type: 'string' },
      redis: { type: 'string' },
      wait: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const url = redisUrl(values.redis);
  const outDir = batchOutDir(values.out, positionals, USAGE);
  const started = Date.now();
  const hashed = await hashInputs(await collectInputs(positionals, [outDir]));
  const unreadable = hashed.filter((f) => f.error);
  for (const f of unreadable) process.stderr.write(`FAILED  ${f.path}  ${f.error!.code}  not queued: ${f.error!.message}\n`);
  const { unique, duplicates } = uniqueByContent(hashed.filter((f) => !f.error));

  const queue = await openQueue(url);
  try {
    const report = await enqueueFiles(queue, unique, outDir, values.force);
    for (const { input, outDir: other } of report.elsewhere) process.stderr.write(`note    ${input.path} is already queued with output to ${other}\n`);
    for (const input of report.busy) process.stderr.write(`note    ${input.path} is being processed now; not re-queued\n`);
    process.stdout.write(
      `queued ${report.added.length} files on ${redactUrl(url)} (${report.known.length} already queued` +
        `${duplicates.length ? `, ${duplicates.length} duplicate inputs` : ''})\n`,
    );
    if (!values.wait) return unreadable.length ? 1 : 0;

    const waited: WaitedFile[] = [
      ...report.known.map((f) => ({ ...f, mode: 'known' as const })),
      ...report.busy.map((f) => ({ ...f, mode: 'known' as const })),
      ...report.added.map((f) => ({ ...f, mode: values.force ? ('forced' as const) : ('added' as const) })),
    ];
    const progress = new ProgressView(process.stderr, waited.length);
    const entries = await waitForFiles(queue, waited, outDir, started, progress);
    const index = new ManifestIndex(outDir);
    await index.refresh();
    await writeTasksFile(outDir, index.entries());
    // Files settled by lines from before this run were not processed now.
    const earlier = entries.filter((e) => Date.parse(e.finishedAt) < started);
    const pages = entries.reduce((n, e) => n + e.pages, 0) - earlier.reduce((n, e) => n + e.pages, 0);
    const summary = { entries, skipped: earlier.length, duplicates: duplicates.length, pages, elapsedMs: Date.now() - started };
    process.stdout.write(formatSummary(summary, outDir));
    return unreadable.length || entries.some((e) => e.status === 'failed') ? 1 : 0;
  } finally {
    await queue.close();
  }
}
