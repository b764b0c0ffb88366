import { processArgument } from '../io.ts';

/** `sohoa text FILE`: the repaired plain text of any input (PDF, page image, text), pages separated by form feeds. */
export async function run(argv: string[]): Promise<number> {
  const { text } = await processArgument(argv, 'sohoa text [--dict DIR] FILE|-');
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
