import { SohoaError } from '../pipeline/model/errors.ts';

/** Parses a positive integer option, or fails with `E_USAGE` naming the option. */
export function positiveInt(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new SohoaError('E_USAGE', `${option} must be a positive integer, not '${value}'`);
  return n;
}
