import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../dictionaries/load.ts';
import { renderBornDigitalPdf, renderScannedPdf } from '../fixtures/generator/index.ts';
import { closeOcr } from '../pipeline/ingest/index.ts';
import type { CellSpan } from '../pipeline/model/document.ts';
import { processFile, type FileResult } from '../pipeline/process.ts';
import type { BodyNode } from '../pipeline/segment/index.ts';

/**
 * Documents written for the project (fixtures/written), not from the seeds: the whole pipeline on
 * issuers, table layouts and section labels it was not built from.
 */
const read = (name: string): string => readFileSync(new URL(`../fixtures/written/${name}`, import.meta.url), 'utf8');
const dictionary = await loadDictionary();
const run = (name: string, bytes: Uint8Array): Promise<FileResult> => processFile({ name, bytes }, { dictionary });
const text = (name: string): Promise<FileResult> => run(name, new TextEncoder().encode(read(name)));

/** A record as the gold below states it: section, STT, task, lead, partners, output, deadline as printed. */
const records = (r: FileResult): string[][] =>
  r.tasks.map((t) => [t.section.code, t.stt, t.task ?? '', (t.leadAgencies ?? []).join('; '), (t.partnerAgencies ?? []).join('; '), t.output ?? '', t.deadline?.raw ?? '']);

/** The merged cells of a document's tables, row by row: each copy's column and span. */
const mergedCells = (r: FileResult): [number, CellSpan][] =>
  r.document.pages.flatMap((p) => p.blocks.flatMap((b) => b.table?.rows.flatMap((row) => row.cells.flatMap((c): [number, CellSpan][] => (c.span ? [[c.column, c.span]] : []))) ?? []));

const PLAN_RECORDS = [
  ['I', '1', 'Khảo sát, thống kê khối lượng hồ sơ, tài liệu cần số hóa', 'Văn phòng Sở', 'Các phòng chuyên môn', '', 'Quý III/2026'],
  ['I', '2', 'Xây dựng danh mục hồ sơ ưu tiên số hóa', 'Văn phòng Sở', '', '', 'Tháng 9/2026'],
  ['I', '3', 'Bố trí kinh phí thực hiện', 'Phòng Kế hoạch - Tài chính', 'Văn phòng Sở', '', 'Hằng năm'],
  ['II', '4', 'Số hóa hồ sơ có giá trị bảo quản vĩnh viễn', 'Văn phòng Sở', '', '', '2026 - 2027'],
  ['II', '5', 'Kiểm tra, nghiệm thu dữ liệu sau số hóa', 'Văn phòng Sở; Trung tâm Công nghệ thông tin', '', '', 'Sau khi hoàn thành số hóa từng đợt'],
  ['II', '6', 'Tích hợp dữ liệu vào Hệ thống quản lý tài liệu điện tử của tỉnh', 'Trung tâm Công nghệ thông tin', '', '', 'Năm 2028'],
];

const DECISION_RECORDS = [
  ['A', '1', 'Hoàn thiện quy chế quản lý hồ sơ điện tử của Bộ', 'Văn phòng Bộ', 'Vụ Pháp chế', 'Quyết định ban hành quy chế', 'Tháng 9/2026'],
  ['A', '2', 'Tập huấn nghiệp vụ lưu trữ điện tử cho công chức', 'Văn phòng Bộ', 'Các cục, vụ thuộc Bộ', 'Lớp tập huấn', 'Quý IV/2026'],
  ['B', '1', 'Số hóa hồ sơ cấp phép xây dựng giai đoạn 2015 - 2020', 'Cục Quản lý hoạt động xây dựng', 'Trung tâm Thông tin', 'Cơ sở dữ liệu hồ sơ cấp phép', 'Trước ngày 30/11/2026'],
  ['B', '2', 'Kết nối hệ thống quản lý văn bản với Trục liên thông văn bản quốc gia', 'Trung tâm Thông tin', 'Văn phòng Bộ', 'Hệ thống được kết nối', 'Tháng 12/2026'],
];

const DECISION_META = {
  issuer: { name: 'BỘ XÂY DỰNG', superior: '' },
  number: '512/QĐ-BXD',
  type: 'Quyết định',
  place: 'Hà Nội',
  date: '2026-06-08',
  subject: 'Ban hành Kế hoạch chuyển đổi số trong hoạt động quản lý hồ sơ của Bộ Xây dựng năm 2026',
  signer: { name: 'Trần Minh Đức', title: 'THỨ TRƯỞNG', authority: 'KT. BỘ TRƯỞNG' },
  recipients: ['Như Điều 3', 'Bộ trưởng (để b/c)', 'Lưu: VT, VP'],
};

/** The letter's tasks: lead and partners under one spanning name, the deadline before the output. */
const LETTER_RECORDS = [
  ['', '1', 'Thống kê tài liệu lưu trữ hiện có', 'Ủy ban nhân dân các xã, phường', 'Sở Nội vụ', 'Báo cáo thống kê', 'Tháng 9/2026'],
  ['', '2', 'Tập huấn nghiệp vụ số hóa tài liệu', 'Sở Nội vụ', 'Trung tâm Phục vụ hành chính công tỉnh', 'Lớp tập huấn', 'Quý III/2026'],
  ['', '3', 'Số hóa hồ sơ hộ tịch lưu tại xã', 'Ủy ban nhân dân các xã, phường', 'Sở Tư pháp', 'Dữ liệu hộ tịch số hóa', 'Năm 2026 - 2027'],
  ['', '4', 'Báo cáo kết quả thực hiện', 'Ủy ban nhân dân các xã, phường', '', 'Báo cáo', 'Trước ngày 20/12/2026'],
];

const LETTER_META = {
  issuer: { name: 'SỞ NỘI VỤ', superior: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI' },
  number: '1875/SNV-VTLT',
  type: 'Công văn',
  place: 'Lào Cai',
  date: '2026-08-03',
  subject: 'triển khai số hóa tài liệu lưu trữ tại cấp xã năm 2026',
  addressees: ['Ủy ban nhân dân các xã, phường', 'Trung tâm Phục vụ hành chính công tỉnh'],
  signer: { name: 'Hoàng Thị Mai', title: 'PHÓ GIÁM ĐỐC', authority: 'KT. GIÁM ĐỐC' },
};

/** The commune's plan merges each section's lead (column 2) over its two tasks, and nothing else. */
const COMMUNE_LEAD_SPANS = [0, 1, 0, 1].map((offset) => [2, { rows: 2, offset }]);

/** The commune's plan: sections numbered 1 and 2 over tasks 1.1, 1.2; a budget column; the office of two bodies. */
const COMMUNE_RECORDS = [
  ['1', '1.1', 'Nâng cấp mạng nội bộ của trụ sở Ủy ban nhân dân xã', 'Văn phòng HĐND và UBND xã', 'Phòng Kinh tế', '', 'Quý II/2026'],
  ['1', '1.2', 'Trang bị máy quét tài liệu cho bộ phận một cửa', 'Văn phòng HĐND và UBND xã', '', '', '6 tháng đầu năm 2026'],
  ['2', '2.1', 'Hướng dẫn người dân sử dụng dịch vụ công trực tuyến', 'Trung tâm Phục vụ hành chính công xã', 'Đoàn Thanh niên xã', '', 'Thường xuyên'],
  ['2', '2.2', 'Số hóa kết quả giải quyết thủ tục hành chính', 'Trung tâm Phục vụ hành chính công xã', 'Văn phòng HĐND và UBND xã', '', 'Định kỳ hằng quý'],
];

const COMMUNE_META = {
  issuer: { name: 'ỦY BAN NHÂN DÂN XÃ TÂN PHÚ', superior: '' },
  number: '42/KH-UBND',
  type: 'Kế hoạch',
  date: '2026-03-12',
  signer: { name: 'Đặng Quốc Bảo', title: 'CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN' },
};

const DECREE_META = {
  issuer: { name: 'CHÍNH PHỦ', superior: '' },
  number: '87/2026/NĐ-CP',
  type: 'Nghị định',
  date: '2026-04-20',
  subject: 'Quy định về số hóa tài liệu lưu trữ và quản lý dữ liệu tài liệu lưu trữ số',
  signer: { name: 'Nguyễn Văn Thành', title: 'PHÓ THỦ TƯỚNG', authority: 'TM. CHÍNH PHỦ / KT. THỦ TƯỚNG' },
};

/** The decree's divisions down to the điểm: kind, number, title and what is under it. */
const shape = (n: BodyNode): unknown => [n.kind, n.number, n.heading, n.children.map(shape)];
const DECREE_BODY = [
  ['paragraph', '', '', []],
  ['chuong', 'I', 'QUY ĐỊNH CHUNG', [
    ['dieu', '1', 'Phạm vi điều chỉnh', []],
    ['dieu', '2', 'Đối tượng áp dụng', [['khoan', '1', '', []], ['khoan', '2', '', []], ['khoan', '3', '', []]]],
  ]],
  ['chuong', 'II', 'SỐ HÓA TÀI LIỆU LƯU TRỮ', [
    ['muc', '1', 'YÊU CẦU VÀ QUY TRÌNH SỐ HÓA', [
      ['dieu', '3', 'Yêu cầu đối với tài liệu số hóa', [['khoan', '1', 'Tài liệu được số hóa phải bảo đảm các yêu cầu sau:', [['diem', 'a', '', []], ['diem', 'b', '', []], ['diem', 'c', '', []]]], ['khoan', '2', '', []]]],
      ['dieu', '4', 'Quy trình số hóa', []],
    ]],
    ['muc', '2', 'QUẢN LÝ DỮ LIỆU', [['dieu', '5', 'Lưu trữ dữ liệu tài liệu lưu trữ số', []]]],
  ]],
  ['chuong', 'III', 'ĐIỀU KHOẢN THI HÀNH', [
    ['dieu', '6', 'Hiệu lực thi hành', []],
    ['dieu', '7', 'Trách nhiệm thi hành', []],
  ]],
];

/** The council's resolution: Roman sections inside the table, numbering running on across them, the output before the agencies. */
const RESOLUTION_RECORDS = [
  ['I', '1', 'Ban hành quy chế quản lý, vận hành Trung tâm dữ liệu tỉnh', 'Sở Khoa học và Công nghệ', 'Sở Tư pháp', 'Quyết định của Ủy ban nhân dân tỉnh', 'Năm 2026'],
  ['I', '2', 'Rà soát, sửa đổi quy trình nội bộ giải quyết thủ tục hành chính', 'Văn phòng Ủy ban nhân dân tỉnh', 'Các sở, ban, ngành', 'Quy trình được phê duyệt', '2026 - 2027'],
  ['II', '3', 'Xây dựng kho dữ liệu dùng chung của tỉnh', 'Sở Khoa học và Công nghệ', 'Công an tỉnh; Sở Tài chính', 'Kho dữ liệu được vận hành', 'Tháng 6/2027'],
  ['II', '4', 'Số hóa hồ sơ địa chính các huyện miền núi', 'Sở Nông nghiệp và Môi trường', 'Ủy ban nhân dân các xã', 'Cơ sở dữ liệu đất đai', '2027 - 2029'],
  ['II', '5', 'Đánh giá mức độ an toàn thông tin của các hệ thống dùng chung', 'Công an tỉnh', 'Sở Khoa học và Công nghệ', 'Báo cáo đánh giá', 'Hằng năm'],
];

const RESOLUTION_META = {
  issuer: { name: 'HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG TRỊ', superior: '' },
  number: '27/NQ-HĐND',
  type: 'Nghị quyết',
  date: '2026-07-10',
  subject: 'Về phát triển chính quyền số tỉnh Quảng Trị giai đoạn 2026 - 2030',
  signer: { name: 'Hoàng Văn Thịnh', title: 'CHỦ TỊCH', authority: '' },
};

/** The working group's tasks (Phụ lục II): the deadline column before the agencies. Phụ lục I lists the members. */
const TEAM_RECORDS = [
  ['', '1', 'Xây dựng kế hoạch số hóa tài liệu lưu trữ giai đoạn 2026 - 2028', 'Sở Nội vụ', 'Văn phòng Ủy ban nhân dân tỉnh', 'Kế hoạch được phê duyệt', 'Tháng 10/2026'],
  ['', '2', 'Lựa chọn phông tài liệu ưu tiên số hóa', 'Chi cục Văn thư - Lưu trữ', 'Các sở, ban, ngành', 'Danh mục phông ưu tiên', 'Quý IV/2026'],
  ['', '3', 'Kiểm tra chất lượng dữ liệu số hóa', 'Sở Khoa học và Công nghệ', 'Sở Nội vụ', 'Biên bản kiểm tra', 'Hằng quý'],
];

const TEAM_META = {
  issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH', superior: '' },
  number: '1536/QĐ-UBND',
  type: 'Quyết định',
  date: '2026-09-25',
  subject: 'Thành lập Tổ công tác số hóa tài liệu lưu trữ tỉnh Tây Ninh',
  signer: { name: 'Nguyễn Thanh Ngọc', title: 'CHỦ TỊCH', authority: '' },
};

const DIRECTIVE_META = {
  issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH', superior: '' },
  number: '09/CT-UBND',
  type: 'Chỉ thị',
  date: '2026-08-03',
  subject: 'Về tăng cường công tác văn thư, lưu trữ trong môi trường điện tử',
  signer: { name: 'Lê Thị Thu Hà', title: 'PHÓ CHỦ TỊCH', authority: 'KT. CHỦ TỊCH' },
};

/** A directive has no Điều: its opening paragraphs, then numbered khoản with their điểm. */
const DIRECTIVE_BODY = [
  ['paragraph', '', '', []],
  ['paragraph', '', '', []],
  ['khoan', '1', 'Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã, phường:', [['diem', 'a', '', []], ['diem', 'b', '', []], ['diem', 'c', '', []]]],
  ['khoan', '2', 'Sở Nội vụ:', [['diem', 'a', '', []], ['diem', 'b', '', []]]],
  ['khoan', '3', '', []],
  ['khoan', '4', '', []],
];

afterAll(closeOcr);

describe('documents written for the project, read as text', () => {
  it("a Sở's plan: every record, lead and partners parted from one cell; the superior body above the issuer", async () => {
    const r = await text('ke-hoach-so-tai-chinh.txt');
    expect(records(r)).toEqual(PLAN_RECORDS);
    expect(r.documents[0]!.meta).toMatchObject({
      issuer: { name: 'SỞ TÀI CHÍNH', superior: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ' },
      number: '128/KH-STC',
      type: 'Kế hoạch',
      date: '2026-05-14',
      signer: { name: 'Lê Văn Hùng', title: 'PHÓ GIÁM ĐỐC', authority: 'KT. GIÁM ĐỐC' },
    });
  });

  it('a ministry decision: sections lettered A and B, numbering restarting in each', async () => {
    const r = await text('quyet-dinh-bo-xay-dung.txt');
    expect(records(r)).toEqual(DECISION_RECORDS);
    expect(r.documents[0]!.meta).toMatchObject(DECISION_META);
  });
});

describe('a letter and a decree written for the project', () => {
  it('a Sở\'s letter (Công văn) as text and as a born-digital PDF: a two-level header (Cơ quan thực hiện over Chủ trì, Phối hợp), a table under its own title', async () => {
    for (const r of [await text('cong-van-so-noi-vu.txt'), await run('cong-van.pdf', await renderBornDigitalPdf(read('cong-van-so-noi-vu.txt')))]) {
      expect(records(r)).toEqual(LETTER_RECORDS);
      expect(r.documents[0]!.meta).toMatchObject(LETTER_META);
    }
  });

  it("a commune's plan as text, as a born-digital PDF and scanned: sections 1 and 2 over tasks 1.1, 1.2, the office of two bodies kept whole", async () => {
    const source = read('ke-hoach-ubnd-xa.txt');
    const results = [await text('ke-hoach-ubnd-xa.txt'), await run('ke-hoach.pdf', await renderBornDigitalPdf(source)), await run('ke-hoach-scan.pdf', await renderScannedPdf(source, { seed: 5, dpi: 300 }))];
    for (const r of results) {
      expect(records(r)).toEqual(COMMUNE_RECORDS);
      expect(r.documents[0]!.meta).toMatchObject(COMMUNE_META);
    }
    expect(results[0]!.tasks.map((t) => t.deadline?.by)).toEqual(['2026-Q2', '2026-06', undefined, undefined]);
  });

  it('a decree (Nghị định) as text and as a born-digital PDF: Chương, Mục, Điều, khoản, điểm; no heading word taken for an abbreviation', async () => {
    for (const r of [await text('nghi-dinh-chinh-phu.txt'), await run('nghi-dinh.pdf', await renderBornDigitalPdf(read('nghi-dinh-chinh-phu.txt')))]) {
      expect(r.documents[0]!.body.map(shape)).toEqual(DECREE_BODY);
      expect(r.documents[0]!.meta).toMatchObject(DECREE_META);
      expect(r.tasks).toEqual([]);
    }
  });
});

describe('a document written for the project, scanned', () => {
  it('the decision as an image-only PDF at 300 dpi: one-line header and section rows, letter labels, the same records and header', async () => {
    const r = await run('quyet-dinh-bo-xay-dung.pdf', await renderScannedPdf(read('quyet-dinh-bo-xay-dung.txt'), { seed: 5, dpi: 300 }));
    expect(r.pages.map((p) => p.path)).toEqual(['ocr', 'ocr']);
    expect(records(r)).toEqual(DECISION_RECORDS);
    expect(r.documents[0]!.meta).toMatchObject(DECISION_META);
  });

  it('the letter as an image-only PDF: the two-level header read from its rules, every agency in its column', async () => {
    const r = await run('cong-van-so-noi-vu.pdf', await renderScannedPdf(read('cong-van-so-noi-vu.txt'), { seed: 5, dpi: 300 }));
    // Lead and partners by row: the columns under the spanning name.
    expect(r.tasks.map((t) => [t.stt, t.task, (t.leadAgencies ?? []).join('; '), (t.partnerAgencies ?? []).join('; ')])).toEqual(LETTER_RECORDS.map((x) => [x[1], x[2], x[3], x[4]]));
    expect(r.documents[0]!.meta).toMatchObject(LETTER_META);
  });

  it('the decree as an image-only PDF: the same divisions (Chương IH read back as III), a lone last word of the trích yếu read again', async () => {
    const r = await run('nghi-dinh-chinh-phu.pdf', await renderScannedPdf(read('nghi-dinh-chinh-phu.txt'), { seed: 5, dpi: 300 }));
    expect(r.documents[0]!.body.map(shape)).toEqual(DECREE_BODY);
    expect(r.documents[0]!.meta).toMatchObject(DECREE_META);
  });
});

describe('three more documents written for the project, as text, born-digital PDF and scan', () => {
  it("a council's resolution (Nghị quyết): Roman sections in the table, numbering running on; on the scan a trích yếu without the stop OCR put after it", async () => {
    const source = read('nghi-quyet-hdnd-tinh.txt');
    for (const r of [await text('nghi-quyet-hdnd-tinh.txt'), await run('nghi-quyet.pdf', await renderBornDigitalPdf(source))]) {
      expect(records(r)).toEqual(RESOLUTION_RECORDS);
      expect(r.documents[0]!.meta).toMatchObject(RESOLUTION_META);
    }
    const scan = await run('nghi-quyet-scan.pdf', await renderScannedPdf(source, { seed: 5, dpi: 300 }));
    // Outputs aside: OCR reads a speck after one (`… tỉnh.`), which a table cell may well end with.
    const withoutOutput = (rows: string[][]): string[][] => rows.map((x) => [...x.slice(0, 5), x[6]!]);
    expect(withoutOutput(records(scan))).toEqual(withoutOutput(RESOLUTION_RECORDS));
    expect(scan.documents[0]!.meta).toMatchObject(RESOLUTION_META);
  });

  it("a decision setting up a working group: the members' list (Phụ lục I) gives no task records, the tasks table after it on the same page is read apart from it", async () => {
    const source = read('quyet-dinh-to-cong-tac.txt');
    for (const r of [await text('quyet-dinh-to-cong-tac.txt'), await run('to-cong-tac.pdf', await renderBornDigitalPdf(source)), await run('to-cong-tac-scan.pdf', await renderScannedPdf(source, { seed: 5, dpi: 300 }))]) {
      expect(records(r)).toEqual(TEAM_RECORDS);
      expect(r.documents[0]!.meta).toMatchObject(TEAM_META);
      const members = r.documents[0]!.appendices.find((a) => a.number === 'I');
      expect(members?.tables[0]?.columns).toContain('person');
    }
  });

  it('a directive (Chỉ thị) with no Điều: the trích yếu stops before the opening paragraph, with or without a blank line between them', async () => {
    const source = read('chi-thi-chu-tich-ubnd.txt');
    const noBlankLines = new TextEncoder().encode(source.replace(/\n{2,}/g, '\n'));
    for (const r of [await text('chi-thi-chu-tich-ubnd.txt'), await run('chi-thi-run-on.txt', noBlankLines), await run('chi-thi.pdf', await renderBornDigitalPdf(source))]) {
      expect(r.documents[0]!.meta).toMatchObject(DIRECTIVE_META);
      expect(r.documents[0]!.body.map(shape)).toEqual(DIRECTIVE_BODY);
      expect(r.tasks).toEqual([]);
    }
  });

  it('tables whose authors merged a column\'s equal cells down the rows (an agency leading several tasks), text centred in the merged cell: every row gets the merged text, marked with its span', async () => {
    const merged = { mergeRepeatedCells: true };
    const commune = read('ke-hoach-ubnd-xa.txt');
    const cases: [FileResult, string[][]][] = [
      [await run('ke-hoach-merged.pdf', await renderBornDigitalPdf(commune, merged)), COMMUNE_RECORDS],
      [await run('ke-hoach-merged-scan.pdf', await renderScannedPdf(commune, { seed: 5, dpi: 300, ...merged })), COMMUNE_RECORDS],
      [await run('cong-van-merged.pdf', await renderBornDigitalPdf(read('cong-van-so-noi-vu.txt'), merged)), LETTER_RECORDS],
      [await run('quyet-dinh-merged.pdf', await renderBornDigitalPdf(read('quyet-dinh-bo-xay-dung.txt'), merged)), DECISION_RECORDS],
    ];
    for (const [r, gold] of cases) {
      expect(records(r)).toEqual(gold);
      const spans = mergedCells(r).map(([, span]) => span);
      expect(spans.length).toBeGreaterThanOrEqual(2);
      expect(spans.every((s) => s.rows >= 2 && s.offset >= 0 && s.offset < s.rows)).toBe(true);
    }
    // The commune's plan: each section's lead spans its two tasks, and nothing else is merged.
    for (const [r] of cases.slice(0, 2)) expect(mergedCells(r)).toEqual(COMMUNE_LEAD_SPANS);
  });

  it('merged cells set at the top of their rows (Word\'s default) in a born-digital PDF: the PDF\'s own ruling lines say which rows a cell spans', async () => {
    // At the top of its first row, a merged text looks like that row's alone with empty cells below;
    // only the rule missing across its column says otherwise.
    const top = { mergeRepeatedCells: true, mergedCellAlign: 'top' as const };
    const commune = await run('ke-hoach-top.pdf', await renderBornDigitalPdf(read('ke-hoach-ubnd-xa.txt'), top));
    expect(records(commune)).toEqual(COMMUNE_RECORDS);
    expect(mergedCells(commune)).toEqual(COMMUNE_LEAD_SPANS);
    expect(records(await run('cong-van-top.pdf', await renderBornDigitalPdf(read('cong-van-so-noi-vu.txt'), top)))).toEqual(LETTER_RECORDS);
    expect(records(await run('quyet-dinh-top.pdf', await renderBornDigitalPdf(read('quyet-dinh-bo-xay-dung.txt'), top)))).toEqual(DECISION_RECORDS);
  });
});
