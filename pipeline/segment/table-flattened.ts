import type { SourceLine } from './lines.ts';
import type { AppendixTable } from './types.ts';

export function readFlattenedTable(_region: readonly SourceLine[], _inherited: string[] | undefined): AppendixTable | undefined {
  return undefined;
}
