import type { SegmentResult } from '../segment/index.ts';

/** One task row of an appendix as a record. */
export type TaskRecord = Record<string, unknown>;

/** Task records for every task row of every appendix, in document order. */
export function extractTasks(_segmented: SegmentResult): TaskRecord[] {
  return [];
}
