import { describe, expect, it } from 'vitest';
import { isSlashAbbreviation, misreadSlashAbbreviations } from '../pipeline/repair/slash-abbreviations.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

const listed = ['V/v', 'b/c', 't/h'];
/** What the rule writes for each line's codes. */
const repairs = (...lines: string[]) => misreadSlashAbbreviations(lines.map(tokenizeLine), listed).map((r) => [r.line, r.text]);

describe('slash abbreviations', () => {
  it('are one or two letters each side of a slash, in lower case after it, without Vietnamese marks', () => {
    for (const a of ['b/c', 'V/v', 'Đ/c', 't/h']) expect(isSlashAbbreviation(a)).toBe(true);
    for (const a of ['ha/năm', 'tử/số', 'km/h2', 'B/C', '24/7', 'abc/d']) expect(isSlashAbbreviation(a)).toBe(false);
  });

  it('take the listed one with the same head and a single letter misread after the slash', () => {
    expect(repairs('- UBND tỉnh (để b/o);', 'V/y triển khai')).toEqual([[0, 'b/c'], [1, 'V/v']]);
    // As listed, two letters away, or another head: another abbreviation (Đ/c, đồng chí), kept.
    expect(repairs('(để b/c)', '(để x/y)', '- Đ/c Giám đốc;', '- Các đ/c Phó Giám đốc;', '(để p/h)')).toEqual([]);
  });

  it('are kept where two listed ones are as near', () => {
    expect(misreadSlashAbbreviations([tokenizeLine('(để t/e)')], ['t/c', 't/h'])).toEqual([]);
    // A code of another shape is not read as one.
    expect(repairs('Quyết định số 350/QĐ-TTg', 'ngày 24/7')).toEqual([]);
  });
});
