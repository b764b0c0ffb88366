import { SohoaError, toSohoaError } from '../pipeline/model/errors.ts';

/** A CLI command: runs with its own arguments and returns the process exit code. */
export type Command = (argv: string[]) => Promise<number>;

/** Commands load lazily so `sohoa repair` never pays for OCR or Redis modules. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  dict: { summary: 'dict build --out DIR FILE...   build a dictionary from clean text', load: () => import('./commands/dict.ts') },
  repair: { summary: 'repair [--dict DIR] [--format text|json] FILE|-', load: () => import('./commands/repair.ts') },
  segment: { summary: 'segment FILE                 document structure as JSON', load: () => import('./commands/segment.ts') },
  tasks: { summary: 'tasks FILE                   task records as JSONL', load: () => import('./commands/tasks.ts') },
  text: { summary: 'text FILE                    repaired plain text of any input', load: () => import('./commands/text.ts') },
  run: { summary: 'run --out DIR PATH...        process files in-process (no Redis)', load: () => import('./commands/run.ts') },
  enqueue: { summary: 'enqueue --out DIR [--wait] PATH...   queue files on Redis', load: () => import('./commands/enqueue.ts') },
  worker: { summary: 'worker [--concurrency N]     process queued files', load: () => import('./commands/worker.ts') },
  status: { summary: 'status [--json]              queue counts and failed files', load: () => import('./commands/status.ts') },
  'retry-failed': { summary: 'retry-failed                 re-queue failed files', load: () => import('./commands/retry-failed.ts') },
  dashboard: { summary: 'dashboard [--port N]         queue dashboard on localhost', load: () => import('./commands/dashboard.ts') },
};

function help(): string {
  return ['usage: sohoa COMMAND [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) throw new SohoaError('E_USAGE', `unknown command '${name}'\n${help()}`);
  const { run } = await entry.load();
  return run(rest);
}

// A reader that stops early (sohoa repair FILE | head) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  const e = toSohoaError(err);
  process.stderr.write(`sohoa: ${e.code}: ${e.message}\n`);
  if (e.code === 'E_INTERNAL' && process.env.SOHOA_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
  process.exitCode = e.code === 'E_USAGE' ? 2 : 1;
}
