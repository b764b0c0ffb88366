import { textDocument } from './documents.ts';
import { segmentDocument, type SegmentResult } from '../../pipeline/segment/index.ts';

/** Segments a text as if read from a text file of that name. */
export const segmentText = (name: string, text: string): SegmentResult => segmentDocument(textDocument(text, name));
