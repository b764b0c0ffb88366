import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTasks } from '../pipeline/emit/index.ts';
import { withTextLayout } from '../pipeline/ingest/aligned-text.ts';
import { ingest } from '../pipeline/ingest/index.ts';
import type { Block, Line } from '../pipeline/model/document.ts';
import { documentFromText, documentToText } from '../pipeline/model/text.ts';
import { segmentDocument } from '../pipeline/segment/index.ts';

const NAME = 'ke-hoach-layout.txt';
const bytes = readFileSync(new URL(`../fixtures/layouts/${NAME}`, import.meta.url));
const text = bytes.toString('utf8');
const SOURCE = { name: NAME, mediaType: 'text/plain' as const, sha256: '' };

const tableLines = (blocks: readonly Block[]): Line[] =>
  blocks.flatMap((b) => b.table?.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) ?? []);

describe('space-aligned text (pdftotext -layout): tables read from character positions', () => {
  it('gives one task record per row, with every field in its column', async () => {
    const doc = await ingest({ name: NAME, bytes });
    const tasks = extractTasks(segmentDocument(doc));
    expect(tasks.map((t) => [t.section.code, t.stt])).toEqual([
      ['I', '1'],
      ['I', '2'],
      // A section label set one space before its title (II Số hóa…) still opens the section.
      ['II', '3'],
      ['II', '4'],
    ]);
    expect(tasks[0]).toMatchObject({
      task: 'Ban hành quy chế quản lý tài liệu lưu trữ điện tử',
      leadAgencies: ['Sở Nội vụ'],
      partnerAgencies: ['Sở Tư pháp', 'Văn phòng UBND tỉnh'],
      output: 'Quy chế được ban hành',
      deadline: { raw: 'Quý II/2026' },
    });
    // Row 2 goes on over a form feed, a page number and the repeated header.
    expect(tasks[1]).toMatchObject({
      task: 'Đầu tư kho lưu trữ số tập trung của tỉnh, kết nối với Trung tâm dữ liệu tỉnh và hệ thống quản lý văn bản.',
      output: 'Kho lưu trữ số được đưa vào vận hành',
      deadline: { raw: 'Năm 2027' },
    });
    expect(tasks[2]).toMatchObject({ leadAgencies: ['Trung tâm Lưu trữ lịch sử'], deadline: { raw: 'Hằng năm đến năm 2028' } });
    // The task cell runs up to one space before the lead cell: the squeezed gutter still parts them.
    expect(tasks[3]).toMatchObject({
      task: 'Tổ chức tập huấn số hóa cho công chức làm công tác văn thư, lưu trữ',
      leadAgencies: ['Sở Nội vụ'],
      partnerAgencies: ['UBND các xã, phường'],
      deadline: { raw: 'Nhiệm vụ thường xuyên' },
    });
  });

  it('cuts only a row label off the rest of its line: a wrapped cell line opening with a number stays whole', async () => {
    const table = [
      '     STT   Nhiệm vụ                       Cơ quan chủ trì      Thời hạn',
      '',
      '     1     Số hóa hồ sơ lưu trữ trong     Sở Nội vụ            Quý II/2026',
      '           30 ngày kể từ ngày ký',
    ].join('\n');
    const doc = await ingest({ name: 'table.txt', bytes: new TextEncoder().encode(table) });
    const row = doc.pages[0]!.blocks.find((b) => b.table)!.table!.rows[0]!;
    expect(row.cells.map((c) => c.lines.map((l) => l.text))).toEqual([['1'], ['Số hóa hồ sơ lưu trữ trong', '30 ngày kể từ ngày ký'], ['Sở Nội vụ'], ['Quý II/2026']]);
  });

  it('keeps lines at their file lines: those read from positions boxed in character cells, the others as they were', () => {
    const plain = documentFromText(SOURCE, text);
    const doc = withTextLayout(plain);
    const fileLines = text.split('\n').map((l) => l.replace(/^\f/, ''));
    const lines = doc.pages.flatMap((p) => p.blocks.flatMap((b) => [...b.lines, ...tableLines([b])]));
    for (const line of lines) {
      const box = line.prov.bbox;
      if (!box) {
        expect(line.text).toBe(fileLines[line.prov.line - 1]);
        continue;
      }
      expect(box.y0).toBe(line.prov.line - 1);
      // The line's first word stands in the file line at the box's column.
      const first = line.text.trim().split(' ')[0]!;
      expect([...fileLines[line.prov.line - 1]!].slice(box.x0, box.x0 + [...first].length).join('')).toBe(first);
    }
    const numbers = doc.pages.slice(1).map((p) => p.blocks.find((b) => b.kind === 'page-header')?.lines[0]?.text.trim());
    expect(numbers).toEqual(['2', '3']);
    // The table went on over the form feed: its rows were joined into the table of page 2.
    expect(doc.pages[2]!.blocks.some((b) => b.table)).toBe(false);
  });

  it('reads side-by-side columns as two blocks, left then right: issuer beside the motto, recipients beside the signer', async () => {
    const doc = await ingest({ name: NAME, bytes });
    const [first] = doc.pages[0]!.blocks;
    expect(first!.lines.map((l) => l.text)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH BẮC TRUNG']);
    const meta = segmentDocument(doc).documents[0]!.meta;
    expect(meta).toMatchObject({
      issuer: { name: 'ỦY BAN NHÂN DÂN TỈNH BẮC TRUNG' },
      number: '41/KH-UBND',
      place: 'Bắc Trung',
      date: '2026-03-12',
      signer: { name: 'Trần Văn Minh', title: 'CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN' },
      recipients: ['Bộ Nội vụ', 'Các sở, ban, ngành', 'Lưu: VT'],
    });
  });

  it('is left unread when the text is to be written back in its own layout (sohoa repair)', async () => {
    const doc = await ingest({ name: NAME, bytes }, { keepTextLayout: true });
    expect(documentToText(doc)).toBe(text.replace(/\n$/, ''));
  });

  it('leaves other text unchanged: tab-separated tables, wide blanks left for a number and date', () => {
    const tabbed = 'Phụ lục\nSTT\tNhiệm vụ\tCơ quan chủ trì\n1\tXây dựng kho dữ liệu\tSở Nội vụ\n';
    const narrative = 'STT  là số thứ tự của nhiệm vụ.\nCác nhiệm vụ được giao tại Phụ lục.\n';
    const blanks = '(Kèm theo Quyết định số        /QĐ-BNV ngày       tháng 4 năm 2025)\n';
    const fullWidth = 'Nơi nhận:                   KT. BỘ TRƯỞNG\nCác nhiệm vụ được giao tại Phụ lục kèm theo Kế hoạch này và báo cáo\n';
    for (const t of [tabbed, narrative, blanks, fullWidth]) {
      const plain = documentFromText(SOURCE, t);
      const doc = withTextLayout(plain);
      expect(doc).toEqual(plain);
      expect(documentToText(doc)).toBe(t.replace(/\n$/, ''));
    }
  });
});
