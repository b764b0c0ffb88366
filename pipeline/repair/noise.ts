import { hasVietnameseMarks, isLoanSyllable, isValidSyllable } from './orthography.ts';
import type { Span } from './tokenize.ts';

/** Counts behind a noise estimate. */
export interface NoiseCounts {
  words: number;
  /** Words that are neither valid syllables nor known words, or mix letters with digits/symbols. */
  damaged: number;
  /** Words carrying Vietnamese marks. */
  marked: number;
}

const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTERS = /^\p{L}+$/u;

/** Counts the evidence of damage in one tokenized line. */
export function countNoise(spans: Span[], isKnown: (lower: string) => boolean): NoiseCounts {
  const c: NoiseCounts = { words: 0, damaged: 0, marked: 0 };
  for (const s of spans) {
    if (s.kind !== 'word' && !(s.kind === 'number' && s.text.length <= 2)) continue;
    if (s.text.length === 1) continue; // initials and single letters say nothing either way
    if (s.kind === 'word' && TWO_CAPITALS.test(s.text) && !LOWER.test(s.text)) continue; // capitals: titles, acronyms
    c.words++;
    const lower = s.text.toLowerCase();
    if (hasVietnameseMarks(lower)) c.marked++;
    if (s.kind === 'number') continue;
    if (!LETTERS.test(lower) || !(isValidSyllable(lower) || isLoanSyllable(lower) || isKnown(lower))) c.damaged++;
  }
  return c;
}

/** The counts of several lines together. */
export function sumNoise(counts: Iterable<NoiseCounts>): NoiseCounts {
  const sum: NoiseCounts = { words: 0, damaged: 0, marked: 0 };
  for (const c of counts) {
    sum.words += c.words;
    sum.damaged += c.damaged;
    sum.marked += c.marked;
  }
  return sum;
}

/** Pseudo-count with which a block's own evidence is pulled toward its document's. */
const PRIOR_WEIGHT = 12;

/** Fractions of damaged and marked words, smoothed toward a prior. */
function fractions(c: NoiseCounts, prior: { damaged: number; marked: number }, weight: number) {
  const n = c.words + weight;
  return { damaged: (c.damaged + prior.damaged * weight) / n, marked: (c.marked + prior.marked * weight) / n };
}

/**
 * Probability that a printed word is not what was written, from damaged and unmarked words.
 * Clean Vietnamese marks about 80% of its syllables and damages almost none; text read
 * without marks, or by an OCR that garbles them, shows either far fewer marks or many
 * invalid spellings. The block's evidence is smoothed toward the document's.
 */
export function errorRate(block: NoiseCounts, doc: NoiseCounts): number {
  const docF = fractions(doc, { damaged: 0.01, marked: 0.8 }, 4);
  const f = fractions(block, docF, PRIOR_WEIGHT);
  return Math.min(0.9, Math.max(0.002, 1.6 * f.damaged + 1.3 * Math.max(0, 0.6 - f.marked)));
}
