import { describe, expect, it } from 'vitest';
import { documentToText } from '../pipeline/model/text.ts';
import { textDocument as doc } from './support/documents.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import { isNameLine } from '../pipeline/repair/line-kinds.ts';
import { PersonNameModel, countPersonNames } from '../pipeline/repair/person-names.ts';
import { tokenizeLine } from '../pipeline/repair/tokenize.ts';
import { dictionaryWithout } from './support/dictionaries.ts';

const dict = () => dictionaryWithout('qd-350-ttg.txt');

describe('lines that are a person’s name', () => {
  it('are three or four capitalised words and nothing else but a speck', () => {
    for (const line of ['Trương Hải Long', 'Phạm Thị Thanh Trà', 'Lé Van Hung |', 'Pang Quéc Bao']) expect(isNameLine(tokenizeLine(line)), line).toBe(true);
    const notNames = ['Chương I', 'Hải Phòng', 'Bộ Nội vụ', 'Hà Nội, ngày 05 tháng 3', 'Nguyễn', 'Tôn Nữ Thị Minh Châu Anh', 'PHÓ CHỦ TỊCH', 'Điều 5'];
    for (const line of notNames) expect(isNameLine(tokenizeLine(line)), line).toBe(false);
  });
});

describe('the person-name model', () => {
  const model = new PersonNameModel(countPersonNames(['Trương Hải Long', 'Đặng Quốc Bảo', 'Phạm Thị Thanh Trà', 'Trần Trung Kiên']));

  it('reads the first syllable as a surname and the others as given names', () => {
    expect(model.cost('trương', 0)).toBeLessThan(model.cost('trung', 0));
    expect(model.cost('trung', 1)).toBeLessThan(model.cost('trương', 1));
  });

  it('leaves a syllable outside the lists a finite cost, so a plainly printed rare name can still be read', () => {
    expect(Number.isFinite(model.cost('khổng', 0))).toBe(true);
    expect(model.cost('khổng', 0)).toBeGreaterThan(model.cost('đặng', 0));
  });
});

describe('a signer’s name under the title, in OCR-damaged text', () => {
  it('is read by how names go, not as the title’s next words', () => {
    const r = repairDocument(doc('TM. UY BAN NHAN DAN\nCHU TICH\nPang Quéc Bao\n\nCHU TICH\nHoang Van Thinh'), dict());
    const out = documentToText(r.document).split('\n');
    expect(out[2]).toBe('Đặng Quốc Bảo');
    expect(out[5]).toBe('Hoàng Văn Thịnh');
  });

  it('is no person’s when no reading of its first word is a surname: the language model reads it', () => {
    const out = documentToText(repairDocument(doc('So Tai Chinh\n\nVan Phong Chinh Phu'), dict()).document);
    expect(out).toBe('Sở Tài Chính\n\nVăn Phòng Chính Phủ');
  });

  it('is left as printed in clean text', () => {
    const printed = 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nĐặng Quốc Bảo';
    expect(repairDocument(doc(printed), dict()).changes).toEqual([]);
  });
});
