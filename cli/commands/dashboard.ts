import type { AddressInfo } from 'node:net';
import { startDashboard } from '../../workers/dashboard.ts';
import { positiveInt } from '../../workers/options.ts';
import { openQueue, redisUrl } from '../../workers/queue.ts';
import { parseCommandArgs } from '../args.ts';

const USAGE = 'sohoa dashboard [--redis URL] [--port N]';

/** `sohoa dashboard`: the queue dashboard on http://127.0.0.1:PORT/ (default 4280) until SIGINT/SIGTERM. */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { redis: { type: 'string' }, port: { type: 'string', default: '4280' } }, USAGE);
  const port = values.port === '0' ? 0 : positiveInt(values.port, '--port');
  const queue = await openQueue(redisUrl(values.redis));
  const server = await startDashboard(queue, port);
  process.stdout.write(`dashboard on http://127.0.0.1:${(server.address() as AddressInfo).port}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  server.close();
  server.closeAllConnections();
  await queue.close();
  return 0;
}
