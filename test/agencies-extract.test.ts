import { describe, expect, it } from 'vitest';
import { extractAgencies } from '../dictionaries/builder/agencies.ts';

/** The same sentence twice: a name must be seen twice to be listed. */
const twice = (sentence: string): string[] => [sentence, sentence];

describe('agency names found in clean text', () => {
  it('keeps a name’s own words that are also verbs, written with its capital (Sở Xây dựng, Ban Quản lý, Ban Chấp hành)', () => {
    expect(extractAgencies(twice('Sở Xây dựng chủ trì, Ban Quản lý dự án phối hợp; Ban Chấp hành Trung ương.'))).toEqual(['Ban Chấp hành', 'Ban Quản lý dự án', 'Sở Xây dựng']);
  });

  it('ends a name at a verb written in lower case after it, and at a function word', () => {
    expect(extractAgencies(twice('Sở Tài chính thẩm định dự toán; Sở Giáo dục và Đào tạo chỉ đạo các trường; Sở Nội vụ xây dựng kế hoạch của tỉnh.'))).toEqual([
      'Sở Giáo dục và Đào tạo',
      'Sở Nội vụ',
      'Sở Tài chính',
    ]);
  });

  it('reads a word of two capitalised syllables and a comma before a last pair joined by và as the name’s (Sở Công Thương; Bộ Văn hóa, Thể thao và Du lịch)', () => {
    expect(extractAgencies(twice('Sở Công Thương chủ trì; Bộ Văn hóa, Thể thao và Du lịch phối hợp.'))).toEqual(['Bộ Văn hóa, Thể thao và Du lịch', 'Sở Công Thương']);
  });

  it('parts agencies listed one after another, by comma or và, and ends a name at a capital after a lower-case syllable', () => {
    expect(extractAgencies(twice('Sở Tài chính, Sở Nội vụ và UBND các huyện; Sở Công Thương Sở Y tế; Sở Xây dựng Hà Nội.'))).toEqual(['Sở Công Thương', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Y tế']);
  });
});
