import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { SohoaError } from '../pipeline/model/errors.ts';

/** One file a batch will process. */
export interface InputFile {
  /** Absolute path: what workers read and what manifests and summaries name. */
  path: string;
  /** Basename: the name the pipeline sees, so output never depends on where the batch ran from. */
  name: string;
}

/**
 * Expands PATH arguments (files and folders, folders taken recursively) into a sorted,
 * duplicate-free list of files. Dotfiles met while walking a folder are skipped (editor and
 * OS litter such as `.DS_Store`); a dotfile named explicitly is kept. Anything under one of
 * `exclude` (the output directory, when it sits inside an input folder) is skipped.
 * @throws SohoaError `E_USAGE` when an argument does not exist.
 */
export async function collectInputs(paths: string[], exclude: string[] = []): Promise<InputFile[]> {
  const excluded = exclude.map((p) => resolve(p));
  const found = new Set<string>();
  for (const arg of paths) {
    const abs = resolve(arg);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new SohoaError('E_USAGE', 'no such file or folder', arg);
    if (info.isDirectory()) await walk(abs, excluded, found);
    else found.add(abs);
  }
  return [...found].sort().map((path) => ({ path, name: basename(path) }));
}

async function walk(dir: string, excluded: string[], found: Set<string>): Promise<void> {
  if (excluded.some((ex) => dir === ex || dir.startsWith(ex + sep))) return;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // Symlinks are followed to what they point at; stat tells which that is.
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory());
    if (isDir) await walk(path, excluded, found);
    else if (entry.isFile() || entry.isSymbolicLink()) found.add(path);
  }
}

/** An input with its content hash, or the reason it could not be read. */
export interface HashedInput extends InputFile {
  sha256?: string;
  error?: SohoaError;
}

/** Content hash of a file, streamed so large scans are never held in memory. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The `E_IO` error of a file that cannot be read, naming it. */
export function unreadable(err: unknown, name: string): SohoaError {
  return new SohoaError('E_IO', `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, name, { cause: err });
}

/** A file's bytes; a failure is `E_IO` naming the file. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw unreadable(err, path);
  }
}

/** Hashes every input; an unreadable file gets an `E_IO` error instead of stopping the batch. */
export async function hashInputs(inputs: InputFile[]): Promise<HashedInput[]> {
  const out: HashedInput[] = [];
  for (const input of inputs) {
    try {
      out.push({ ...input, sha256: await hashFile(input.path) });
    } catch (err) {
      out.push({ ...input, error: unreadable(err, input.name) });
    }
  }
  return out;
}

/**
 * Splits hashed inputs into one per content (the first path in sorted order keeps it) and the
 * duplicates: the content hash is a file's identity, so the same scan filed twice is done once.
 */
export function uniqueByContent(inputs: HashedInput[]): { unique: HashedInput[]; duplicates: HashedInput[] } {
  const seen = new Set<string>();
  const unique: HashedInput[] = [];
  const duplicates: HashedInput[] = [];
  for (const input of inputs) {
    if (input.sha256 && seen.has(input.sha256)) duplicates.push(input);
    else {
      if (input.sha256) seen.add(input.sha256);
      unique.push(input);
    }
  }
  return { unique, duplicates };
}
