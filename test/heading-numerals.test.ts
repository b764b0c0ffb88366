import { describe, expect, it } from 'vitest';
import { misreadHeadingNumerals } from '../pipeline/repair/heading-numerals.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';

/** The numerals the rule writes, by line. */
const restored = (...lines: string[]) => misreadHeadingNumerals(lines.map(tokenizeLine)).map((r) => [r.line, r.text]);

describe('Roman section numerals printed in digits', () => {
  it('are the next numeral of the document’s sequence I, II, III, their 1s read as I', () => {
    expect(restored('I. MUC DICH, YEU CAU', '1. Muc dich', '11. CHI TIEU', '- Tang so nguoi tham gia', '111. NHIEM VU, GIAI PHAP', 'IV. TO CHUC THUC HIEN')).toEqual([
      [2, 'II'],
      [4, 'III'],
    ]);
  });

  it('stay digits where nothing says the sections are Roman, or where they go on from Arabic headings', () => {
    // No Roman heading before: 11. may be a khoản.
    expect(restored('11. CHI TIEU', '111. NHIEM VU')).toEqual([]);
    // After 10. comes 11., in Arabic.
    expect(restored('I. NHIEM VU', '9. PHAT TRIEN', '10. CHUYEN DOI SO', '11. DU LIEU')).toEqual([]);
    // Not the next of the sequence (III after I), or no title in capitals after the period.
    expect(restored('I. MUC DICH', '111. NHIEM VU', 'II. CHI TIEU', '11. Các chỉ tiêu')).toEqual([]);
  });

  it('number chapters in a sequence of their own', () => {
    expect(restored('Chuong I', 'QUY DINH CHUNG', '1. MUC DICH', 'Chuong 11', 'SO HOA TAI LIEU', 'Chương 111')).toEqual([
      [3, 'II'],
      [5, 'III'],
    ]);
    // A numeral OCR printed with a bar or an l for its I (read so where it stands) counts in the sequence.
    expect(restored('Chuong |', 'Chuong 11')).toEqual([[1, 'II']]);
    expect(restored('I. MUC DICH', 'Il. CHI TIEU', '111. NHIEM VU')).toEqual([[2, 'III']]);
    // A chapter named in running text is no heading.
    expect(restored('Chuong I', 'Chương 11, Chương V và một phần')).toEqual([]);
    // Chapters numbered in figures stay so.
    expect(restored('Chương 1', 'Chương 2', 'Chương 11')).toEqual([]);
  });

  it('restore a numeral printed as the one before it, a stroke lost (III as II), by the sequence around it', () => {
    expect(restored('I. MUC DICH', 'II. CHI TIEU', 'II. NHIEM VU', 'IV. TO CHUC THUC HIEN')).toEqual([[2, 'III']]);
    expect(restored('Chuong I', 'Chuong I', 'Chuong III')).toEqual([[1, 'II']]);
    // The last heading too, and before a new sequence (an appendix starting again at I).
    expect(restored('I. MUC DICH', 'II. NHIEM VU', 'II. TO CHUC', 'I. DANH MUC')).toEqual([[2, 'III']]);
    // Not where the next heading is the numeral it would become, nor where the next numeral is no stroke more (IV after III).
    expect(restored('I. MUC DICH', 'II. CHI TIEU', 'II. NHIEM VU', 'III. TO CHUC')).toEqual([]);
    expect(restored('I. MUC DICH', 'II. CHI TIEU', 'III. NHIEM VU', 'III. TO CHUC')).toEqual([]);
    // Sections and chapters keep their own sequences.
    expect(restored('Chuong II', 'II. MUC DICH')).toEqual([]);
  });
});
