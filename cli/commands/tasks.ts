import { processArgument } from '../io.ts';

/** `sohoa tasks FILE`: one JSON task record per line for every appendix row of any input. */
export async function run(argv: string[]): Promise<number> {
  const { tasks } = await processArgument(argv, 'sohoa tasks [--dict DIR] FILE|-');
  process.stdout.write(tasks.map((t) => JSON.stringify(t)).join('\n') + (tasks.length > 0 ? '\n' : ''));
  return 0;
}
