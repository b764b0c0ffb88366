import { loadDictionary } from '../../dictionaries/load.ts';
import { processFile } from '../../pipeline/process.ts';
import { parseCommandArgs } from '../args.ts';
import { readSource } from '../io.ts';

const USAGE = 'sohoa segment [--dict DIR] FILE|-';

/** `sohoa segment FILE`: the document structure of any input as `{"documents": [...]}`. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { dict: { type: 'string' } }, USAGE);
  const file = await readSource(positionals[0], USAGE);
  const result = await processFile(file, { dictionary: await loadDictionary(values.dict) });
  process.stdout.write(JSON.stringify({ documents: result.documents }, null, 2) + '\n');
  return 0;
}
