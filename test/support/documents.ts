import type { Document } from '../../pipeline/model/document.ts';
import { documentFromText } from '../../pipeline/model/text.ts';

/** A document as if read from a plain-text file of that name. */
export const textDocument = (text: string, name = 't.txt'): Document => documentFromText({ name, mediaType: 'text/plain', sha256: '' }, text);
