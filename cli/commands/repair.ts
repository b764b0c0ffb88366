import { loadDictionary } from '../../dictionaries/load.ts';
import { closeOcr, ingest } from '../../pipeline/ingest/index.ts';
import { SohoaError } from '../../pipeline/model/errors.ts';
import { documentToText } from '../../pipeline/model/text.ts';
import { repairDocument } from '../../pipeline/repair/index.ts';
import { parseCommandArgs } from '../args.ts';
import { readSource } from '../io.ts';

const USAGE = 'sohoa repair [--dict DIR] [--format text|json] FILE|-';

/**
 * `sohoa repair`: the repaired text, or with `--format json` the text and the change log
 * (original, repaired, page, line, column, confidence, reason) for audit.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { dict: { type: 'string' }, format: { type: 'string', default: 'text' } },
    USAGE,
  );
  if (values.format !== 'text' && values.format !== 'json') throw new SohoaError('E_USAGE', `--format must be text or json\nusage: ${USAGE}`);
  const file = await readSource(positionals, USAGE);
  // The OCR pool is closed once read, so the command exits as soon as it is done. A text file is
  // written back in its own layout, positions in the change log being the file's.
  const [dictionary, document] = await Promise.all([loadDictionary(values.dict), ingest(file, { keepTextLayout: true }).finally(closeOcr)]);
  const { document: repaired, changes } = repairDocument(document, dictionary);
  const text = documentToText(repaired);
  process.stdout.write(values.format === 'json' ? `${JSON.stringify({ text, changes }, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
