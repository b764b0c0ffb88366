import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDictionary } from '../dictionaries/builder/index.ts';
import { readCorpus } from '../dictionaries/corpus.ts';
import { scoreText } from '../eval/score-text.ts';
import type { Document } from '../pipeline/model/document.ts';
import { documentToText } from '../pipeline/model/text.ts';
import { renderBornDigitalPdf } from '../fixtures/generator/index.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import { textDocument as doc } from './support/documents.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import { stripDiacritics } from '../pipeline/repair/orthography.ts';
import { gluedQuarter } from '../pipeline/repair/quarters.ts';
import { dictionaryWithout } from './support/dictionaries.ts';
import { dictionaryWithout as freshDictionaryWithout } from '../dictionaries/leave-one-out.ts';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
/** A text as if our OCR had read its pages. */
const ocrRead = (text: string): Document => {
  const read = doc(text);
  return { ...read, pages: read.pages.map((p) => ({ ...p, path: 'ocr' as const })) };
};
const repairText = (text: string, dict = dictionaryWithout('qd-350-ttg.txt')) => {
  const r = repairDocument(doc(text), dict);
  return { text: documentToText(r.document), changes: r.changes };
};

describe('repair on QĐ 350 (dictionary built without QĐ 350)', () => {
  const gold = fixture('gold/qd350-body.txt');

  it('restores the Tesseract-without-Vietnamese OCR body to ≥ 95% syllable accuracy', () => {
    const ocr = fixture('gold/qd350-body.ocr.txt');
    expect(scoreText(gold, ocr).syllable_acc).toBeLessThan(0.2);
    expect(scoreText(gold, repairText(ocr).text).syllable_acc).toBeGreaterThanOrEqual(0.95);
  });

  it('restores the accent-stripped body to ≥ 99%', () => {
    expect(scoreText(gold, repairText(stripDiacritics(gold)).text).syllable_acc).toBeGreaterThanOrEqual(0.99);
  });

  it('logs every change so the original can be rebuilt from the repaired text', () => {
    const ocr = fixture('gold/qd350-body.ocr.txt');
    const r = repairDocument(doc(ocr), dictionaryWithout('qd-350-ttg.txt'));
    const sourceLines = ocr.split('\n');
    for (const c of r.changes) {
      expect(sourceLines[c.line - 1]!.slice(c.column, c.column + c.original.length)).toBe(c.original);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
    }
    // Undo the changes right to left on each repaired line: the OCR text comes back.
    const repairedLines = documentToText(r.document).split('\n');
    const byLine = new Map<number, typeof r.changes>();
    for (const c of r.changes) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
    for (const [line, changes] of byLine) {
      let text = repairedLines[line - 1]!;
      let shift = 0;
      const positioned = changes.map((c) => {
        const at = c.column + shift;
        shift += c.repaired.length - c.original.length;
        return { ...c, at };
      });
      for (const c of positioned.reverse()) {
        expect(text.slice(c.at, c.at + c.repaired.length)).toBe(c.repaired);
        text = text.slice(0, c.at) + c.original + text.slice(c.at + c.repaired.length);
      }
      expect(text).toBe(sourceLines[line - 1]);
    }
  });
});

describe('repair in a batch', () => {
  it('reads a document the same whether its dictionary read other documents before it or none', () => {
    const ocr = fixture('gold/qd350-body.ocr.txt');
    const alone = repairDocument(doc(ocr), freshDictionaryWithout('qd-350-ttg.txt'));
    const batched = freshDictionaryWithout('qd-350-ttg.txt');
    // Other documents first, clean, damaged, read by our OCR: their readings and LM parts are remembered, at other error rates.
    repairDocument(doc(fixture('ocr-eng/hai-phong-kh.gold.txt')), batched);
    repairDocument(doc(fixture('ocr-eng/hai-phong-kh.ocr.txt')), batched);
    repairDocument(ocrRead(fixture('ocr-vie/hai-phong-kh.ocr.txt')), batched);
    const after = repairDocument(doc(ocr), batched);
    expect(documentToText(after.document)).toBe(documentToText(alone.document));
    expect(after.changes).toEqual(alone.changes);
    expect(after.changes.length).toBeGreaterThan(1000);
  });
});

describe('repair of clean text', () => {
  for (const { name, text } of readCorpus()) {
    it(`leaves ≥ 99.8% of ${name} unchanged (dictionary built without it)`, () => {
      const tokens = text.match(/[\p{L}\p{N}]+/gu)!.length;
      const { changes } = repairText(text, dictionaryWithout(name));
      expect(1 - changes.length / tokens).toBeGreaterThanOrEqual(0.998);
    });
  }
});

describe('repair of Markdown exports', () => {
  it('reads inline tags as markup, never as words to respell (<br> is not the word bị)', () => {
    const { text, changes } = repairText(fixture('layouts/ke-hoach-markdown.md'));
    expect(changes).toEqual([]);
    expect(text).toBe(fixture('layouts/ke-hoach-markdown.md').replace(/\n$/, ''));
  });
});

describe('repair details', () => {
  const dict = buildDictionary([
    { name: 'mini.txt', text: 'HĐND và UBND tỉnh triển khai ứng dụng VNeID, trí tuệ nhân tạo (AI) và Trung tâm IOC.\nQuyết định số 350/QĐ-TTg về chuyển đổi số.\n' },
  ]);

  it('restores OCR-damaged abbreviations, in words and inside codes', () => {
    const { text } = repairText('Thuc hién VNelD, HDND va I0C theo Quyét dinh 350/QD-TTg.\nDién tir dit liéu sb hoa, tri tué nhan tao (Al).', dict);
    expect(text).toContain('(AI)');
    expect(text).toContain('VNeID');
    expect(text).toContain('HĐND');
    expect(text).toContain('IOC');
    expect(text).toContain('350/QĐ-TTg');
  });

  it('offers the word its context all but names though OCR garbled it past closer readings (Chính pha → Chính phủ)', () => {
    // pha is a syllable, and phá, phà, phả… are cheaper misreadings of it than phủ is: retrieval alone keeps those.
    const { text, changes } = repairText('Can cu Nghi dinh s6 45/2025/ND-CP ngay 12 thang 3 nam 2025 cua Chinh pha quy dinh chi tiét mot sé diéu.');
    expect(text).toContain('của Chính phủ quy định');
    expect(changes.find((c) => c.original === 'pha')).toMatchObject({ repaired: 'phủ', reason: 'ocr-confusion' });
  });

  it('keeps a valid word without marks that OCR read right, though the context likes another more (ven biển, not văn bản)', () => {
    // A word written without marks has only its letters to lose: it comes through OCR almost always.
    const { text } = repairText('Cac tinh, thanh phé ven bién tang cudng kiém tra tau ca.');
    expect(text).toContain('thành phố ven biển tăng cường');
  });

  it('reads a lone & or ¢ between words of damaged text as the short word with marks OCR made of it (ở)', () => {
    const { text, changes } = repairText('Bao dam tdi thidu 95% nguoi dan danh gia & murc d6 hai long; hoa giai ¢ co s¢.');
    expect(text).toContain('đánh giá ở mức độ hài lòng');
    expect(text).toContain('hòa giải ở cơ sở.');
    expect(changes.find((c) => c.original === '&')).toMatchObject({ repaired: 'ở', reason: 'ocr-confusion' });
    // Between two capitalised words it joins names, in damaged text too.
    expect(repairText('Tap doan Procter & Gamble tai tro cho churong trinh.').text).toContain('Tập đoàn Procter & Gamble tài trợ');
    // In clean text a lone & is the author's.
    const clean = 'Sở Khoa học & Công nghệ chủ trì, phối hợp với các sở, ngành liên quan.';
    expect(repairText(clean).text).toBe(clean);
  });

  it('keeps an acronym joined by & (NN&MT, KH&CN) in damaged text', () => {
    const { text } = repairText('Cac so: KH&CN, Tai chinh, NN&MT; Uy ban nhan dan cac tinh, thanh phé.');
    expect(text).toContain('KH&CN, Tài chính, NN&MT;');
  });

  it('restores the Đ OCR lost in an acronym the document defines after the words it shortens, wherever it is used', () => {
    const { text, changes } = repairText('Phat trien thuong mai dién ti (TMDT) trong san xuat.\nNang cap cac san giao dich TMPT cua tinh; ung dung TMDT dat 55%.');
    expect(text).toContain('thương mại điện tử (TMĐT)');
    expect(text.match(/TMĐT/g)).toHaveLength(3);
    expect(changes.find((c) => c.original === 'TMPT')).toMatchObject({ repaired: 'TMĐT', confidence: 0.9 });
    // A definition OCR printed right still tells how later uses are spelled.
    expect(repairText('Phat trien thuong mai dién ti (TMĐT) trong san xuat; ung dung TMDT dat 55%.').text).toContain('ứng dụng TMĐT');
    // The words may wrap onto the acronym's line.
    expect(repairText('Phat trien cac nén tang thuong mai\ndién ti (TMDT) trong san xuat.').text).toContain('(TMĐT)');
    // An acronym whose letters are not the words' initials is left as printed.
    expect(repairText('Phat trien thuong mai dién ti (TMDV) trong san xuat.').text).toContain('(TMDV)');
  });

  it('restores a slash abbreviation OCR misread by one letter to the one the dictionary lists, on pages our OCR read', () => {
    const printed = 'Nơi nhận:\n- Văn phòng Chính phủ (để b/o);\n- UBND tỉnh (để b/c);\n- Lưu: VT.';
    const r = repairDocument(ocrRead(printed), dictionaryWithout('qd-350-ttg.txt'));
    expect(documentToText(r.document)).toContain('- Văn phòng Chính phủ (để b/c);');
    expect(r.changes).toEqual([expect.objectContaining({ original: 'b/o', repaired: 'b/c', confidence: 0.9 })]);
    // In a text file the abbreviation is the author's.
    expect(repairDocument(doc(printed), dictionaryWithout('qd-350-ttg.txt')).changes).toEqual([]);
  });

  it('restores casing: titles in capitals, capitalised words, I read for l', () => {
    const { text } = repairText(' QUYET DINH\nPiéu 1. Phé duyét Dé an, Iinh vuc dir liéu s6.', dictionaryWithout('qd-350-ttg.txt'));
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Điều 1.');
    expect(text).toContain('lĩnh vực');
  });

  it('restores the names of provinces no corpus document mentions, from the gazetteer', () => {
    // None of these provinces is named in the corpus: only the gazetteer teaches the model their names.
    expect(readCorpus().some((d) => /Hà Tĩnh|Gia Lai|Lào Cai|Điện Biên/.test(d.text))).toBe(false);
    const { text } = repairText('Ha Tinh, ngay 12 thang 3 nam 2026\nSo Noi vu tinh Gia Lai, So Tai chinh tinh Lao Cai, UBND tinh Dien Bien.', dictionaryWithout('qd-350-ttg.txt'));
    expect(text).toContain('Hà Tĩnh, ngày 12 tháng 3 năm 2026');
    expect(text).toContain('tỉnh Gia Lai');
    expect(text).toContain('tỉnh Lào Cai');
    expect(text).toContain('tỉnh Điện Biên');
  });

  it('restores the names of people no corpus document mentions, from the list of personal names', () => {
    expect(readCorpus().some((d) => /Trương Thị Mai|Hoàng Văn Nam/.test(d.text))).toBe(false);
    const { text } = repairText('KT. BO TRUONG\nTHU TRUONG\nTruong Thi Mai\n\nDong chi Hoang Van Nam, Pho Chu tich Uy ban nhan dan tinh.', dictionaryWithout('qd-350-ttg.txt'));
    expect(text).toContain('THỨ TRƯỞNG\nTrương Thị Mai');
    expect(text).toContain('Đồng chí Hoàng Văn Nam, Phó Chủ tịch');
  });

  it('writes Đ for the Icelandic Ð a font or OCR put in its place, in clean text too, and logs it', () => {
    const { text, changes } = repairText('Quyết định số 86/QÐ-BNV của Bộ Nội vụ.\nÐiều 1. Phê duyệt Ðề án, ðồng thời giao QÐ.');
    expect(text).toBe('Quyết định số 86/QĐ-BNV của Bộ Nội vụ.\nĐiều 1. Phê duyệt Đề án, đồng thời giao QĐ.');
    expect(changes.map((c) => c.original)).toEqual(['86/QÐ-BNV', 'Ðiều', 'Ðề', 'ðồng', 'QÐ']);
  });

  it('reads a clean document set with Ð throughout as clean: it changes only the Ð', () => {
    const clean = fixture('ocr-vie/hai-phong-kh.gold.txt');
    const { text } = repairText(clean.replace(/Đ/g, 'Ð').replace(/đ/g, 'ð'), dictionaryWithout('hai-phong-kh.txt'));
    expect(text).toBe(repairText(clean, dictionaryWithout('hai-phong-kh.txt')).text);
  });

  it('leaves unknown names, foreign words and acronyms in running text alone', () => {
    const { text } = repairText('Phat trién Chatbot va Blockchain cho CSIRT, dir liéu sb cua Nguyén Van A.', dictionaryWithout('qd-350-ttg.txt'));
    expect(text).toContain('Chatbot');
    expect(text).toContain('Blockchain');
    expect(text).toContain('CSIRT');
  });

  it('leaves brand names and foreign terms in a born-digital table’s short cells, and a unit’s code in a copy list’s item, alone', async () => {
    const body = fixture('gold/qd350-body.txt').split('\n').slice(0, 30).join('\n');
    const table = [
      'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn',
      '1\tTập huấn bán hàng qua livestream cho hộ kinh doanh\tSở Công Thương\tTổng công ty MobiFone\tQuý III/2026',
      '2\tTriển khai ứng dụng Zalo để tiếp nhận phản ánh của người dân\tVăn phòng Ủy ban nhân dân tỉnh\tViettel Hà Tĩnh\tTháng 9/2026',
    ].join('\n');
    const text = `${body}\n\nNơi nhận:\n- Như Điều 3;\n- Các đơn vị: PA05, PC06;\n- Lưu: VT, PA05(T3).\n\nPhụ lục\n\n${table}\n`;
    const read = await ingest({ name: 'born.pdf', bytes: await renderBornDigitalPdf(text) });
    expect(read.pages.every((p) => p.path === 'text-layer')).toBe(true);
    expect(repairDocument(read, dictionaryWithout('qd-350-ttg.txt')).changes).toEqual([]);
  });

  it('leaves the p-syllables of minority names and loanwords alone in clean text, in a short passage too (Pá Hốc, đèn pin)', () => {
    const clean = `${fixture('gold/qd350-body.txt')}\n\nSơ tán dân ở các bản Pá Hốc, Pắc Nậm và Pù Lầu.\n\nThuốc men, áo\nphao, đèn pin, nhà\nbạt tại thôn Pá Hốc.`;
    const { text, changes } = repairText(clean);
    expect(changes).toEqual([]);
    expect(text).toBe(clean);
  });

  it('keeps the minority place names Vietnamese spelling does not admit (Đắk Nông, Kon Tum), on pages its OCR read too, and restores them when damaged', () => {
    const clean = 'Phối hợp với các tỉnh Lâm Đồng, Đắk Nông, Bình Thuận, Đắk Lắk và Kon Tum.';
    expect(repairText(clean).changes).toEqual([]);
    expect(documentToText(repairDocument(ocrRead(clean), dictionaryWithout('qd-350-ttg.txt')).document)).toBe(clean);
    expect(repairText('Phoi hop véi cac tinh Lam Pong, Pak Nong, Binh Thuan, Dak Lak va Kon Tum.').text).toBe(clean);
  });

  it('keeps units with their power and gases’ formulas (m3, km2, CO2), on pages its OCR read and in damaged text; restores Quỳnh', () => {
    const clean = 'Sản lượng đạt 1,8 triệu m3 nước, 250 m2 đất và 30 km2 rừng; lượng khí CO2 giảm.';
    expect(documentToText(repairDocument(ocrRead(clean), dictionaryWithout('qd-350-ttg.txt')).document)).toBe(clean);
    const { text, changes } = repairText('San luong dat 1,8 triéu m3 nuéc, 250 m2 dat va 30 km2 rimg; luong khi CO2 giam tai huyén Quynh Luu.');
    expect(text).toContain('1,8 triệu m3 nước, 250 m2');
    expect(text).toContain('30 km2 rừng');
    expect(text).toContain(' CO2 giảm tại huyện Quỳnh Lưu.');
    expect(changes.map((c) => c.original)).not.toContain('m3');
  });

  it('on pages its OCR read, keeps a loanword’s p-syllable the language model knows in a passage with damage (đèn pin), and still reads P for Đ', () => {
    const cell = 'Dựtrữ lương thực,\nthuốc men, áo\nphao, đèn pin, nhà\nbạt tại các thôn\nthường bị chia cắt';
    const r = repairDocument(ocrRead(`${fixture('ocr-vie/hai-phong-kh.ocr.txt')}\n\n${cell}\n\nPiéu 1. Phê duyệt Kế hoạch.`), dictionaryWithout('hai-phong-kh.txt'));
    const text = documentToText(r.document);
    expect(text).toContain('đèn pin, nhà');
    expect(text).toContain('Điều 1. Phê duyệt');
  });

  it('on pages its OCR read, corrects a valid word whose marks the context contradicts; elsewhere leaves it', () => {
    const printed = 'Người dân được giảm chỉ phí đi lại và tiết kiệm thời gian.';
    const r = repairDocument(ocrRead(printed), dictionaryWithout('qd-350-ttg.txt'));
    expect(documentToText(r.document)).toContain('giảm chi phí đi lại');
    expect(r.changes).toEqual([expect.objectContaining({ original: 'chỉ', repaired: 'chi', reason: 'diacritics' })]);
    // The same words in a text file or a PDF text layer are the author's.
    expect(repairText(printed).changes).toEqual([]);
  });

  it('reads a run of capitals that spell syllables as a heading’s words on a line of running text (a header’s two columns joined); acronyms stay', () => {
    const r = repairText('UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM\nTINH PONG THAP Poc lap - Ty do - Hanh phic\nS6: 87/KH-UBND Pong Thap, ngay 20 thang 4 nam 2026\n\nUBND TP HCM va cac co quan lien quan thuc hien.');
    const lines = r.text.split('\n');
    expect(lines[1]).toMatch(/ ĐỒNG THÁP Độc lập - Tự do - Hạnh phúc$/);
    expect(lines[4]).toMatch(/^UBND TP HCM /);
  });

  it('parts a run of three syllables whose spaces OCR lost in a narrow cell, marks misread or not, and logs it', () => {
    const r = repairDocument(ocrRead('Bốtrívốn ngân sách địa phương.\n\nĐẩutưkhu xử lý nước thải tập trung.'), dictionaryWithout('qd-350-ttg.txt'));
    expect(documentToText(r.document)).toBe('Bố trí vốn ngân sách địa phương.\n\nĐầu tư khu xử lý nước thải tập trung.');
    expect(r.changes.map((c) => [c.original, c.repaired, c.reason])).toEqual([
      ['Bốtrívốn', 'Bố trí vốn', 'split'],
      ['Đẩutưkhu', 'Đầu tư khu', 'split'],
    ]);
  });

  it('on pages its OCR read, removes a period a speck put in mid-sentence, and logs it', () => {
    const printed = 'Các bộ, ngành, địa. phương liên quan; Bộ. trưởng ký\nngày 5. Tiếp theo, TP. Hà Nội, v.v. và năm 2030. tới\nhết đoạn.\n\nmới';
    const r = repairDocument(ocrRead(printed), dictionaryWithout('qd-350-ttg.txt'));
    const out = documentToText(r.document);
    expect(out).toContain('địa phương liên quan; Bộ trưởng');
    // A period before a capital, after a number or a lone letter, or ending a paragraph stays.
    expect(out).toContain('ngày 5. Tiếp theo, TP. Hà Nội, v.v. và năm 2030. tới\nhết đoạn.\n');
    expect(r.changes.filter((c) => c.reason === 'speck').map((c) => [c.original, c.repaired])).toEqual([['.', ''], ['.', '']]);
    expect(repairText(printed).text).toContain('địa. phương');
  });

  it('on pages its OCR read, removes a period glued to the front of a word and a lone opening quote', () => {
    const printed = '“Sở Nội vụ phối hợp với Bộ Ngoại .giao\n\nBan hành “Kế hoạch số hóa” và “Đề án”\n\nđáp ứng yêu cầu dùng chung” theo quy định\n\n. Điều 3. Quyết định này có hiệu lực.';
    const r = repairDocument(ocrRead(printed), dictionaryWithout('qd-350-ttg.txt'));
    const out = documentToText(r.document);
    expect(out).toContain('Sở Nội vụ phối hợp với Bộ Ngoại giao');
    // Paired quotes stay, and so does a lone closing one: there the OCR lost the opening mark.
    expect(out).toContain('Ban hành “Kế hoạch số hóa” và “Đề án”');
    expect(out).toContain('dùng chung” theo');
    // A period before the first word of a line opens nothing; the space after it goes with it.
    expect(out).toMatch(/\nĐiều 3\. Quyết định này có hiệu lực\.$/);
    expect(r.changes.filter((c) => c.reason === 'speck').map((c) => c.original)).toEqual(['“', '.', '. ']);
    expect(repairText(printed).text).toContain('“Sở Nội vụ');
  });

  it('on pages its OCR read, removes a dash set after the last word of a cell, with its space; a lone dash stays', () => {
    const r = repairDocument(ocrRead('Dữ liệu hộ tịch số\nhóa -'), dictionaryWithout('qd-350-ttg.txt'));
    expect(documentToText(r.document)).toBe('Dữ liệu hộ tịch số\nhóa');
    expect(r.changes).toEqual([expect.objectContaining({ line: 2, column: 3, original: ' -', repaired: '', reason: 'speck' })]);
    expect(documentToText(repairDocument(ocrRead('-'), dictionaryWithout('qd-350-ttg.txt')).document)).toBe('-');
    expect(repairText('Dữ liệu hộ tịch số hóa -').changes).toEqual([]);
  });

  it('on pages its OCR read, corrects a mark of a heading in capitals that its words contradict (QUY ĐỊNH CHƯNG)', () => {
    const r = repairDocument(ocrRead('Chương I\n\nQUY ĐỊNH CHƯNG\n\nĐiều 1. Phạm vi điều chỉnh'), dictionaryWithout('qd-350-ttg.txt'));
    expect(documentToText(r.document)).toContain('QUY ĐỊNH CHUNG');
    expect(r.changes.map((c) => [c.original, c.repaired])).toEqual([['CHƯNG', 'CHUNG']]);
  });

  it('reads a valid syllable with marks in a heading as a word, not as an abbreviation that differs in marks (DỮ is not ĐU)', () => {
    expect(repairText('Mục 2\nQUẢN LÝ DỮ LIỆU\n\nKL/ĐU ngày 15/4/2025 của Đảng ủy.').changes).toEqual([]);
  });

  it('keeps layout: blank lines, indentation, tabs and codes', () => {
    const src = 'STT\tNhiem vu\n\n    - Trién khai 24/7, tir 2026 - 2030;\n\n(1) ha tang sb';
    const out = repairText(src).text;
    expect(out.split('\n').map((l) => l.replace(/[^\s\t]/g, ''))).toEqual(src.split('\n').map((l) => l.replace(/[^\s\t]/g, '')));
    expect(out).toContain('24/7');
    expect(out).toContain('2026 - 2030');
    expect(out).toContain('(1)');
  });

  it('keeps letter labels of sections (a line of its own, or opening a heading before a period)', () => {
    const r = repairText('PHU LUC\n\nB\n\nPHAT TRIEN HA TANG\n\nC. UNG DUNG CONG NGHE\n\nD\n\nNang cap kho luu trir s6 ctia tinh');
    expect(r.text.split('\n').filter((l) => /^[A-Z](\.|$)/.test(l))).toEqual(['B', 'C. ỨNG DỤNG CÔNG NGHỆ', 'D']);
    expect(r.changes.map((c) => c.original)).not.toContain('B');
  });

  it('keeps a lower-case letter that is a line of its own as a label (a table of tasks lettered a, b, c), in damaged text too', () => {
    const r = repairText('Tap huan ky nang ban hang\n\nb\n\nKhao sat muc do ung dung\n\nc\n\nXay dung quy che phoi hop');
    expect(r.text.split('\n').filter((l) => l.length === 1)).toEqual(['b', 'c']);
  });

  it('keeps Roman numerals in running text as numerals; in a heading in capitals a syllable among them may be a word', () => {
    const r = repairText('Nghi quyet nay da duoc Quoc hoi khoa XV thong qua.\nChuong I\nQUY DINH CHUNG\nPhu luc V kem theo Ké hoach s6 12/KH-UBND\n\nDON VI THUC HIEN');
    const lines = r.text.split('\n');
    expect(lines[0]).toMatch(/ XV /);
    expect(lines[1]).toBe('Chương I');
    expect(lines[3]).toMatch(/^Phụ lục V kèm theo/);
    expect(lines[5]).toBe('ĐƠN VỊ THỰC HIỆN');
    expect(r.changes.map((c) => c.original)).not.toContain('I');
    expect(r.changes.map((c) => c.original)).not.toContain('V');
    // OCR prints a numeral's I as 1 or l: II1 is III, Il is II.
    expect(repairText('II1. NHIEM VU, GIAI PHAP\nMuc tiéu tai Phu luc Il kém theo').text).toBe('III. NHIỆM VỤ, GIẢI PHÁP\nMục tiêu tại Phụ lục II kèm theo');
  });

  it('reads the header’s Số: before its number, Đ printed P in codes, and a misread capital opening a paragraph', () => {
    const r = repairText('Doc lap - Tu do - Hanh phuc\nS6: 512/QP-BXD Ha Néi, ngay 08 thang 6 nam 2026\n\nQUAN LY DU LIEU\n\nbiéu 5. Luu trir dir liéu cac dai biéu theo Nghi quyét s6 27/NQ-CP, 15/2026/TT-BTP.');
    const lines = r.text.split('\n');
    expect(lines[1]).toBe('Số: 512/QĐ-BXD Hà Nội, ngày 08 tháng 6 năm 2026');
    expect(lines[3]).toBe('QUẢN LÝ DỮ LIỆU');
    // Đ printed b opens the paragraph: a capital; inside the sentence, đại biểu keeps its b. A P of
    // its own (CP, BTP) is no Đ.
    expect(lines[5]).toBe('Điều 5. Lưu trữ dữ liệu các đại biểu theo Nghị quyết số 27/NQ-CP, 15/2026/TT-BTP.');
  });

  it('reads Đ printed b or DP in a code as Đ where the abbreviation has one (Qb, QDP → QĐ; BGDDPT → BGDĐT), and keeps a B of its own (BXD)', () => {
    const abbreviated = buildDictionary([{ name: 'mini.txt', text: 'Quyết định số 12/QĐ-BXD và Công văn số 3/BGDĐT-GDPT của Sở Y tế (SYT).\n' }]);
    const r = repairText('So: 412/Qb-SYT ngay 16 thang 3\nQuyet dinh so 412/QDP-BXD; Cong van so 3856/BGDDPT-GDPT.', abbreviated);
    expect(r.text.split('\n')).toEqual(['Số: 412/QĐ-SYT ngày 16 tháng 3', 'Quyết định số 412/QĐ-BXD; Công văn số 3856/BGDĐT-GDPT.']);
  });

  it('reads a heading word in capitals that spells a syllable once its marks are restored as a word, not as an abbreviation one letter off (LUU is LƯU, not IUU)', () => {
    const abbreviated = buildDictionary([{ name: 'mini.txt', text: 'Chống khai thác hải sản bất hợp pháp (IUU).\nLưu trữ tài liệu, kho lưu trữ.\n' }]);
    expect(repairText('Tai lieu luu tru\n\nSO HOA TAI LIEU LUU TRU', abbreviated).text.split('\n')[2]).toBe('SỐ HÓA TÀI LIỆU LƯU TRỮ');
  });

  it('reads the word after an abbreviated post in the copy list in its context, not as a sentence’s first (TT. Tỉnh ủy)', () => {
    expect(repairText('Noi nhan:\n- TT. Tinh uy, TT. HDND tinh;').text).toBe('Nơi nhận:\n- TT. Tỉnh ủy, TT. HĐND tỉnh;');
  });

  it('restores a quarter numeral printed with 1 for I (Quý 11 → Quý II), logged; quarter 1 stays', () => {
    const r = repairText('Thời hạn: Quý 11/2026; Quý 111 năm 2027; quý 1V/2026; Quý 1/2026; Chương 11.');
    expect(r.text).toBe('Thời hạn: Quý II/2026; Quý III năm 2027; quý IV/2026; Quý 1/2026; Chương 11.');
    expect(r.changes.map((c) => [c.original, c.repaired, c.reason])).toEqual([
      ['11/2026', 'II/2026', 'ocr-confusion'],
      ['111', 'III', 'ocr-confusion'],
      ['1V/2026', 'IV/2026', 'ocr-confusion'],
    ]);
  });

  it('on pages its OCR read, restores Quý 1 as Quý I where the document writes its quarters in roman numerals; not where it writes Quý 2, nor in typed text', () => {
    const dict = dictionaryWithout('qd-350-ttg.txt');
    const roman = 'Hoàn thành trong Quý II/2026.\n\nRà soát, báo cáo: Quý 1/2026.';
    expect(documentToText(repairDocument(ocrRead(roman), dict).document)).toBe('Hoàn thành trong Quý II/2026.\n\nRà soát, báo cáo: Quý I/2026.');
    const arabic = 'Hoàn thành trong Quý 2/2026.\n\nRà soát, báo cáo: Quý 1/2026.';
    expect(documentToText(repairDocument(ocrRead(arabic), dict).document)).toBe(arabic);
    expect(repairText(roman, dict).text).toBe(roman);
  });

  it('parts Quý from a quarter numeral OCR ran into it (QuýIV/2026 → Quý IV/2026), and nothing that is no quarter', () => {
    const r = repairText('Thời hạn: QuýIV/2026; hoàn thành QuýII năm 2027; Quy1V/2026.');
    expect(r.text).toBe('Thời hạn: Quý IV/2026; hoàn thành Quý II năm 2027; Quy IV/2026.');
    expect(r.changes.map((c) => [c.original, c.repaired, c.reason])).toEqual([
      ['QuýIV/2026', 'Quý IV/2026', 'ocr-confusion'],
      ['QuýII', 'Quý II', 'split'],
      ['Quy1V/2026', 'Quy IV/2026', 'ocr-confusion'],
    ]);
    // A fifth quarter, a name, a numeral after another word: none is a quarter run into Quý.
    expect(['QuýV', 'QuýVI/2026', 'Quýnh', 'PhầnII', 'QuýIVa'].map(gluedQuarter)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('restores a division numeral printed with its I as l or | (Chương | → Chương I, PHỤ LỤC Il → PHỤ LỤC II), logged; digits and lower-case names stay', () => {
    const r = repairText('Căn cứ Luật.\n\nChuong |\nQUY DINH CHUNG\n\nPhần |I. Phụ lục Il kèm theo.\n\nChương 11, Chương V và một phần |\n\n| Chương | Nội dung | Thời hạn |');
    // A bar on a line with other bars is a table's.
    expect(r.text.split('\n').slice(2)).toEqual(['Chương I', 'QUY ĐỊNH CHUNG', '', 'Phần II. Phụ lục II kèm theo.', '', 'Chương 11, Chương V và một phần |', '', '| Chương | Nội dung | Thời hạn |']);
    const numerals = r.changes.filter((c) => /^[IVXLC]+$/.test(c.repaired));
    expect(numerals.map((c) => [c.original, c.repaired, c.confidence])).toEqual([
      ['|', 'I', 0.9],
      ['|I', 'II', 0.9],
      ['Il', 'II', 0.9],
    ]);
    // A numeral split at its bar is one change: its original, at its column, is what the line printed there.
    const printed = 'Phần |I. Phụ lục Il kèm theo.';
    expect(printed.slice(numerals[1]!.column, numerals[1]!.column + numerals[1]!.original.length)).toBe('|I');
    // A numeral of bars only: its own bars are no table's.
    expect(repairText('Căn cứ Luật.\n\nChương ||\nQUY ĐỊNH CHUNG').text.split('\n')[2]).toBe('Chương II');
  });

  it('restores the filing mark VT that opens a copy list (Lưu: VỊ, V[, VL.KT → Lưu: VT), logged; nothing else reading VI', () => {
    const r = repairText('Nơi nhận:\n- Như Điều 3;\n- Lưu: VỊ, NC.\n\n- Luu: V1 TTCNTT.\n\n- Lưu: V[ NVY.\n\n-Lưu:VL.KT\n\nChương VI quy định về lưu trữ: VI phạm.\n\nSổ đăng ký văn bản lưu: VI bản.');
    expect(r.text.split('\n').slice(2, 9)).toEqual(['- Lưu: VT, NC.', '', '- Lưu: VT TTCNTT.', '', '- Lưu: VT NVY.', '', '-Lưu:VT, KT']);
    expect(r.text).toContain('Chương VI');
    // A copy list set in capitals opens with LƯU.
    expect(repairText('Nơi nhận:\n- Như Điều 3;\n- LƯU: VỊ, NC.').text.split('\n')[2]).toBe('- LƯU: VT, NC.');
    // Only a line that opens with Lưu: is a copy list's filing item.
    expect(r.text).not.toContain('lưu: VT');
    expect(r.changes.filter((c) => c.repaired.startsWith('VT')).map((c) => [c.original, c.repaired, c.confidence])).toEqual([
      ['VỊ', 'VT', 0.9],
      ['V1', 'VT', 0.9],
      ['V[', 'VT', 0.9],
      ['VL.KT', 'VT, KT', 0.9],
    ]);
  });

  it('restores points\' labels by the order they are lettered in (c¢) → c), a second d) → đ)), logged; clean text and labels out of order stand', () => {
    const points = ['a) Xac dinh nhiem vu trong tam', 'b) Bo tri kinh phi thuc hien', 'c¢) Kiem tra viec thuc hien', 'd) Tong hop ket qua', 'd) Bao cao Uy ban nhan dan tinh', 'e) To chuc so ket'];
    const r = repairText(`Dieu 2. Nhiem vu\n${points.join('\n')}`);
    expect(r.text.split('\n').slice(1).map((l) => l.slice(0, 3))).toEqual(['a) ', 'b) ', 'c) ', 'd) ', 'đ) ', 'e) ']);
    expect(r.changes.filter((c) => c.column === 0 && c.line > 1).map((c) => [c.original, c.repaired, c.confidence])).toEqual([
      ['c¢)', 'c)', 0.9],
      ['d)', 'đ)', 0.9],
    ]);
    // A letter with a speck out of the list's order is no label the order can read; a list may start afresh at a).
    const outOfOrder = repairText('a) Xac dinh nhiem vu\nx¢) Kiem tra viec thuc hien\na¢) Tong hop ket qua');
    expect(outOfOrder.text.split('\n').map((l) => l.slice(0, 3))).toEqual(['a) ', expect.not.stringMatching(/^x\)/), 'a) ']);
    expect(outOfOrder.changes.map((c) => c.repaired)).not.toContain('x)');
    // Typed clean text keeps its labels as written, its author's slip included.
    const clean = 'a) Xác định nhiệm vụ trọng tâm;\nb) Bố trí kinh phí thực hiện;\nc) Kiểm tra việc thực hiện;\nd) Tổng hợp kết quả;\nd) Báo cáo Ủy ban nhân dân tỉnh.';
    expect(repairText(clean).text).toBe(clean);
  });

  it('restores a section\'s Roman numeral OCR printed in digits by the sequence of the document\'s sections, logged; clean text stands', () => {
    const r = repairText('I. MUC DICH, YEU CAU\n1. Muc dich\nNang cao nhan thuc cua nguoi dan.\n11. CHI TIEU\nTang so nguoi tham gia.\n111. NHIEM VU, GIAI PHAP');
    const headings = r.text.split('\n').filter((_, i) => [0, 1, 3, 5].includes(i));
    expect(headings).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'II. CHỈ TIÊU', 'III. NHIỆM VỤ, GIẢI PHÁP']);
    expect(r.changes.filter((c) => /^1+$/.test(c.original)).map((c) => [c.original, c.repaired, c.confidence])).toEqual([
      ['11', 'II', 0.9],
      ['111', 'III', 0.9],
    ]);
    const clean = 'I. MỤC ĐÍCH, YÊU CẦU\nNâng cao nhận thức của người dân.\n11. CHỈ TIÊU\nTăng số người tham gia.';
    expect(repairText(clean).text).toBe(clean);
  });
});
