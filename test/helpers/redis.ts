import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A real Debian `redis-server` on a free loopback port, with AOF fsynced on every write. */
export interface TestRedis {
  url: string;
  port: number;
  /** Stops Redis (clean shutdown, AOF flushed) and starts it again on the same port and data. */
  restart(downMs?: number): Promise<void>;
  /** Deletes every key (a fresh queue for the next test). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `redis-server` (install it with `scripts/ensure-redis.sh`). */
export async function startRedis(): Promise<TestRedis> {
  const dir = await mkdtemp(join(tmpdir(), 'sohoa-redis-'));
  const port = await freePort();
  let proc = await launch(port, dir);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart(downMs = 500) {
      await terminate(proc);
      await sleep(downMs);
      proc = await launch(port, dir);
    },
    async flush() {
      if ((await command(port, 'FLUSHALL')) !== '+OK') throw new Error('FLUSHALL failed');
    },
    async stop() {
      await terminate(proc);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', '', '--daemonize', 'no'];
  const proc = spawn('redis-server', args, { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => proc.once('error', reject));
  for (let i = 0; i < 100; i++) {
    if (await accepts(port)) return proc;
    await Promise.race([sleep(50), failed]);
  }
  proc.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

async function terminate(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  await exited;
}

async function accepts(port: number): Promise<boolean> {
  return (await command(port, 'PING').catch(() => '')) === '+PONG';
}

/** Sends one inline command and returns the first reply line. */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.once('connect', () => socket.write(`${line}\r\n`));
    socket.once('data', (d) => (socket.destroy(), resolve(d.toString().split('\r\n')[0]!)));
    socket.once('error', (err) => (socket.destroy(), reject(err)));
    socket.connect(port, '127.0.0.1');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
