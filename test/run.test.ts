import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaErrors, validateResult } from '../schemas/index.ts';
import { collectInputs } from '../workers/inputs.ts';
import { ManifestIndex } from '../workers/manifest.ts';
import { outputFileName } from '../workers/output.ts';
import { progressLine } from '../workers/progress.ts';
import { makeBatch, manifest, outputs, runCli, type BadFile } from './workers.fixtures.ts';

describe('sohoa run (embedded driver)', () => {
  let dir: string;
  let good: string[];
  let bad: BadFile[];
  let first: Awaited<ReturnType<typeof runCli>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sohoa-run-'));
    ({ good, bad } = await makeBatch(join(dir, 'in'), 10));
    first = await runCli(['run', '--out', join(dir, 'out'), '--concurrency', '2', join(dir, 'in')]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('processes every good file, fails each bad one with its code, and exits 1', async () => {
    expect(first.code).toBe(1);
    const entries = await manifest(join(dir, 'out'));
    expect(entries).toHaveLength(good.length + bad.length);
    for (const path of good) expect(entries.find((e) => e.path === path)?.status).toBe('done');
    for (const b of bad) {
      const entry = entries.find((e) => e.path === b.path);
      expect(entry?.status).toBe('failed');
      expect(entry?.error?.code).toBe(b.code);
      // The summary names every failed file and its code.
      expect(first.stdout).toContain(`${b.path}  ${b.code}`);
    }
    expect(first.stdout).toContain(`${good.length + bad.length} files: ${good.length} done (0 already complete), ${bad.length} failed`);
  });

  it('writes one complete output per good file, valid against schemas/result.schema.json; equal basenames in different folders do not collide', async () => {
    const entries = await manifest(join(dir, 'out'));
    const names = entries.filter((e) => e.status === 'done').map((e) => e.output!);
    expect(new Set(names).size).toBe(good.length);
    const same = entries.filter((e) => e.path.endsWith('/van-ban-0.txt'));
    expect(same).toHaveLength(2);
    for (const e of entries.filter((x) => x.status === 'done')) {
      const result = JSON.parse(await readFile(join(dir, 'out', e.output!), 'utf8'));
      expect(result.source.sha256).toBe(e.sha256);
      expect(result.source.name).toBe(e.path.split('/').pop());
      expect(result.pages.length).toBe(e.pages);
      expect(result.tasks.length).toBe(e.records);
      expect(validateResult(result), schemaErrors(validateResult)).toBe(true);
    }
    const out = await outputs(join(dir, 'out'));
    expect(out.has('tasks.jsonl')).toBe(true);
  });

  it('resumes: a second run skips complete files, writes no new line for them, and keeps outputs identical', async () => {
    const before = await outputs(join(dir, 'out'));
    const second = await runCli(['run', '--out', join(dir, 'out'), join(dir, 'in')]);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain(`${good.length} done (${good.length} already complete)`);
    const entries = await manifest(join(dir, 'out'));
    for (const path of good) expect(entries.filter((e) => e.path === path)).toHaveLength(1);
    expect(await outputs(join(dir, 'out'))).toEqual(before);
  });

  it('prints a plain line per file when stderr is not a terminal', () => {
    expect(first.stderr).toMatch(/^done {4}\/.*van-ban-0\.txt \(\d+ pages, \d+ records, [\d.]+ s\)$/m);
    expect(first.stderr).toMatch(/^FAILED {2}\/.*rong\.txt {2}E_EMPTY_FILE/m);
  });

  it('refuses the batch when the dictionary is missing, instead of failing every file', async () => {
    const res = await runCli(['run', '--dict', join(dir, 'no-dict'), '--out', join(dir, 'y'), join(dir, 'in')]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('E_DICT_MISSING');
  });

  it('fails with a usage error when a path does not exist', async () => {
    const res = await runCli(['run', '--out', join(dir, 'x'), join(dir, 'missing')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('E_USAGE');
  });
});

describe('batch building blocks', () => {
  it('collects folders recursively, sorted, skipping dotfiles and the output folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-inputs-'));
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await mkdir(join(dir, 'out'));
    for (const f of ['a/b/z.txt', 'a/y.txt', '.hidden', 'out/r.json', 'x.txt']) await writeFile(join(dir, f), 'x');
    const found = await collectInputs([dir, join(dir, 'x.txt')], [join(dir, 'out')]);
    expect(found.map((f) => f.path)).toEqual([join(dir, 'a/b/z.txt'), join(dir, 'a/y.txt'), join(dir, 'x.txt')]);
    expect(found[0]!.name).toBe('z.txt');
    await rm(dir, { recursive: true, force: true });
  });

  it('names outputs by stem and content hash', () => {
    expect(outputFileName('Quyết định 350.pdf', 'ab'.repeat(32))).toBe('Quyết_định_350.abababababab.json');
  });

  it('reads the manifest incrementally and ignores a half-written last line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sohoa-manifest-'));
    const line = (sha: string, status: string) => JSON.stringify({ sha256: sha, path: `/p/${sha}`, status, finishedAt: '' });
    await writeFile(join(dir, 'manifest.jsonl'), `${line('a', 'failed')}\n${line('b', 'done')}\n{"sha256":"c"`);
    const index = new ManifestIndex(dir);
    await index.refresh();
    expect(index.entries().map((e) => e.sha256)).toEqual(['a', 'b']);
    await writeFile(join(dir, 'manifest.jsonl'), `${line('a', 'failed')}\n${line('b', 'done')}\n${line('a', 'done')}\n`);
    await index.refresh();
    expect(index.get('a')?.status).toBe('done');
    await rm(dir, { recursive: true, force: true });
  });

  it('shows files, rate and ETA in the progress line', () => {
    const line = progressLine({ total: 10, done: 3, failed: 1, skipped: 0, active: 2, pages: 8 }, 60_000, 10);
    expect(line).toBe('[####......] 4/10  done 3  failed 1  active 2  8 pages/min  ETA 1:30');
  });
});
