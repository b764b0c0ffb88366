import { describe, expect, it } from 'vitest';
import type { Slot } from '../pipeline/repair/decode.ts';
import { MisreadEvidence } from '../pipeline/repair/misread-evidence.ts';
import { withMarkAlternatives } from '../pipeline/repair/real-words.ts';
import { dictionaryWithout } from './support/dictionaries.ts';

const dict = () => dictionaryWithout('qd-350-ttg.txt');
/** The error rate repair estimates for a clean-looking passage. */
const CLEAN_RATE = 0.002;

/** The alternatives the real-word check offers in a sentence of printed words, as `printed→alternative`. */
function alternatives(text: string, evidence?: MisreadEvidence): string[] {
  const { lm } = dict();
  const words = text.split(' ');
  const slots: Slot[] = words.map((w) => ({ options: [{ id: lm.id(w.toLowerCase()), word: w.toLowerCase(), cost: 0 }] }));
  return withMarkAlternatives(slots, words, CLEAN_RATE, dict(), false, evidence).flatMap((s, i) => s.options.slice(1).map((o) => `${words[i]}→${o.word}`));
}

describe('misread evidence of a document', () => {
  it('raises a printed form’s rate with each clear misreading, never below the base, form by form', () => {
    const evidence = new MisreadEvidence();
    expect(evidence.rate('chỉ', 0.001)).toBe(0.001);
    for (let k = 0; k < 5; k++) evidence.record('chỉ', false);
    expect(evidence.rate('chỉ', 0.001)).toBe(0.001);
    evidence.record('chỉ', true);
    const once = evidence.rate('chỉ', 0.001);
    evidence.record('chỉ', true);
    expect(once).toBeGreaterThan(0.05);
    expect(evidence.rate('chỉ', 0.001)).toBeGreaterThan(once);
    expect(evidence.rate('chi', 0.001)).toBe(0.001);
  });

  it('lets the context correct an ambiguous occurrence of a form the OCR was caught misreading, and only that form', () => {
    const ambiguous = 'quyết toán chỉ ngân sách';
    expect(alternatives(ambiguous)).toEqual([]);
    const evidence = new MisreadEvidence();
    // Clear misreadings earlier in the document: the context leaves no doubt.
    expect(alternatives('giảm chỉ phí đi lại', evidence)).toEqual(['chỉ→chi']);
    expect(alternatives('phương thức chỉ trả không dùng tiền mặt', evidence)).toContain('chỉ→chi');
    expect(alternatives(ambiguous, evidence)).toEqual(['chỉ→chi']);
    // Where the printed form fits, nothing is offered however often the form was misread.
    expect(alternatives('Bộ trưởng chỉ đạo các đơn vị', evidence)).toEqual([]);
    expect(alternatives('các chỉ tiêu chủ yếu', evidence)).toEqual([]);
  });
});
