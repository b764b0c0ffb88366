import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { characterErrorRate } from '../bench/cer.ts';
import { renderBornDigitalPdf, renderedGoldText, renderScannedPdf, renderTextPages } from '../fixtures/generator/index.ts';
import { closeOcr, ingest } from '../pipeline/ingest/index.ts';
import type { Document } from '../pipeline/model/document.ts';
import { documentToText } from '../pipeline/model/text.ts';

/** A short document page: the two-column head, a title, paragraphs and a small appendix table. */
const PAGE = [
  'UBND TỈNH THÁI NGUYÊN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/KH-UBND',
  'Thái Nguyên, ngày 05 tháng 3 năm 2026',
  'KẾ HOẠCH',
  'Triển khai chuyển đổi số trong các cơ quan hành chính nhà nước trên địa bàn tỉnh năm 2026.',
  'Các sở, ban, ngành và Ủy ban nhân dân cấp xã tổ chức thực hiện các nhiệm vụ sau đây:',
  'STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn hoàn thành',
  '1\tXây dựng cơ sở dữ liệu cán bộ, công chức của tỉnh\tSở Nội vụ\tQuý II năm 2026',
  '2\tSố hóa hồ sơ lưu trữ và kết nối với Trung tâm dữ liệu\tSở Khoa học và Công nghệ\tNăm 2026',
  '3\tBồi dưỡng kỹ năng số cho công chức cấp xã\tSở Nội vụ\tHằng năm',
].join('\n');

const textOf = (doc: Document): string =>
  documentToText({ ...doc, pages: doc.pages.map((p) => ({ ...p, blocks: p.blocks.filter((b) => b.kind !== 'page-header' && b.kind !== 'page-footer') })) });

afterAll(closeOcr);

describe('OCR of scanned pages (tesseract.js, Vietnamese model from node_modules)', () => {
  it('reads a scanned page image with the head apart, the table rebuilt, boxes and confidences kept', async () => {
    const [png] = await renderTextPages(PAGE, { seed: 11, dpi: 300 });
    const doc = await ingest({ name: 'page.png', bytes: png! });
    expect(doc.source.mediaType).toBe('image/png');
    expect(doc.pages.map((p) => p.path)).toEqual(['ocr']);
    // The plain-text rendering leaves table headers out (they are in `Table.header`), so the gold does too.
    const gold = renderedGoldText(PAGE).split('\n').filter((l) => !l.startsWith('STT\t')).join('\n');
    expect(characterErrorRate(gold, textOf(doc))).toBeLessThan(0.03);

    const blocks = doc.pages[0]!.blocks;
    expect(blocks[0]!.lines.map((l) => l.text).join(' ')).toMatch(/^UBND TỈNH/);
    expect(blocks[1]!.lines[0]!.text).toMatch(/^CỘNG HÒA/);

    const table = blocks.find((b) => b.table)?.table;
    expect(characterErrorRate('STT Nhiệm vụ Cơ quan chủ trì Thời hạn hoàn thành', table!.header.join(' '))).toBeLessThan(0.05);
    expect(table!.rows.map((r) => r.cells.find((c) => c.column === 0)?.lines[0]?.text)).toEqual(['1', '2', '3']);
    expect(table!.rows[1]!.cells.find((c) => c.column === 2)!.lines.map((l) => l.text).join(' ')).toContain('Khoa học');

    for (const line of blocks.flatMap((b) => b.lines)) {
      expect(line.prov.bbox).toBeDefined();
      expect(line.confidence).toBeGreaterThan(0);
    }
  });

  it('reads a page that is mostly a table: the line above it, a one-line header split into its cells, letter labels', async () => {
    // Little text outside the table, a header too short for its vertical rules to be found, section
    // rows lettered A and B in merged cells.
    const page = [
      'Chi tiết các nhiệm vụ như sau:',
      'TT\tNhiệm vụ\tCơ quan thực hiện\tKết quả\tThời gian',
      'A\tHOÀN THIỆN THỂ CHẾ\t\t\t',
      '1\tBan hành quy chế quản lý tài liệu điện tử\tChủ trì: Sở Nội vụ\tQuy chế\tNăm 2026',
      'B\tPHÁT TRIỂN HẠ TẦNG\t\t\t',
      '2\tNâng cấp kho lưu trữ số của tỉnh\tChủ trì: Sở Tài chính\tKho lưu trữ số\tNăm 2027',
    ].join('\n');
    const [png] = await renderTextPages(page, { seed: 5, dpi: 300 });
    const blocks = (await ingest({ name: 'table-page.png', bytes: png! })).pages[0]!.blocks;
    // Raw OCR: marks may still be wrong here (repair comes later), the line must be there.
    expect(blocks.flatMap((b) => b.lines.map((l) => l.text)).join('\n')).toMatch(/^Ch\S* tiết các nhiệm vụ như sau:$/m);
    const table = blocks.find((b) => b.table)!.table!;
    expect(table.header).toEqual(['TT', 'Nhiệm vụ', 'Cơ quan thực hiện', 'Kết quả', 'Thời gian']);
    expect(table.rows.map((r) => r.cells.find((c) => c.column === 0)?.lines[0]?.text)).toEqual(['A', '1', 'B', '2']);
  });

  it('turns a page fed sideways or upside down upright before reading it, and records the turn', async () => {
    const gold = renderedGoldText(PAGE).split('\n').filter((l) => !l.startsWith('STT\t')).join('\n');
    for (const turn of [90, 180] as const) {
      const [png] = await renderTextPages(PAGE, { seed: 11, dpi: 300, turn });
      const doc = await ingest({ name: `turned-${turn}.png`, bytes: png! });
      // The sheet went through turned clockwise by `turn`: the turn back completes the circle.
      expect(doc.pages[0]!.rotation).toBe(360 - turn);
      expect(characterErrorRate(gold, textOf(doc))).toBeLessThan(0.03);
      expect(doc.pages[0]!.width).toBeLessThan(doc.pages[0]!.height!);
    }
  });

  it('reads a page under a shadow as well as an evenly lit one', async () => {
    const gold = renderedGoldText(PAGE).split('\n').filter((l) => !l.startsWith('STT\t')).join('\n');
    const [png] = await renderTextPages(PAGE, { seed: 11, dpi: 300, shadow: 0.5 });
    expect(characterErrorRate(gold, textOf(await ingest({ name: 'shadowed.png', bytes: png! })))).toBeLessThan(0.03);
  });

  it("reads the signer's title and name under a red seal", async () => {
    const signed = [PAGE.split('\n').slice(5, 8).join('\n'), 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An'].join('\n');
    const [png] = await renderTextPages(signed, { seed: 3, dpi: 300, seal: true });
    const lines = textOf(await ingest({ name: 'signed.png', bytes: png! })).split('\n').filter(Boolean);
    expect(lines.slice(-4)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An']);
  });

  it('decides per page: text layer where it is good, OCR where the page is a scan', async () => {
    const born = await PDFDocument.load(await renderBornDigitalPdf(PAGE));
    const scan = await PDFDocument.load(await renderScannedPdf(PAGE, { seed: 12, dpi: 200 }));
    const mixed = await PDFDocument.create();
    mixed.addPage((await mixed.copyPages(born, [0]))[0]!);
    mixed.addPage((await mixed.copyPages(scan, [0]))[0]!);
    const doc = await ingest({ name: 'mixed.pdf', bytes: await mixed.save() });
    expect(doc.pages.map((p) => p.path)).toEqual(['text-layer', 'ocr']);
    const [first, second] = doc.pages.map((p) => textOf({ ...doc, pages: [p] }));
    expect(characterErrorRate(first!, second!)).toBeLessThan(0.03);
  });
});
