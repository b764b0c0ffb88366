import { documentFromText } from '../../pipeline/model/text.ts';
import { segmentDocument, type SegmentResult } from '../../pipeline/segment/index.ts';

/** Segments a text as if read from a text file of that name. */
export const segmentText = (name: string, text: string): SegmentResult => segmentDocument(documentFromText({ name, mediaType: 'text/plain', sha256: '' }, text));
