import { createServer, type Server } from 'node:http';
import type { Queue } from 'bullmq';
import { toSohoaError } from '../pipeline/model/errors.ts';
import { DASHBOARD_PAGE } from './dashboard-page.ts';
import type { QueuedFile } from './queue.ts';
import { queueStatus, retryFailed } from './status.ts';

/**
 * Serves the queue dashboard on 127.0.0.1 only: the page, `GET /api/status` (the same JSON
 * as `sohoa status --json`) and `POST /api/retry-failed`. The POST needs an `X-Sohoa` header,
 * which a page on another site cannot send without a CORS preflight this server never
 * answers, so other sites open in the browser cannot re-queue files.
 */
export function startDashboard(queue: Queue<QueuedFile>, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, value: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(value));
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method === 'GET' && path === '/') return send(200, 'text/html; charset=utf-8', DASHBOARD_PAGE);
      if (req.method === 'GET' && path === '/api/status') return json(200, await queueStatus(queue));
      if (req.method === 'POST' && path === '/api/retry-failed') {
        if (req.headers['x-sohoa'] !== '1') return json(403, { error: 'missing X-Sohoa header' });
        return json(200, { retried: await retryFailed(queue) });
      }
      return json(404, { error: 'not found' });
    } catch (err) {
      const e = toSohoaError(err);
      return json(500, { code: e.code, message: e.message });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
