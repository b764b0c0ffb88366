/**
 * Pseudo-count of the base rate against a form's own occurrences: a form must have been caught
 * misread a few times before its rate departs much from the base.
 */
const PRIOR_WEIGHT = 4;

/** Occurrences of one printed form on a document's OCR pages, and how many were misread. */
interface FormCounts {
  seen: number;
  misread: number;
}

/**
 * What a document's own OCR pages say about how often each printed word form is a misreading.
 * An OCR engine's real-word errors are not spread evenly over words: its model has favourite
 * misreadings that it repeats across a document set in one font (a plain word printed, nearly
 * every time, as its more frequent variant with a mark). Where the context decided that an
 * occurrence was misread, the later occurrences of the same printed form are more likely
 * misread too. One instance per document: the evidence is about this document's scan and OCR.
 */
export class MisreadEvidence {
  private readonly forms = new Map<string, FormCounts>();

  /**
   * Probability that an occurrence of the printed form is a misreading: the base rate, raised
   * toward the share of the form's earlier occurrences that were misread (a Beta posterior
   * with the base rate as prior). Occurrences read right do not lower it below the base: where
   * context agrees with a form, it says nothing of the places where context cannot tell.
   * @param form the lower-case printed form
   * @param base the rate the passage's noise gives every valid word
   */
  rate(form: string, base: number): number {
    const c = this.forms.get(form);
    if (!c) return base;
    return Math.max(base, (c.misread + PRIOR_WEIGHT * base) / (c.seen + PRIOR_WEIGHT));
  }

  /** Records one checked occurrence of a printed form, and whether its context found it misread. */
  record(form: string, misread: boolean): void {
    const c = this.forms.get(form);
    if (c) {
      c.seen++;
      if (misread) c.misread++;
    } else {
      this.forms.set(form, { seen: 1, misread: misread ? 1 : 0 });
    }
  }
}
