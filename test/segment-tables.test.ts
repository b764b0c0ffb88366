import { describe, expect, it } from 'vitest';
import { extractTasks } from '../pipeline/emit/index.ts';
import type { Document, Line, TableRow } from '../pipeline/model/document.ts';
import { documentFromText } from '../pipeline/model/text.ts';
import { segmentDocument } from '../pipeline/segment/index.ts';

const SOURCE = { name: 't.txt', mediaType: 'text/plain' as const, sha256: '' };
const line = (text: string, n: number, page = 1): Line => ({ text, prov: { page, line: n } });

describe('appendix tables rebuilt from geometry (Block.table)', () => {
  it('reads header, section rows and merges a row continued on the next page', () => {
    let n = 10;
    const row = (cells: string[], page: number, continued = false): TableRow => ({
      cells: cells.map((c, column) => ({ column, lines: c ? [line(c, n++, page)] : [] })),
      page,
      ...(continued ? { continued: true } : {}),
    });
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành'];
    const doc: Document = {
      source: SOURCE,
      pages: [
        {
          number: 1,
          path: 'text-layer',
          blocks: [
            { kind: 'text', lines: [line('Phụ lục', 1), line('DANH MỤC NHIỆM VỤ', 2)] },
            {
              kind: 'table',
              lines: [],
              table: {
                header,
                rows: [row(['I', 'Hạ tầng số', '', '', ''], 1), row(['1', 'Xây dựng trung tâm dữ liệu', 'Sở Nội vụ', 'Sở Tài chính và các sở, ngành', 'Quý IV/2026'], 1)],
              },
            },
          ],
        },
        {
          number: 2,
          path: 'text-layer',
          blocks: [
            {
              kind: 'table',
              lines: [],
              table: { header, rows: [row(['', 'của tỉnh', '', '', ''], 2, true), row(['2', 'Đào tạo cán bộ', 'Sở Nội vụ', '', 'Năm 2027'], 2)] },
            },
          ],
        },
      ],
    };
    const seg = segmentDocument(doc);
    const table = seg.documents[0]!.appendices[0]!.tables[0]!;
    expect(table.layout).toBe('geometry');
    expect(table.rows.map((r) => [r.kind, r.cells[0], r.cells[1], r.merged])).toEqual([
      ['section', 'I', 'Hạ tầng số', 1],
      ['item', '1', 'Xây dựng trung tâm dữ liệu của tỉnh', 2],
      ['item', '2', 'Đào tạo cán bộ', 1],
    ]);
    const tasks = extractTasks(seg);
    expect(tasks.map((t) => [t.section.code, t.stt, t.partnerAgencies, t.deadline?.by])).toEqual([
      ['I', '1', ['Sở Tài chính', 'Các sở, ngành'], '2026-Q4'],
      ['I', '2', [], '2027'],
    ]);
  });
});

describe('appendix tables flattened by OCR', () => {
  // Two sections; each row's task text on the left, the narrow columns after a | rule,
  // the STT on the row's middle line, the header repeated on a new page.
  const text = [
    'Phụ lục',
    'STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Sản phẩm đầu ra Thời hạn hoàn thành',
    'I Phát triển hạ tầng số của ngành',
    'Xây dựng và vận hành trung tâm dữ liệu tập trung của ngành, bảo | Nhiệm vụ',
    '1 |đảm kết nối với các cơ sở dữ liệu quốc gia và chuyên ngành|Bộ Nội vụ| Bộ Công an | thường xuyên',
    'theo đúng quy định của pháp luật về dữ liệu. | đến năm 2030',
    'Nâng cấp hệ thống thông tin quản lý văn bản và điều hành của | Hoàn thành',
    '2 |các cơ quan, đơn vị trong ngành trên môi trường số thống|Bộ Nội vụ| Các bộ, ngành | trong năm',
    'nhất từ trung ương đến địa phương. | 2026',
    'Cơ quan Cơ quan Sản phẩm Thời hạn',
    'STT Nhiệm vụ chủ trì phối hợp đầu ra hoàn thành',
    'II Đào tạo nguồn nhân lực số',
    'Tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức | Theo lộ',
    '1 |của ngành theo chương trình được cấp có thẩm quyền phê|Bộ Nội vụ| Bộ Khoa học | trình',
    'duyệt hằng năm. |',
  ].join('\n');

  it('finds sections and rows, the task text, the lead on the STT line and the deadline words', () => {
    const tasks = extractTasks(segmentDocument(documentFromText(SOURCE, text), { agencies: ['Bộ Nội vụ', 'Bộ Công an'] }));
    expect(tasks.map((t) => [t.section.code, t.stt, t.leadAgencies, t.deadline?.kind, t.deadline?.years])).toEqual([
      ['I', '1', ['Bộ Nội vụ'], 'recurring', [2030]],
      ['I', '2', ['Bộ Nội vụ'], 'by-date', [2026]],
      ['II', '1', ['Bộ Nội vụ'], 'per-roadmap', []],
    ]);
    expect(tasks[0]!.task).toBe(
      'Xây dựng và vận hành trung tâm dữ liệu tập trung của ngành, bảo đảm kết nối với các cơ sở dữ liệu quốc gia và chuyên ngành theo đúng quy định của pháp luật về dữ liệu.',
    );
    expect(tasks.every((t) => t.confidence < 0.7)).toBe(true);
  });
});
