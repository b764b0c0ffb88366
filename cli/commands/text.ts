import { loadDictionary } from '../../dictionaries/load.ts';
import { closeOcr } from '../../pipeline/ingest/index.ts';
import { processFile } from '../../pipeline/process.ts';
import { parseCommandArgs } from '../args.ts';
import { readSource } from '../io.ts';

const USAGE = 'sohoa text [--dict DIR] FILE|-';

/** `sohoa text FILE`: the repaired plain text of any input (PDF, page image, text), pages separated by form feeds. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { dict: { type: 'string' } }, USAGE);
  const file = await readSource(positionals[0], USAGE);
  try {
    const result = await processFile(file, { dictionary: await loadDictionary(values.dict) });
    process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
  } finally {
    await closeOcr();
  }
  return 0;
}
