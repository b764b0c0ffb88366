import { openQueue, redisUrl } from '../../workers/queue.ts';
import { formatStatus, queueStatus } from '../../workers/status.ts';
import { parseCommandArgs } from '../args.ts';

const USAGE = 'sohoa status [--redis URL] [--json]';

/** `sohoa status`: queue counts and the failed files with their error codes. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { redis: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
  const queue = await openQueue(redisUrl(values.redis));
  try {
    const status = await queueStatus(queue);
    process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : formatStatus(status));
    return 0;
  } finally {
    await queue.close();
  }
}
