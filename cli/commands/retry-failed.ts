import { openQueue, redisUrl } from '../../workers/queue.ts';
import { retryFailed } from '../../workers/status.ts';
import { parseCommandArgs } from '../args.ts';

const USAGE = 'sohoa retry-failed [--redis URL]';

/**
 * `sohoa retry-failed`: re-queues every failed file with fresh attempts (useful after a fix,
 * e.g. a dictionary or a new ingest capability; bad input simply fails again).
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { redis: { type: 'string' } }, USAGE);
  const queue = await openQueue(redisUrl(values.redis));
  try {
    process.stdout.write(`re-queued ${await retryFailed(queue)} failed files\n`);
    return 0;
  } finally {
    await queue.close();
  }
}
