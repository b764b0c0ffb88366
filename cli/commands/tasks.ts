import { loadDictionary } from '../../dictionaries/load.ts';
import { processFile } from '../../pipeline/process.ts';
import { parseCommandArgs } from '../args.ts';
import { readSource } from '../io.ts';

const USAGE = 'sohoa tasks [--dict DIR] FILE|-';

/** `sohoa tasks FILE`: one JSON task record per line for every appendix row of any input. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { dict: { type: 'string' } }, USAGE);
  const file = await readSource(positionals[0], USAGE);
  const result = await processFile(file, { dictionary: await loadDictionary(values.dict) });
  process.stdout.write(result.tasks.map((t) => JSON.stringify(t)).join('\n') + (result.tasks.length > 0 ? '\n' : ''));
  return 0;
}
