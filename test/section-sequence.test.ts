import { describe, expect, it } from 'vitest';
import { fromRoman } from '../pipeline/model/roman.ts';
import { buildRows } from '../pipeline/segment/rows.ts';
import { withSectionSequence } from '../pipeline/segment/section-sequence.ts';
import type { AppendixRow, AppendixTable } from '../pipeline/segment/types.ts';

const section = (code: string): AppendixRow => ({ kind: 'section', cells: [code, 'title'], lines: { start: 1, end: 1 }, merged: 1 } as AppendixRow);
const item = (stt: string): AppendixRow => ({ kind: 'item', cells: [stt, 'task'], lines: { start: 1, end: 1 }, merged: 1 } as AppendixRow);
const table = (rows: AppendixRow[]): AppendixTable => ({ header: ['STT', 'Nhiệm vụ'], columns: ['stt', 'task'], layout: 'tabs', rows } as AppendixTable);
const codes = (t: AppendixTable) => t.rows.filter((r) => r.kind === 'section').map((r) => r.cells[0]);

describe('withSectionSequence', () => {
  it('reads Roman numerals', () => {
    expect(fromRoman('VIII')).toBe(8);
    expect(fromRoman('IX')).toBe(9);
    expect(fromRoman('IIII')).toBeUndefined();
    expect(fromRoman('VIH')).toBeUndefined();
  });

  it('restores numerals OCR broke: a repeat, a non-numeral, a step back', () => {
    const t = table([section('I'), item('1'), section('II'), item('1'), section('II'), item('1'), section('IV'), section('V'), section('VI'), section('VI'), section('VIH'), section('IX')]);
    expect(codes(withSectionSequence(t))).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX']);
    // A numeral printed with its period keeps it.
    expect(codes(withSectionSequence(table([section('I.'), section('II.'), section('II.')])))).toEqual(['I.', 'II.', 'III.']);
  });

  it('leaves a jump ahead and tables not numbered in Roman numerals alone', () => {
    const jump = table([section('I'), section('III')]);
    expect(codes(withSectionSequence(jump))).toEqual(['I', 'III']);
    const lettered = table([section('A'), section('B')]);
    expect(withSectionSequence(lettered)).toBe(lettered);
    // C is a letter here, and D after it no misread CI.
    const fourLettered = table([section('A'), item('1'), section('B'), item('1'), section('C'), item('1'), section('D'), item('1')]);
    expect(withSectionSequence(fourLettered)).toBe(fourLettered);
    const arabic = table([section('1'), item('1.1'), item('1.2'), section('2'), item('2.1')]);
    expect(withSectionSequence(arabic)).toBe(arabic);
    // A 1 over rows numbered 1., 2. is still I misread.
    expect(codes(withSectionSequence(table([section('1'), item('1.'), item('2.'), section('II')])))).toEqual(['I', 'II']);
  });
});

describe('section headings whose numeral the scan lost', () => {
  const raw = (...cells: string[]) => ({ cells, lines: { start: 1, end: 1, pageStart: 1, pageEnd: 1 } });
  const columns = ['stt', 'task', 'lead', 'deadline'] as const;

  it('finds the lost heading in a table whose sections are numbered 1, 2 over tasks 1.1, 2.1', () => {
    const rows = buildRows([raw('1', 'TIÊM CHỦNG', '', ''), raw('1.1', 'Rà soát', 'Trung tâm Y tế', '2026'), raw('', 'TRUYỀN THÔNG VÀ GIÁM SÁT', '', ''), raw('2.1', 'Giám sát', 'Sở Y tế', '2027')], [...columns]);
    expect(rows.map((r) => [r.kind, r.cells[0], r.cells[1]])).toEqual([
      ['section', '1', 'TIÊM CHỦNG'],
      ['item', '1.1', 'Rà soát'],
      ['section', '', 'TRUYỀN THÔNG VÀ GIÁM SÁT'],
      ['item', '2.1', 'Giám sát'],
    ]);
    expect(codes(withSectionSequence(table(rows)))).toEqual(['1', '2']);
  });

  it('leaves agencies in capitals, and rows of capitals in a table without headings, to the task above', () => {
    const rows = buildRows([raw('I', 'CHUNG', '', ''), raw('1', 'Kết nối mạng', 'Sở Khoa học', '2027'), raw('', '', 'VIETTEL, MOBIFONE', '')], [...columns]);
    expect(rows.map((r) => [r.kind, r.cells[2]])).toEqual([
      ['section', ''],
      ['item', 'Sở Khoa học VIETTEL, MOBIFONE'],
    ]);
    const plain = buildRows([raw('1', 'Triển khai', 'Sở Nội vụ', '2027'), raw('', 'KẾ HOẠCH SỐ 12/KH-UBND', '', '')], [...columns]);
    expect(plain.map((r) => [r.kind, r.cells[1]])).toEqual([['item', 'Triển khai KẾ HOẠCH SỐ 12/KH-UBND']]);
  });

  it('reads a title in capitals alone on its row under a garbled label (IH) as a heading in a table with headings; a task row stays a task', () => {
    const rows = buildRows([raw('I', 'CHUNG', '', ''), raw('a', 'Kết nối mạng', 'Sở Khoa học', '2027'), raw('IH', 'HỖ TRỢ DOANH NGHIỆP', '', ''), raw('a', 'Tập huấn', 'Sở Công Thương', '2026'), raw('Ib', 'Giám sát', 'Sở Công Thương', '2026')], [...columns]);
    expect(rows.map((r) => [r.kind, r.cells[0]])).toEqual([
      ['section', 'I'],
      ['item', 'a'],
      ['section', 'IH'],
      ['item', 'a'],
      ['item', 'Ib'],
    ]);
  });

  it('reads a label with a speck beside its period (A.., 2.,) as the label', () => {
    const rows = buildRows([raw('A..', 'THỂ CHẾ', '', ''), raw('1', 'Rà soát', 'Bộ Tư pháp', '2026'), raw('2.,', 'Ban hành', 'Bộ Tư pháp', '2027')], [...columns]);
    expect(rows.map((r) => [r.kind, r.cells[0]])).toEqual([
      ['section', 'A.'],
      ['item', '1'],
      ['item', '2.'],
    ]);
  });

  it('reads a row of capitals with an empty STT after a task as a heading, and a row in lower case as the task going on', () => {
    const rows = buildRows(
      [raw('B', 'ĐẦU TƯ XÂY DỰNG', '', ''), raw('4', 'Nạo vét luồng', 'Bộ Xây dựng', '2028'), raw('', 'sông Tiền', '', ''), raw('', 'NGUỒN LỰC VÀ GIÁM SÁT', '', ''), raw('1', 'Bố trí vốn', 'Bộ Tài chính', 'Hằng năm')],
      [...columns],
    );
    expect(rows.map((r) => [r.kind, r.cells[0], r.cells[1]])).toEqual([
      ['section', 'B', 'ĐẦU TƯ XÂY DỰNG'],
      ['item', '4', 'Nạo vét luồng sông Tiền'],
      ['section', '', 'NGUỒN LỰC VÀ GIÁM SÁT'],
      ['item', '1', 'Bố trí vốn'],
    ]);
  });

  it('numbers a heading that lost its numeral after the heading before it, in that heading\'s sequence', () => {
    expect(codes(withSectionSequence(table([section('B'), item('1'), section(''), item('1')])))).toEqual(['B', 'C']);
    expect(codes(withSectionSequence(table([section('A'), item('1'), section('B'), item('1'), section('C'), item('1'), section(''), item('1')])))).toEqual(['A', 'B', 'C', 'D']);
    // Written as its siblings are, with their period.
    expect(codes(withSectionSequence(table([section('I.'), item('1'), section('II.'), item('2'), section(''), item('3')])))).toEqual(['I.', 'II.', 'III.']);
    // A misread numeral before it is put back first: H is II's misreading, so the lost one is III.
    expect(codes(withSectionSequence(table([section('I'), item('1'), section('H'), item('2'), section(''), item('3')])))).toEqual(['I', 'II', 'III']);
    // After D, Đ or E: nothing says which.
    expect(codes(withSectionSequence(table([section('A'), item('1'), section('B'), item('1'), section('C'), item('1'), section('D'), item('1'), section(''), item('1')])))).toEqual(['A', 'B', 'C', 'D', '']);
    expect(codes(withSectionSequence(table([section('A'), item('1'), section('B'), item('1'), section('Đ'), item('1'), section(''), item('1')])))).toEqual(['A', 'B', 'Đ', 'E']);
    expect(codes(withSectionSequence(table([section('1'), item('1.1'), section(''), item('2.1')])))).toEqual(['1', '2']);
    // With no heading before it, nothing says which numeral it had.
    expect(codes(withSectionSequence(table([section(''), item('1'), section('II')])))).toEqual(['', 'II']);
  });
});
