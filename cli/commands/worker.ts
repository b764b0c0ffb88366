import { availableParallelism } from 'node:os';
import { startQueueWorker } from '../../workers/distributed-worker.ts';
import { positiveInt } from '../../workers/options.ts';
import { redactUrl, redisUrl } from '../../workers/queue.ts';
import { parseCommandArgs } from '../args.ts';
import { loadDictionary } from '../../dictionaries/load.ts';

const USAGE = 'sohoa worker [--redis URL] [--concurrency N] [--dict DIR] [--grace-ms MS] [--lock-ms MS]';

/**
 * `sohoa worker`: processes queued files until SIGTERM/SIGINT, then stops taking jobs and
 * exits within `--grace-ms` (default 30 s), handing back any job it could not finish.
 * A second signal exits at once (the job lock then expires and another worker takes over).
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      redis: { type: 'string' },
      concurrency: { type: 'string' },
      dict: { type: 'string' },
      'grace-ms': { type: 'string', default: '30000' },
      'lock-ms': { type: 'string', default: '30000' },
    },
    USAGE,
  );
  const url = redisUrl(values.redis);
  const concurrency = values.concurrency === undefined ? availableParallelism() : positiveInt(values.concurrency, '--concurrency');
  const graceMs = positiveInt(values['grace-ms'], '--grace-ms');
  // A missing or broken dictionary would fail every job: refuse to start instead.
  await loadDictionary(values.dict);
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  return new Promise((resolve, reject) => {
    let stopping = false;
    // Handlers go in before the worker starts: it may take a job before it reports ready, and a
    // signal in that window must still hand the job back rather than kill the process.
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      log(`${signal}: finishing active jobs (deadline ${graceMs} ms)`);
      // Whatever happens, the process is gone by the deadline.
      setTimeout(() => process.exit(1), graceMs).unref();
      starting
        .then((worker) => worker.shutdown(graceMs))
        .then(
          () => (log('stopped'), resolve(0)),
          (err: Error) => (log(`shutdown error: ${err.message}`), resolve(1)),
        );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    const starting = startQueueWorker({ url, concurrency, dictDir: values.dict, lockMs: positiveInt(values['lock-ms'], '--lock-ms'), log });
    starting.then(() => log(`worker ${process.pid} on ${redactUrl(url)}, ${concurrency} threads`), reject);
  });
}
