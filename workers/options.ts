import { resolve } from 'node:path';
import { SohoaError } from '../pipeline/model/errors.ts';

/** Parses a positive integer option, or fails with `E_USAGE` naming the option. */
export function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new SohoaError('E_USAGE', `${option} must be a positive integer, not '${value}'`);
  return n;
}

/** The output directory (absolute) of a batch command, which needs `--out` and at least one PATH. */
export function batchOutDir(out: string | undefined, paths: string[], usage: string): string {
  if (!out) throw new SohoaError('E_USAGE', `--out DIR is required\nusage: ${usage}`);
  if (paths.length === 0) throw new SohoaError('E_USAGE', `at least one PATH is required\nusage: ${usage}`);
  return resolve(out);
}
