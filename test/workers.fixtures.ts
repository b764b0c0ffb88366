/**
 * Batch test inputs made in temp folders: good text files cut from the clean corpus, and one
 * bad file of each kind a backlog holds, built byte by byte so no tool is needed to make them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { renderBornDigitalPdf, renderTextPages } from '../fixtures/generator/index.ts';
import type { ErrorCode } from '../pipeline/model/errors.ts';
import type { ManifestEntry } from '../workers/manifest.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** A bad input and the code it must fail with. */
export interface BadFile {
  path: string;
  code: ErrorCode;
}

/**
 * Writes `good` good files and the six bad kinds. Good files are text (two pairs share a
 * basename in different folders); with `scans`, the last two are a born-digital PDF and a
 * scanned page image (PNG, read by OCR) of a short decision, rendered by the fixture generator.
 */
export async function makeBatch(dir: string, good: number, { scans = false } = {}): Promise<{ good: string[]; bad: BadFile[] }> {
  const corpus = await readFile(join(ROOT, 'dictionaries/corpus/qd-350-ttg.txt'), 'utf8');
  const paragraphs = corpus.split(/\n\s*\n/).filter((p) => p.trim().length > 40);
  const goodPaths: string[] = [];
  const texts = scans ? good - 2 : good;
  for (let i = 0; i < texts; i++) {
    // Distinct content per file; a form feed gives some files a second page.
    const body = paragraphs[(i * 7) % paragraphs.length]!;
    const text = `Tệp số ${i + 1}\n\n${body}${i % 4 === 0 ? `\f${paragraphs[(i * 7 + 1) % paragraphs.length]}` : ''}\n`;
    const path = i < 4 ? join(dir, `folder-${i % 2}`, `van-ban-${Math.floor(i / 2)}.txt`) : join(dir, 'docs', `van-ban-${i}.txt`);
    await put(path, text);
    goodPaths.push(path);
  }
  if (scans) {
    const decision = 'Điều 1. Phê duyệt Đề án chuyển đổi số toàn diện lĩnh vực Nội vụ.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n';
    const [png] = await renderTextPages(decision, { maxPages: 1, dpi: 150 });
    const media: [string, Uint8Array][] = [
      [join(dir, 'scans', 'quyet-dinh.pdf'), await renderBornDigitalPdf(decision, { maxPages: 1 })],
      [join(dir, 'scans', 'quyet-dinh.png'), png!],
    ];
    for (const [path, bytes] of media) {
      await put(path, bytes);
      goodPaths.push(path);
    }
  }
  const bad: BadFile[] = [
    { path: join(dir, 'bad', 'hong.pdf'), code: 'E_PDF_CORRUPT' },
    { path: join(dir, 'bad', 'rong.txt'), code: 'E_EMPTY_FILE' },
    { path: join(dir, 'bad', 'anh.gif'), code: 'E_UNSUPPORTED_TYPE' },
    { path: join(dir, 'bad', 'mat-khau.pdf'), code: 'E_PDF_ENCRYPTED' },
    { path: join(dir, 'bad', 'qua-lon.png'), code: 'E_IMAGE_TOO_LARGE' },
    { path: join(dir, 'bad', 'rac.bin'), code: 'E_UNSUPPORTED_TYPE' },
  ];
  const bytes = [corruptPdf(), new Uint8Array(0), gif(), encryptedPdf(), oversizedPng(), garbage(4096)];
  await Promise.all(bad.map((b, i) => put(b.path, bytes[i]!)));
  return { good: goodPaths, bad };
}

async function put(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
}

/** A PDF header followed by binary junk: no objects, no cross-reference table. */
export function corruptPdf(): Uint8Array {
  return concat(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), garbage(2048), latin1('\n%%EOF\n'));
}

/** A GIF: a real image format this tool does not read. */
export function gif(): Uint8Array {
  return Uint8Array.from([
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x21, 0xf9, 4, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0,
    1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b,
  ]);
}

/** Deterministic bytes with NULs and no known magic number. */
export function garbage(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = i % 7 === 0 ? 0 : x & 0xff;
  }
  return out;
}

/** A PNG whose header declares 60000 × 60000 pixels (a 14 GB bitmap); the pixel data is one empty row. */
export function oversizedPng(): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 60000);
  view.setUint32(4, 60000);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const idat = Uint8Array.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
  return concat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0)));
}

/** A one-page PDF with a text layer saying `text` (ASCII), with a correct cross-reference table. */
export function textPdf(text: string): Uint8Array {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ],
    '',
  );
}

/**
 * A PDF protected by the standard security handler (revision 2, RC4-40) with a non-empty user
 * password, so no reader can open it without the password.
 */
export function encryptedPdf(): Uint8Array {
  const id = createHash('md5').update('sohoa-encrypted-fixture').digest();
  const permissions = -4;
  const owner = rc4(md5(pad('owner-secret')).subarray(0, 5), pad('user-secret'));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(Buffer.concat([pad('user-secret'), owner, p, id])).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const hex = (b: Uint8Array) => `<${Buffer.from(b).toString('hex')}>`;
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex(owner)} /U ${hex(user)} /P ${permissions} >>`;
  return buildPdf(
    ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>', encrypt],
    ` /Encrypt 4 0 R /ID [${hex(id)} ${hex(id)}]`,
  );
}

function buildPdf(objects: string[], extraTrailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${extraTrailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function pad(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
}

const md5 = (b: Uint8Array): Buffer => createHash('md5').update(b).digest();

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(latin1(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat(latin1(type), data)));
  return concat(head, data, crc);
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

/** Output of a finished CLI run. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `sohoa ARGS...` as its own process (so it can be signalled), capturing its output. */
export function startCli(args: string[], env: Record<string, string> = {}): ChildProcess & { output: { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/sohoa.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (output.stdout += d));
  child.stderr!.on('data', (d) => (output.stderr += d));
  return Object.assign(child, { output });
}

/** Runs `sohoa ARGS...` to the end. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const child = startCli(args, env);
  return exited(child).then((code) => ({ code, ...child.output }));
}

/** Resolves with the exit code (null when killed by a signal). */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Every output file of a directory (not the manifest, whose lines carry times and hosts), by name. */
export async function outputs(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') || n === 'tasks.jsonl').sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as [string, string])));
}

/** Polls `check` every 50 ms until it returns a value, failing after `timeoutMs`. */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Every manifest line of an output directory, in file order (empty when there is none yet). */
export async function manifest(dir: string): Promise<ManifestEntry[]> {
  const text = await readFile(join(dir, 'manifest.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ManifestEntry);
}
