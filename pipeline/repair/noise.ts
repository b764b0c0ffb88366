import { hasVietnameseMarks, isLoanSyllable, isValidSyllable } from './orthography.ts';
import { isMeasureOrFormula } from './measures.ts';
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

/** How repair tells the words of a line apart: those it knows, and those no Vietnamese word is a likely misreading of. */
export interface WordKinds {
  isKnown(lower: string): boolean;
  /** True for a word of letters no Vietnamese word is a likely misreading of (Zalo, Viettel, livestream). */
  isForeign(lower: string): boolean;
}

/** Counts the evidence of damage in one tokenized line. */
export function countNoise(spans: Span[], kinds: WordKinds): NoiseCounts {
  const c: NoiseCounts = { words: 0, damaged: 0, marked: 0 };
  for (const s of spans) {
    if (s.kind !== 'word' && !(s.kind === 'number' && s.text.length <= 2)) continue;
    if (s.text.length === 1) continue; // initials and single letters say nothing either way
    if (s.kind === 'word' && TWO_CAPITALS.test(s.text) && !LOWER.test(s.text)) continue; // capitals: titles, acronyms
    if (s.kind === 'word' && isMeasureOrFormula(s.text)) continue; // m2, CO2: written so on purpose
    const lower = s.text.toLowerCase();
    const marked = hasVietnameseMarks(lower);
    const letters = s.kind === 'word' && LETTERS.test(lower);
    const unknown = letters && !(isValidSyllable(lower) || isLoanSyllable(lower) || kinds.isKnown(lower));
    // A name or a term of another language says nothing either way; damage leaves a Vietnamese
    // word within a likely misreading, or marks on what is no syllable.
    if (unknown && !marked && kinds.isForeign(lower)) continue;
    c.words++;
    if (marked) c.marked++;
    if (s.kind === 'number') continue;
    if (!letters || unknown) c.damaged++;
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

/** Words a block's evidence should cover before it is weighed against its document's. */
const EVIDENCE_WORDS = 24;

/**
 * Each block's counts, pooled with its nearest neighbours on the page (the next, then the one
 * before, and so on) until they cover {@link EVIDENCE_WORDS} words: a block of a few words, such
 * as one item of a copy list, says too little alone.
 */
export function pooledWithNeighbours(blocks: readonly NoiseCounts[]): NoiseCounts[] {
  return blocks.map((own, i) => {
    let pooled = own;
    for (let d = 1; pooled.words < EVIDENCE_WORDS && (i + d < blocks.length || i - d >= 0); d++) {
      for (const j of [i + d, i - d]) {
        const next = blocks[j];
        if (next && pooled.words < EVIDENCE_WORDS) pooled = sumNoise([pooled, next]);
      }
    }
    return pooled;
  });
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
