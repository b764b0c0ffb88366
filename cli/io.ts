import { loadDictionary } from '../dictionaries/load.ts';
import { closeOcr, type SourceFile } from '../pipeline/ingest/index.ts';
import { processFile, type FileResult } from '../pipeline/process.ts';
import { readInputFile } from '../workers/inputs.ts';
import { parseCommandArgs } from './args.ts';
import { SohoaError } from '../pipeline/model/errors.ts';

/** Reads the one input argument of a command: a path, or `-` for standard input. */
export async function readSource(args: string[], usage: string): Promise<SourceFile> {
  if (args.length !== 1) throw new SohoaError('E_USAGE', `exactly one FILE is required\nusage: ${usage}`);
  const arg = args[0]!;
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return { name: '<stdin>', bytes: new Uint8Array(Buffer.concat(chunks)) };
  }
  return { name: arg, bytes: await readInputFile(arg) };
}

/**
 * The pipeline on the one FILE argument of a command (`--dict DIR` optional), closing the OCR
 * pool afterwards so the command exits as soon as it is done.
 */
export async function processArgument(argv: string[], usage: string): Promise<FileResult> {
  const { values, positionals } = parseCommandArgs(argv, { dict: { type: 'string' } }, usage);
  const file = await readSource(positionals, usage);
  try {
    return await processFile(file, { dictionary: await loadDictionary(values.dict) });
  } finally {
    await closeOcr();
  }
}
