import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDictionary } from '../dictionaries/load.ts';
import { renderScannedPdf } from '../fixtures/generator/index.ts';
import { closeOcr } from '../pipeline/ingest/index.ts';
import { processFile, type FileResult } from '../pipeline/process.ts';

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

describe('a document written for the project, scanned', () => {
  it('the decision as an image-only PDF at 300 dpi: one-line header and section rows, letter labels, the same records and header', async () => {
    const r = await run('quyet-dinh-bo-xay-dung.pdf', await renderScannedPdf(read('quyet-dinh-bo-xay-dung.txt'), { seed: 5, dpi: 300 }));
    expect(r.pages.map((p) => p.path)).toEqual(['ocr', 'ocr']);
    expect(records(r)).toEqual(DECISION_RECORDS);
    expect(r.documents[0]!.meta).toMatchObject(DECISION_META);
  });
});
