import { loadDictionary } from '../../dictionaries/load.ts';
import { processFile, type FileResult } from '../../pipeline/process.ts';
import { parseCommandArgs } from '../args.ts';
import { readSource } from '../io.ts';

/** Reads the FILE argument of a `segment`/`tasks` command and runs the whole pipeline on it. */
export async function processArgument(argv: string[], usage: string): Promise<FileResult> {
  const { values, positionals } = parseCommandArgs(argv, { dict: { type: 'string' } }, usage);
  const file = await readSource(positionals[0], usage);
  return processFile(file, { dictionary: await loadDictionary(values.dict) });
}

/** `sohoa segment FILE`: the document structure of any input as `{"documents": [...]}`. */
export async function run(argv: string[]): Promise<number> {
  const result = await processArgument(argv, 'sohoa segment [--dict DIR] FILE|-');
  process.stdout.write(JSON.stringify({ documents: result.documents }, null, 2) + '\n');
  return 0;
}
