import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SohoaError } from '../pipeline/model/errors.ts';

/** Parses a command's arguments, turning parse failures into `E_USAGE` errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new SohoaError('E_USAGE', `${(err as Error).message}\nusage: ${usage}`);
  }
}
