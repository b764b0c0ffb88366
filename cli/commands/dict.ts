import { basename } from 'node:path';
import { buildDictionaryData, readBackgroundCorpus, type CorpusDocument } from '../../dictionaries/builder/index.ts';
import { writeDictionary } from '../../dictionaries/write.ts';
import { decodeText } from '../../pipeline/ingest/text-encoding.ts';
import { SohoaError } from '../../pipeline/model/errors.ts';
import { readInputFile } from '../../workers/inputs.ts';
import { parseCommandArgs } from '../args.ts';

const USAGE = 'sohoa dict build --out DIR FILE...';

/** `sohoa dict build --out DIR FILE...`: builds a dictionary from clean UTF-8 (or UTF-16) text files. */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { out: { type: 'string' } }, USAGE);
  const [sub, ...files] = positionals;
  if (sub !== 'build') throw new SohoaError('E_USAGE', `unknown subcommand '${sub ?? ''}'\nusage: ${USAGE}`);
  if (!values.out || files.length === 0) throw new SohoaError('E_USAGE', `--out DIR and at least one FILE are required\nusage: ${USAGE}`);
  const corpus: CorpusDocument[] = [];
  for (const file of files) {
    const bytes = await readInputFile(file);
    const text = decodeText(bytes);
    if (text === undefined) throw new SohoaError('E_NOT_UTF8', 'not UTF-8 or UTF-16 text; the corpus must be clean Unicode text', file);
    corpus.push({ name: basename(file), text });
  }
  const background = readBackgroundCorpus();
  const data = buildDictionaryData(corpus, background);
  const manifest = await writeDictionary(values.out, data, corpus, background.source);
  process.stderr.write(
    `sohoa: dictionary written to ${values.out}: ${manifest.corpus.length} documents, ${manifest.vocabulary} tokens, ` +
      `${data.abbreviations.length} abbreviations, ${data.agencies.length} agencies (background ${background.source})\n`,
  );
  return 0;
}
