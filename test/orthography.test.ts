import { describe, expect, it } from 'vitest';
import { applyTone, canonicalSyllable, isLoanSyllable, isValidSyllable, splitTone, stripDiacritics, syllableInventory, withAdministrativeY } from '../pipeline/repair/orthography.ts';

describe('Vietnamese orthography', () => {
  it('accepts every syllable of clean administrative text', () => {
    for (const w of ['quyết', 'định', 'người', 'nghiệp', 'khuya', 'giữa', 'gì', 'quốc', 'thủy', 'hoà', 'hòa', 'yêu', 'chuyển', 'đổi', 'ương', 'quỳnh', 'quýt', 'quých']) {
      expect(isValidSyllable(w), w).toBe(true);
    }
  });

  it('rejects spellings Vietnamese does not allow', () => {
    // Stop finals take only sắc or nặng; k/gh/ngh only before front vowels; c/ng never before them.
    for (const w of ['quyet', 'thuc', 'viêt', 'kan', 'ghá', 'nghan', 'cê', 'ngi', 'tmg', 'dugc', 's6', 'bynh', 'tyt', 'quuynh']) {
      expect(isValidSyllable(w), w).toBe(false);
    }
  });

  it('tells the p-syllables of loanwords and minority names (pin, Pá, Pắc) from syllables and from no spelling at all', () => {
    for (const w of ['pin', 'pá', 'pắc', 'pù', 'pa']) expect([w, isLoanSyllable(w), isValidSyllable(w)]).toEqual([w, true, false]);
    for (const w of ['phủ', 'piéu', 'pkg', 'bá', 'pqa']) expect([w, isLoanSyllable(w)]).toEqual([w, false]);
  });

  it('places tones by the traditional rule and treats new-style placement as the same syllable', () => {
    expect(applyTone('hoa', 1)).toBe('hòa');
    expect(applyTone('thuy', 3)).toBe('thủy');
    expect(applyTone('quôc', 2)).toBe('quốc');
    expect(applyTone('nguoi', 1)).not.toBe('nguoi');
    expect(canonicalSyllable('hoà')).toBe('hòa');
    expect(canonicalSyllable('người')).toBe('người');
    expect(splitTone('định')).toEqual({ base: 'đinh', tone: 5 });
  });

  it('writes the syllables spelled either way with y, as administrative text does, and no other i', () => {
    expect(withAdministrativeY('Kì họp bàn quản lí, kĩ thuật, tỉ lệ, công ti và hi vọng; Lí do: mĩ thuật, xử lí vi phạm.')).toBe(
      'Kỳ họp bàn quản lý, kỹ thuật, tỷ lệ, công ty và hy vọng; Lý do: mỹ thuật, xử lý vi phạm.',
    );
    // A lone i after another consonant, after a consonant pair, or with letters after it stays.
    // Nor do syllables only ever written with i, and a loanword's hyphen-joined syllables.
    const untouched = 'khi thi chỉ thị ghi nghị bị vì kìm lính tiết kiệm; lông mi, mí mắt, hí hửng, tí hon, ti vi, ki-lô-gam, mi-li-mét';
    expect(withAdministrativeY(untouched)).toBe(untouched);
  });

  it('strips every mark, including đ', () => {
    expect(stripDiacritics('Điều 1. Phê duyệt Đề án')).toBe('Dieu 1. Phe duyet De an');
  });

  it('strips a character at a time exactly as decomposing the whole text would', () => {
    const byNormalizing = (t: string): string => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
    for (let c = 0; c < 0x2100; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `${ch}\u0301`, `Đ${ch}ệ`, `${ch}${ch.normalize('NFD')}`]) expect(stripDiacritics(text)).toBe(byNormalizing(text));
    }
  });

  it('builds an inventory of canonical, unique syllables', () => {
    const inv = syllableInventory();
    expect(inv.length).toBeGreaterThan(10000);
    expect(new Set(inv).size).toBe(inv.length);
    for (const s of inv.slice(0, 2000)) expect(canonicalSyllable(s)).toBe(s);
  });
});
