import { describe, expect, it } from 'vitest';
import { capitalRuns } from '../pipeline/repair/line-kinds.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

/** The words of a line that {@link capitalRuns} marks. */
const marked = (line: string): string[] => {
  const spans = tokenizeLine(line);
  const runs = capitalRuns(spans);
  return spans.filter((_, i) => runs[i]).map((s) => s.text);
};

describe('runs of capitals on a line of running text', () => {
  it('are a heading’s words when at least two, and half, spell syllables marks aside (THAP: tháp)', () => {
    expect(marked('TINH PONG THAP Poc lap - Ty do - Hanh phic')).toEqual(['TINH', 'PONG', 'THAP']);
    expect(marked('Số: 12/UBND-VP, BỘ NỘI VỤ gửi')).toEqual(['BỘ', 'NỘI', 'VỤ']);
  });

  it('are acronyms when they spell no syllables, or one alone', () => {
    expect(marked('Giao UBND TP HCM thực hiện')).toEqual([]);
    expect(marked('Lưu: VT, NC.')).toEqual([]);
    expect(marked('hệ thống SOC và CSIRT quốc gia')).toEqual([]);
    expect(marked('Nơi nhận: UBND TINH')).toEqual([]);
  });
});
