import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BodyNode, SegmentResult } from '../pipeline/segment/index.ts';
import { schemaErrors, validateSegment } from '../schemas/index.ts';
import { placeDate, vietnameseDate } from '../pipeline/segment/cues.ts';
import { segmentText } from './support/segment.ts';

const SEEDS = ['000_628a5ca53779184f', '002_8ec6eec61fe1c18f', '003_cd54905beb253b6c', '004_91fa2b9411a76217'];

function segmentSeed(seed: string): SegmentResult {
  const text = readFileSync(new URL(`../fixtures/seeds/${seed}.txt`, import.meta.url), 'utf8');
  return segmentText(`${seed}.txt`, text);
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('segmentDocument on the seeds', () => {
  for (const seed of SEEDS) {
    it(`${seed}: output validates against segment.schema.json`, () => {
      const ok = validateSegment(plain(segmentSeed(seed)));
      expect(ok, schemaErrors(validateSegment)).toBe(true);
    });
    it(`${seed}: header metadata equals the hand-checked gold`, () => {
      const gold = JSON.parse(readFileSync(new URL(`../fixtures/gold/tasks/${seed}.meta.json`, import.meta.url), 'utf8')) as unknown;
      expect(plain(segmentSeed(seed).documents.map((d) => d.meta))).toEqual(gold);
    });
  }

  it('splits 000 into the two letters and QĐ 350, with the appendix on QĐ 350 only', () => {
    const docs = segmentSeed(SEEDS[0]!).documents;
    expect(docs.map((d) => [d.meta.type, d.meta.symbol])).toEqual([
      ['Công văn', 'UBND-TH'],
      ['Công văn', 'BNV-TTCNTT'],
      ['Quyết định', 'QĐ-TTg'],
    ]);
    expect(docs.map((d) => d.appendices.length)).toEqual([0, 0, 1]);
    expect(docs[2]!.basis).toHaveLength(6);
    expect(docs[2]!.basis[0]!.text).toBe('Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;');
  });

  it('builds the Điều / I. / 1. / a) / - tree of QĐ 350', () => {
    const body = segmentSeed(SEEDS[0]!).documents[2]!.body;
    const dieu = body.filter((n) => n.kind === 'dieu');
    expect(dieu.map((n) => n.number)).toEqual(['1', '2', '3']);
    const sections = dieu[0]!.children.filter((n) => n.kind === 'roman');
    expect(sections.map((n) => `${n.number}. ${n.heading}`)).toEqual([
      'I. QUAN ĐIỂM',
      'II. MỤC TIÊU',
      'III. NHIỆM VỤ, GIẢI PHÁP CỤ THỂ ĐẾN NĂM 2030',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
    const muctieu = sections[1]!.children;
    expect(muctieu.map((n) => n.heading)).toEqual(['Mục tiêu tổng quát', 'Mục tiêu cụ thể đến năm 2030', 'Định hướng đến năm 2035, tầm nhìn đến năm 2045']);
    // The paragraph broken by a blank line in the source is joined back into one.
    expect(muctieu[0]!.text).toMatch(/phục vụ chu.*thống nhất, liên thông/s);
    const diemA = muctieu[1]!.children[0]!;
    expect([diemA.kind, diemA.number, diemA.children.map((c) => c.kind)]).toEqual(['diem', 'a', ['dash', 'dash']]);
  });

  it('joins hard-wrapped PDF lines of 003 into sentences and keeps the căn cứ apart', () => {
    const [qd, kh] = segmentSeed(SEEDS[2]!).documents;
    expect(qd!.basis.map((b) => b.text.slice(0, 30))).toEqual([
      'Căn cứ Nghị quyết số 57-NQ/TW ',
      'Căn cứ Nghị quyết số 71/NQ-CP ',
      'Căn cứ Nghị định số 25/2025/NĐ',
      'Căn cứ ý kiến của Ban Thường v',
      'Theo đề nghị của Vụ trưởng Vụ ',
    ]);
    // A căn cứ wrapped before a capital (`29-` / `KL/ĐU ngày …`) goes on to its `;`.
    expect(qd!.basis[3]!.text).toMatch(/29-\s?KL\/ĐU ngày 15\/4\/2025 của Ban Thường vụ Đảng ủy Bộ Nội vụ;$/u);
    expect(qd!.body[0]!.kind).toBe('dieu');
    expect(qd!.body.filter((n) => n.kind === 'dieu').map((n) => n.number)).toEqual(['1', '2', '3', '4']);
    const nv = kh!.body.find((n) => n.kind === 'roman' && n.number === 'II')!;
    expect(nv.children[0]!.heading).toBe(
      'Nâng cao nhận thức, đột phá về đổi mới tư duy, xác định quyết tâm chính trị mạnh mẽ, quyết liệt lãnh đạo, chỉ đạo, tạo xung lực mới, khí thế mới trong đội ngũ công chức, viên chức và người lao động của Bộ Nội vụ về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.',
    );
    expect(kh!.appendices.map((a) => [a.label, a.tables[0]?.layout, a.tables[0]?.columns.join(',')])).toEqual([
      ['Phụ lục I', 'stacked', 'stt,indicator,unit,target,lead,partners'],
      ['Phụ lục II', 'stacked', 'stt,task,lead,partners,deadline'],
      ['Phụ lục III', 'stacked', 'stt,task,lead,partners,deadline'],
    ]);
  });

  it('merges rows continued after a page break (002: a row with an empty STT)', () => {
    const rows = segmentSeed(SEEDS[1]!).documents[0]!.appendices[0]!.tables[0]!.rows;
    const merged = rows.filter((r) => r.merged > 1);
    expect(merged.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.cells[0] !== '')).toBe(true);
    const v3 = rows.find((r) => r.cells[1]!.startsWith('Xây dựng, nâng cấp và duy trì các phần mềm ứng dụng'))!;
    expect(v3.cells[1]).toMatch(/của các cơ quan, đơn vị, địa phương; bảo đảm khả năng thu thập/);
  });

  it('keeps every node inside its document line range', () => {
    for (const seed of SEEDS) {
      for (const d of segmentSeed(seed).documents) {
        const walk = (n: BodyNode): void => {
          expect(n.lines.start).toBeGreaterThanOrEqual(d.lines.start);
          expect(n.lines.end).toBeLessThanOrEqual(d.lines.end);
          n.children.forEach(walk);
        };
        d.body.forEach(walk);
      }
    }
  });
});

describe('Vietnamese dates', () => {
  it('reads the long and the numeric form, and leaves a blank day or month out of the ISO date', () => {
    expect(placeDate('Hà Nội, ngày 26 tháng 02 năm 2026')).toEqual({ place: 'Hà Nội', date: '2026-02-26' });
    expect(placeDate('Thái Nguyên, ngày 5/3/2025')).toEqual({ place: 'Thái Nguyên', date: '2025-03-05' });
    expect(placeDate('Hà Nội, ngày      tháng 4 năm 2025')).toEqual({ place: 'Hà Nội', date: '2025-04' });
    expect(vietnameseDate('ngày   /   /2025')).toBe('2025');
    expect(placeDate('Hà Nội, ngày mai')).toBeUndefined();
  });
});

describe('trích yếu on a laid-out page', () => {
  it('ends where the body opens, even without a blank line between them', () => {
    const text = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH THÁI NGUYÊN',
      'Số: 12/KH-UBND',
      'Thái Nguyên, ngày 5 tháng 3 năm 2026',
      'KẾ HOẠCH',
      'Triển khai thực hiện Quyết định số 350/QĐ-TTg ngày 26/02/2026',
      'của Thủ tướng Chính phủ',
      'Thực hiện Quyết định số 350/QĐ-TTg ngày 26/02/2026 của Thủ tướng',
      'Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:',
    ].join('\n');
    const seg = segmentText('kh.txt', text);
    expect(seg.documents[0]!.meta.subject).toBe('Triển khai thực hiện Quyết định số 350/QĐ-TTg ngày 26/02/2026 của Thủ tướng Chính phủ');
  });
});

describe('trích yếu of a text file', () => {
  it('ends at a blank line before a paragraph that ends its sentence (the body), for any document type', () => {
    const text = ['ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM', 'Số: 12/GM-UBND', 'Hà Nam, ngày 3 tháng 5 năm 2026', '', 'GIẤY MỜI', 'Họp triển khai công tác chuyển đổi số năm 2026', '', 'Ủy ban nhân dân tỉnh trân trọng kính mời đại diện lãnh đạo', 'các sở, ngành dự họp.'].join('\n');
    const meta = segmentText('gm.txt', text).documents[0]!.meta;
    expect([meta.type, meta.subject]).toEqual(['Giấy mời', 'Họp triển khai công tác chuyển đổi số năm 2026']);
  });
});

describe('issuer of a head read as one line with the quốc hiệu', () => {
  it('stops the issuer where the quốc hiệu or the tiêu ngữ runs on after it', () => {
    const head = (first: string, second: string) =>
      segmentText('kh.txt', [first, second, 'Số: 128/KH-STC', 'Quảng Trị, ngày 14 tháng 5 năm 2026', '', 'KẾ HOẠCH', 'Số hóa tài liệu lưu trữ', '', 'Sở ban hành Kế hoạch như sau:'].join('\n')).documents[0]!.meta.issuer;
    expect(head('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'SỞ TÀI CHÍNH')).toEqual({ superior: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', name: 'SỞ TÀI CHÍNH' });
    expect(head('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', 'SỞ TÀI CHÍNH Độc lập - Tự do - Hạnh phúc')).toEqual({ superior: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ', name: 'SỞ TÀI CHÍNH' });
  });
});

describe('issuer under a body other than a people’s committee, and a signer with a title or rank', () => {
  const plan = (issuer: string[], signer: string) =>
    segmentText('kh.txt', [...issuer, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 41/KH-ĐHKT', 'Đà Nẵng, ngày 25 tháng 5 năm 2026', '', 'KẾ HOẠCH', 'Tổ chức chiến dịch tình nguyện hè', '', 'I. MỤC ĐÍCH', 'Phát huy vai trò của sinh viên.', '', 'Nơi nhận:', '- Ban Giám hiệu;', '- Lưu: VT, CTSV.', '', 'KT. HIỆU TRƯỞNG', 'PHÓ HIỆU TRƯỞNG', '', signer].join('\n')).documents[0]!.meta;

  it('splits a school, hospital or association from the ministry or province printed above it', () => {
    expect(plan(['BỘ GIÁO DỤC VÀ ĐÀO TẠO', 'TRƯỜNG ĐẠI HỌC KINH TẾ'], 'Phan Minh Đức').issuer).toEqual({ superior: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', name: 'TRƯỜNG ĐẠI HỌC KINH TẾ' });
    expect(plan(['SỞ Y TẾ TỈNH HÀ NAM', 'BỆNH VIỆN ĐA KHOA TỈNH'], 'Phan Minh Đức').issuer).toEqual({ superior: 'SỞ Y TẾ TỈNH HÀ NAM', name: 'BỆNH VIỆN ĐA KHOA TỈNH' });
    expect(plan(['BỘ GIÁO DỤC', 'VÀ ĐÀO TẠO', 'TRƯỜNG ĐẠI HỌC KINH TẾ'], 'Phan Minh Đức').issuer).toEqual({ superior: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', name: 'TRƯỜNG ĐẠI HỌC KINH TẾ' });
  });

  it('reads the signer’s name after an academic title or a rank, without it', () => {
    for (const printed of ['TS. Phan Minh Đức', 'PGS.TS. Phan Minh Đức', 'PGS. TS. Phan Minh Đức', 'ThS. Phan Minh Đức', 'Đại tá Phan Minh Đức', 'Thiếu tướng Phan Minh Đức', 'Phan Minh Đức']) {
      expect([printed, plan(['BỘ GIÁO DỤC VÀ ĐÀO TẠO', 'TRƯỜNG ĐẠI HỌC KINH TẾ'], printed).signer.name]).toEqual([printed, 'Phan Minh Đức']);
    }
  });
});

describe('Roman headings of the body misread by OCR', () => {
  it('puts back a numeral that repeats the one before (II for III) or is printed in digit lookalikes (111.)', () => {
    const plan = (third: string) =>
      segmentText('kh.txt', ['UBND TỈNH HÀ NAM', 'Số: 12/KH-UBND', 'Hà Nam, ngày 3 tháng 5 năm 2026', '', 'KẾ HOẠCH', 'Số hóa tài liệu lưu trữ', '', 'I. MỤC ĐÍCH', 'Số hóa toàn bộ tài liệu.', '', 'II. NHIỆM VỤ', 'Các nhiệm vụ tại Phụ lục.', '', `${third} TỔ CHỨC THỰC HIỆN`, '1. Văn phòng chủ trì.', '2. Các phòng phối hợp.'].join('\n'))
        .documents[0]!.body.filter((n) => n.kind === 'roman')
        .map((n) => n.number);
    expect(plan('II.')).toEqual(['I', 'II', 'III']);
    expect(plan('111.')).toEqual(['I', 'II', 'III']);
    expect(plan('1V.')).toEqual(['I', 'II', 'IV']);
    expect(plan('III.')).toEqual(['I', 'II', 'III']);
  });
});

describe('nơi nhận read with its colon doubled or lost', () => {
  it('takes the list under it and neither punctuation nor the label as a recipient', () => {
    for (const label of ['Nơi nhận::', 'Nơi nhận']) {
      const text = ['BỘ XÂY DỰNG', 'Số: 512/QĐ-BXD', 'Hà Nội, ngày 08 tháng 6 năm 2026', '', 'QUYẾT ĐỊNH', 'Ban hành Kế hoạch số hóa hồ sơ', '', '**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ.', '', label, '- Như Điều 1;', '- Lưu: VT, VP.', '', 'BỘ TRƯỞNG', '', 'Trần Minh Đức'].join('\n');
      expect(segmentText('qd.txt', text).documents[0]!.meta.recipients).toEqual(['Như Điều 1', 'Lưu: VT, VP']);
    }
  });
});

describe('Kính gửi on a laid-out page', () => {
  const letter = (lines: string[]) =>
    segmentText('cv.txt', ['BỘ NỘI VỤ', 'Số: 3271/BNV-TTCNTT', 'V/v triển khai Quyết định số 350/QĐ-TTg', 'Hà Nội, ngày 10 tháng 4 năm 2026', ...lines].join('\n')).documents[0]!.meta;

  it('joins the short end of an addressee wrapped onto the next line, and leaves the body alone', () => {
    expect(letter(['Kính gửi: Đồng chí Chủ tịch UBND các tỉnh, thành phố trực thuộc', 'Trung ương', '', 'Ngày 26/02/2026, Thủ tướng Chính phủ ban hành Quyết định.']).addressees).toEqual([
      'Đồng chí Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương',
    ]);
    expect(letter(['Kính gửi: Ủy ban nhân dân các tỉnh', 'Ngày 26/02/2026, Thủ tướng ban hành Quyết định.']).addressees).toEqual(['Ủy ban nhân dân các tỉnh']);
  });
});

describe('a decree (Nghị định): year in the number, Chương and Mục titled on their own lines', () => {
  const text = [
    'CHÍNH PHỦ',
    'Số: 45/2026/NĐ-CP',
    'Hà Nội, ngày 10 tháng 4 năm 2026',
    'NGHỊ ĐỊNH',
    'Quy định về quản lý tài liệu lưu trữ điện tử',
    '',
    'Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;',
    '',
    'Chương I',
    'QUY ĐỊNH CHUNG',
    '',
    'Điều 1. Phạm vi điều chỉnh',
    '1. Nghị định này quy định về quản lý tài liệu lưu trữ điện tử.',
    '',
    'Chương II',
    'QUẢN LÝ TÀI LIỆU LƯU TRỮ ĐIỆN TỬ',
    '',
    'Mục 1',
    'THU THẬP TÀI LIỆU',
    '',
    'Điều 2. Thu thập tài liệu',
    '1. Tài liệu được thu thập theo danh mục.',
    '2. Thời hạn thu thập là 05 năm.',
  ].join('\n');
  const d = segmentText('nd.txt', text).documents[0]!;

  it('keeps the year in the number and the ký hiệu apart', () => {
    expect([d.meta.number, d.meta.symbol, d.meta.type]).toEqual(['45/2026/NĐ-CP', 'NĐ-CP', 'Nghị định']);
  });

  it('does not open an article at a reference a line break put first (… có tên tại / Điều 1 chịu trách nhiệm)', () => {
    const wrapped = [
      'QUYẾT ĐỊNH:',
      'Điều 1. Thành lập Tổ công tác.',
      'Điều 2 Quyết định này có hiệu lực kể từ ngày ký. Các thành viên có tên tại',
      'Điều 1 chịu trách nhiệm thi hành Quyết định này.',
    ].join('\n');
    const body = segmentText('qd.txt', wrapped).documents[0]!.body;
    // An article whose period the OCR lost still opens before a capital.
    expect(body.map((n) => [n.kind, n.number])).toEqual([
      ['dieu', '1'],
      ['dieu', '2'],
    ]);
    expect(body[1]!.text).toContain('tại Điều 1 chịu trách nhiệm');
  });

  it('puts back a chapter numeral OCR misread (Chương IH, Chương 1I) by the sequence; chapters numbered in digits stay', () => {
    const chapters = (numbers: string[]) =>
      segmentText('nd.txt', ['CHÍNH PHỦ', 'Số: 45/2026/NĐ-CP', 'NGHỊ ĐỊNH', 'Quy định về lưu trữ', '', ...numbers.flatMap((n, k) => [`Chương ${n}`, 'QUY ĐỊNH', `Điều ${k + 1}. Phạm vi`])].join('\n'))
        .documents[0]!.body.filter((n) => n.kind === 'chuong')
        .map((n) => [n.number, n.heading]);
    expect(chapters(['I', '1I', 'IH'])).toEqual([['I', 'QUY ĐỊNH'], ['II', 'QUY ĐỊNH'], ['III', 'QUY ĐỊNH']]);
    expect(chapters(['1', '2', '3']).map(([n]) => n)).toEqual(['1', '2', '3']);
  });

  it('nests Mục under Chương and Điều under Mục, each titled', () => {
    const shape = (n: BodyNode): unknown => [n.kind, n.number, n.heading, n.children.map(shape)];
    expect(d.body.map(shape)).toEqual([
      ['chuong', 'I', 'QUY ĐỊNH CHUNG', [['dieu', '1', 'Phạm vi điều chỉnh', [['khoan', '1', '', []]]]]],
      ['chuong', 'II', 'QUẢN LÝ TÀI LIỆU LƯU TRỮ ĐIỆN TỬ', [['muc', '1', 'THU THẬP TÀI LIỆU', [['dieu', '2', 'Thu thập tài liệu', [['khoan', '1', '', []], ['khoan', '2', '', []]]]]]]],
    ]);
  });
});
