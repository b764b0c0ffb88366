import type { SpanAt } from './specks.ts';

/**
 * What a rule of orthography or document form writes for spans `span` to `last` of a line
 * (a numeral OCR split at a bar is one run of spans): one token of `kind`.
 */
export interface RuleRepair extends SpanAt {
  last: number;
  kind: 'word' | 'number' | 'code' | 'punct';
  text: string;
}
