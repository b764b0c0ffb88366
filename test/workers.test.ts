import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openQueue, type QueuedFile } from '../workers/queue.ts';
import type { QueueStatus } from '../workers/status.ts';
import type { FileResult } from '../pipeline/process.ts';
import { startRedis, type TestRedis } from './helpers/redis.ts';
import { exited, makeBatch, manifest, outputs, runCli, startCli, until } from './workers.fixtures.ts';

/**
 * Distributed mode end to end: real `redis-server`, real worker processes, real files.
 * `SOHOA_TEST_FILE_DELAY_MS` slows each file down so a batch is reliably in flight when a
 * worker or Redis is stopped.
 */
describe('distributed mode on real Redis', () => {
  let redis: TestRedis;
  let dir: string;
  let queue: Queue<QueuedFile>;
  const children: ReturnType<typeof startCli>[] = [];

  const env = (delayMs = 0) => ({ REDIS_URL: redis.url, SOHOA_TEST_FILE_DELAY_MS: String(delayMs) });
  const worker = (args: string[], delayMs = 0) => {
    const child = startCli(['worker', '--concurrency', '1', ...args], env(delayMs));
    children.push(child);
    return child;
  };
  const enqueue = (args: string[]) => {
    const child = startCli(['enqueue', ...args], env());
    children.push(child);
    return child;
  };
  const oneLinePerFile = async (out: string, count: number) => {
    const entries = await manifest(out);
    expect(new Set(entries.map((e) => e.sha256)).size).toBe(count);
    expect(entries).toHaveLength(count);
    return entries;
  };

  beforeAll(async () => {
    redis = await startRedis();
    dir = await mkdtemp(join(tmpdir(), 'sohoa-workers-'));
    queue = await openQueue(redis.url);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await redis.flush();
  });
  afterAll(async () => {
    await queue?.close();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('40 files with 6 bad ones across 2 workers: 34 done, 6 failed with their codes, output identical to sohoa run; status, retry, dashboard', async () => {
    const input = join(dir, 'batch40');
    const { good, bad } = await makeBatch(input, 34, { scans: true });
    const out = join(dir, 'out40');
    worker([], 50);
    worker([], 50);
    const waited = enqueue(['--out', out, '--wait', input]);
    expect(await exited(waited)).toBe(1);

    const entries = await oneLinePerFile(out, 40);
    for (const path of good) expect(entries.find((e) => e.path === path)?.status).toBe('done');
    for (const b of bad) expect(entries.find((e) => e.path === b.path)?.error?.code).toBe(b.code);
    expect(new Set(entries.filter((e) => e.status === 'done').map((e) => e.worker)).size).toBe(2);
    expect(waited.output.stdout).toContain('40 files: 34 done (0 already complete), 6 failed');
    for (const b of bad) expect(waited.output.stdout).toContain(`${b.path}  ${b.code}`);

    const ran = await runCli(['run', '--out', join(dir, 'run40'), input]);
    expect(ran.code).toBe(1);
    const queued = await outputs(out);
    expect(queued.size).toBe(34 + 1); // one JSON per good file, plus tasks.jsonl
    const paths = [...queued].filter(([name]) => name.endsWith('.json')).map(([, json]) => (JSON.parse(json) as FileResult).pages[0]!.path);
    expect(paths).toEqual(expect.arrayContaining(['text', 'text-layer', 'ocr']));
    expect(queued).toEqual(await outputs(join(dir, 'run40')));

    // Enqueuing the same files again is a no-op.
    const again = await runCli(['enqueue', '--out', out, input], env());
    expect(again.stdout).toContain('queued 0 files');
    expect(again.stdout).toContain('40 already queued');

    const status = JSON.parse((await runCli(['status', '--json'], env())).stdout);
    expect(status.counts).toMatchObject({ completed: 34, failed: 6, waiting: 0, active: 0 });
    expect(status.failed.map((f: { path: string; code: string }) => [f.path, f.code]).sort()).toEqual(bad.map((b) => [b.path, b.code]).sort());

    const retried = await runCli(['retry-failed'], env());
    expect(retried.stdout).toContain('re-queued 6 failed files');
    // Bad input fails again, at once and without retries.
    const failedAgain = () => until(async () => (await queue.getFailedCount()) === 6 && (await queue.getWaitingCount()) === 0, 'retried files to fail again');
    await failedAgain();
    for (const job of await queue.getFailed()) expect(job.attemptsMade).toBe(1);

    // The dashboard shows the same and can retry too.
    const dash = startCli(['dashboard', '--port', '0'], env());
    children.push(dash);
    const url = await until(() => /http:\/\/127\.0\.0\.1:\d+\//.exec(dash.output.stdout)?.[0], 'the dashboard');
    expect(await (await fetch(url)).text()).toContain('<title>sohoa');
    const shown = (await (await fetch(`${url}api/status`)).json()) as QueueStatus;
    expect(shown.counts).toMatchObject({ completed: 34, failed: 6 });
    expect(shown.failed.map((f) => f.code).sort()).toEqual(bad.map((b) => b.code).sort());
    // Without the custom header (all a cross-site form can send) nothing is re-queued.
    expect((await fetch(`${url}api/retry-failed`, { method: 'POST' })).status).toBe(403);
    expect(await (await fetch(`${url}api/retry-failed`, { method: 'POST', headers: { 'X-Sohoa': '1' } })).json()).toEqual({ retried: 6 });
    await failedAgain();
  });

  it('retries a transient failure (file unreadable for a moment) with backoff, then completes it; --force re-runs it', async () => {
    const { good } = await makeBatch(join(dir, 'transient'), 1);
    const file = good[0]!;
    const out = join(dir, 'out-transient');
    await runCli(['enqueue', '--out', out, file], env());
    await rename(file, `${file}.away`);
    worker([]);
    const [job] = await until(async () => {
      const jobs = await queue.getDelayed();
      return jobs.length === 1 && jobs[0]!.attemptsMade === 1 && jobs;
    }, 'the first attempt to fail');
    expect(job!.failedReason).toMatch(/^E_IO: /);
    expect(job!.delay).toBe(2000); // first step of the exponential backoff
    expect(await manifest(out)).toEqual([]); // not final: no manifest line yet
    await rename(`${file}.away`, file);
    await until(async () => (await queue.getCompletedCount()) === 1, 'the retry to succeed');
    expect((await oneLinePerFile(out, 1))[0]!.status).toBe('done');
    // The worker writes tasks.jsonl once the queue is idle, just after the job completes.
    await until(() => existsSync(join(out, 'tasks.jsonl')), 'tasks.jsonl to be rebuilt');

    // Queuing it again does nothing; --force processes it again, to the same output.
    const before = await outputs(out);
    expect(await exited(enqueue(['--out', out, '--wait', file]))).toBe(0);
    expect(await manifest(out)).toHaveLength(1);
    expect(await exited(enqueue(['--out', out, '--wait', '--force', file]))).toBe(0);
    expect((await manifest(out)).map((e) => e.status)).toEqual(['done', 'done']);
    expect(await outputs(out)).toEqual(before);
  });

  it('a worker killed with SIGKILL mid-batch: every file still completes exactly once', async () => {
    const input = join(dir, 'kill');
    const { good } = await makeBatch(input, 10).then(async (b) => {
      await Promise.all(b.bad.map((f) => rm(f.path)));
      return b;
    });
    const out = join(dir, 'out-kill');
    const victim = worker(['--lock-ms', '2000'], 300);
    const survivor = worker(['--lock-ms', '2000'], 300);
    const waited = enqueue(['--out', out, '--wait', input]);
    // Right after its first file the victim takes the next one, so the kill lands mid-job.
    await until(() => victim.output.stdout.includes(' done '), 'the first file of the victim');
    victim.kill('SIGKILL');

    expect(await exited(waited)).toBe(0);
    const entries = await oneLinePerFile(out, good.length);
    expect(entries.every((e) => e.status === 'done')).toBe(true);
    expect((await outputs(out)).size).toBe(good.length + 1);
    expect(survivor.output.stdout).toContain('recovered stalled job');
  });

  it('Redis restarted mid-batch: no job lost, workers reconnect by themselves', async () => {
    const input = join(dir, 'restart');
    await makeBatch(input, 15);
    const out = join(dir, 'out-restart');
    const workers = [worker([], 300), worker([], 300)];
    const waited = enqueue(['--out', out, '--wait', input]);
    await until(async () => (await manifest(out)).length >= 2, 'the first files');
    await redis.restart(1000);

    expect(await exited(waited)).toBe(1); // the bad files fail; every file settles
    const entries = await oneLinePerFile(out, 15 + 6);
    expect(entries.filter((e) => e.status === 'done')).toHaveLength(15);
    expect(workers.every((w) => w.exitCode === null)).toBe(true);
  });

  describe('SIGTERM', () => {
    const threeFiles = async (name: string) => {
      const input = join(dir, name);
      const { good } = await makeBatch(input, 3);
      return { input: good, out: join(dir, `out-${name}`) };
    };
    /** Queues three files, starts a worker, and sends it SIGTERM while it runs the first. */
    const terminateMidJob = async (name: string, graceMs: number, delayMs: number) => {
      const { input, out } = await threeFiles(name);
      await runCli(['enqueue', '--out', out, ...input], env());
      const child = worker(['--grace-ms', String(graceMs)], delayMs);
      await until(async () => (await queue.getActiveCount()) === 1, 'an active job');
      const sent = Date.now();
      child.kill('SIGTERM');
      const code = await exited(child);
      return { out, child, code, tookMs: Date.now() - sent };
    };

    it('lets the active job finish when it can within the deadline', async () => {
      const { out, code, tookMs } = await terminateMidJob('term-finish', 10_000, 800);
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(10_000);
      expect((await manifest(out)).map((e) => e.status)).toEqual(['done']);
      expect(await queue.getWaitingCount()).toBe(2);
      expect(await queue.getActiveCount()).toBe(0);
    });

    it('hands the active job back when the deadline comes first, and another worker completes it', async () => {
      const { out, child, code, tookMs } = await terminateMidJob('term-handback', 1500, 60_000);
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(1500 + 1000);
      expect(child.output.stdout).toContain('handed back');
      expect(await queue.getWaitingCount()).toBe(3);
      expect(await manifest(out)).toEqual([]);

      worker([]);
      await until(async () => (await queue.getCompletedCount()) === 3, 'the handed-back files');
      await oneLinePerFile(out, 3);
    });
  });
});
