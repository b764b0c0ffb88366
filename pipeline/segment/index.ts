import type { Document } from '../model/document.ts';

/** Result of segmentation: one entry per administrative document found in the source. */
export interface SegmentResult {
  documents: unknown[];
}

/**
 * Splits a document into its administrative documents and their structure.
 * Never throws on unstructured input: it yields plain paragraphs.
 */
export function segmentDocument(_doc: Document): SegmentResult {
  return { documents: [] };
}
