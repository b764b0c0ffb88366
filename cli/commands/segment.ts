import { processArgument } from '../io.ts';

/** `sohoa segment FILE`: the document structure of any input as `{"documents": [...]}`. */
export async function run(argv: string[]): Promise<number> {
  const result = await processArgument(argv, 'sohoa segment [--dict DIR] FILE|-');
  process.stdout.write(JSON.stringify({ documents: result.documents }, null, 2) + '\n');
  return 0;
}
