import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTasks } from '../pipeline/emit/index.ts';
import type { Document, Line, TableRow } from '../pipeline/model/document.ts';
import { documentFromText } from '../pipeline/model/text.ts';
import { segmentDocument } from '../pipeline/segment/index.ts';
import { closestKnownAgency } from '../pipeline/segment/ocr-agencies.ts';
import { restoreYears } from '../pipeline/segment/ocr-deadline.ts';
import { pipeTableLines } from '../pipeline/segment/pipe-table.ts';

const SOURCE = { name: 't.txt', mediaType: 'text/plain' as const, sha256: '' };
const line = (text: string, n: number, page = 1): Line => ({ text, prov: { page, line: n } });
let lineNumber = 10;
/** A table row whose cells are one line each (none for an empty cell), numbered in turn. */
const row = (cells: string[], page = 1): TableRow => ({ cells: cells.map((c, column) => ({ column, lines: c ? [line(c, lineNumber++, page)] : [] })), page });

describe('appendix tables rebuilt from geometry (Block.table)', () => {
  it('reads header, section rows and merges a row continued on the next page', () => {
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
              table: { header, rows: [row(['', 'của tỉnh', '', '', ''], 2), row(['2', 'Đào tạo cán bộ', 'Sở Nội vụ', '', 'Năm 2027'], 2)] },
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

describe('appendix tables rebuilt from geometry with a header the OCR damaged', () => {
  const tableDoc = (header: string[], rows: TableRow[]): Document => ({
    source: SOURCE,
    pages: [
      {
        number: 1,
        path: 'ocr',
        blocks: [
          { kind: 'text', lines: [line('Phụ lục', 1), line('DANH MỤC NHIỆM VỤ', 2)] },
          { kind: 'table', lines: [], table: { header, rows } },
        ],
      },
    ],
  });
  const body = (): TableRow[] => [
    row(['1', 'Rà soát hồ sơ lưu trữ đến hạn nộp lưu', 'Sở Nội vụ', 'Các sở, ngành', 'Tháng 9/2026', '']),
    row(['2', 'Số hóa hồ sơ địa chính', 'Sở Nông nghiệp và Môi trường', 'Sở Nội vụ', 'Năm 2027', 'Theo lộ trình']),
  ];
  const read = (doc: Document): [string, string | undefined, string[], string | undefined][] =>
    extractTasks(segmentDocument(doc)).map((t) => [t.stt, t.task, t.leadAgencies, t.deadline?.by]);
  const expected = [
    ['1', 'Rà soát hồ sơ lưu trữ đến hạn nộp lưu', ['Sở Nội vụ'], '2026-09'],
    ['2', 'Số hóa hồ sơ địa chính', ['Sở Nông nghiệp và Môi trường'], '2027'],
  ];

  it('takes a first row of column names as the header when TT was read as a row letter (T)', () => {
    // Ingest saw `T` as a row label, so it found no header and kept the names as a row.
    const names = row(['T', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành', 'Ghi chú']);
    expect(read(tableDoc(['', '', '', '', '', ''], [names, ...body()]))).toEqual(expected);
  });

  it('reads the column after the numbering as the tasks when its name is garbled', () => {
    const header = ['STT', 'Nội .wvws dung "việc công', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện', 'Ghi chú'];
    expect(read(tableDoc(header, body()))).toEqual(expected);
  });

  it('reads the numbering column when the OCR read its rule into the name (STTI.), without a Phụ lục label', () => {
    const header = ['STTI.', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành', 'Ghi chú'];
    const doc = tableDoc(header, body());
    // The table is attached under its own title, with no Phụ lục label above it.
    doc.pages[0]!.blocks[0] = { kind: 'text', lines: [line('DANH MỤC NHIỆM VỤ', 2)] };
    expect(read(doc)).toEqual(expected);
  });

  it('reads the numbering column when the OCR split a letter of its name and read specks beside it (STIT._)', () => {
    const header = ['STIT._', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn hoàn thành', 'Ghi chú'];
    expect(read(tableDoc(header, body()))).toEqual(expected);
  });

  it('reads a column whose name the OCR broke with a speck (Cơ quan phối “hợp) as the partners', () => {
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối “hợp', 'Thời hạn hoàn thành', 'Ghi chú'];
    expect(extractTasks(segmentDocument(tableDoc(header, body()))).map((t) => t.partnerAgencies)).toEqual([['Các sở, ngành'], ['Sở Nội vụ']]);
  });

  it('reads a lead column whose name lost a letter of trì (Đơn vị chủ tì.) as the lead, not as agencies of both roles', () => {
    const header = ['STT', 'Nhiệm vụ', 'Đơn vị chủ tì.', 'Đơn vị phối hợp', 'Thời hạn hoàn thành', 'Ghi chú'];
    expect(read(tableDoc(header, body()))).toEqual(expected);
  });

  it('does not take a row of a task table for a header, however its cells read', () => {
    // Short cells that name column words (giải pháp, Các cơ quan, đơn vị, kết quả): still a row, as it is numbered.
    const rows = [row(['3', 'Tổng hợp giải pháp', 'Sở Nội vụ', 'Các cơ quan, đơn vị', 'Báo cáo kết quả', 'Năm 2026']), ...body()];
    const header = ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Sản phẩm', 'Thời hạn'];
    expect(read(tableDoc(header, rows)).map((r) => r[0])).toEqual(['3', '1', '2']);
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

/**
 * A document as repair leaves it: the repaired text, and for the given lines the text OCR
 * printed, word for word (each changed word becomes a token carrying its original).
 */
function repairedDocument(repaired: string[], printed: Record<number, string>): Document {
  const doc = documentFromText(SOURCE, repaired.join('\n'));
  for (const block of doc.pages.flatMap((p) => p.blocks)) {
    for (const l of block.lines) {
      const read = printed[l.prov.line - 1];
      if (read === undefined) continue;
      const words = [...l.text.matchAll(/\S+/g)];
      const originals = read.split(/\s+/);
      expect(originals.length).toBe(words.length);
      l.tokens = words.map((m, k) => ({
        text: m[0],
        kind: 'word' as const,
        column: m.index ?? 0,
        confidence: 0.9,
        ...(originals[k] !== m[0] ? { original: originals[k]! } : {}),
      }));
    }
  }
  return doc;
}

describe('flattened OCR tables: lead and deadline cells read across the whole table', () => {
  // Five rows led by Sở Y tế; the body names the agencies. Row 2's lead was printed `S& Y te`
  // and repair made it another agency; row 3's lead cell is OCR debris; row 4's deadline year
  // lost a digit; row 5's STT was printed `5` and repaired into a word, and its lead cell holds
  // a ministry over a local authority wrapped over three lines.
  const repaired = [
    'Sở Y tế chủ trì, phối hợp với Sở Tài chính và Ủy ban nhân dân các huyện thực hiện Kế hoạch.',
    'Sở Y tế báo cáo kết quả thực hiện.',
    'Phụ lục',
    'STT Nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Sản phẩm đầu ra Thời hạn hoàn thành',
    'I Nâng cao chất lượng khám chữa bệnh',
    'Triển khai bệnh án điện tử tại các bệnh viện công lập trên địa | Nhiệm vụ',
    '1 |bàn tỉnh, kết nối liên thông dữ liệu với hệ thống của ngành|Sở Y tế| Sở Tài chính | thường xuyên',
    'theo đúng lộ trình được phê duyệt tại kế hoạch này. | đến năm 2030',
    'Xây dựng kho dữ liệu y tế dùng chung phục vụ công tác chỉ đạo | Hoàn thành',
    '2 |điều hành và cung cấp thông tin cho người dân, doanh nghiệp|Bộ Y tế| Các sở, ngành | trong năm',
    'khi có nhu cầu tra cứu theo quy định của pháp luật. | 2026',
    'Đào tạo kỹ năng số cho đội ngũ nhân viên y tế tuyến cơ sở theo | Nhiệm vụ',
    '3 |chương trình bồi dưỡng hằng năm của ngành y tế trên địa bàn|~ ;| Sở Nội vụ | thường xuyên',
    'tỉnh để bảo đảm vận hành các hệ thống thông tin đã triển khai. | đến năm 2030',
    'Nâng cấp hạ tầng mạng và thiết bị của các trạm y tế xã bảo | Nhiệm vụ',
    '4 |đảm đủ điều kiện triển khai hồ sơ sức khỏe điện tử cho toàn|Sở Y tế| Sở Tài chính | thường xuyên',
    'bộ người dân trên địa bàn theo hướng dẫn của cấp trên. | đến năm 203',
    'Số hóa hồ sơ lưu trữ của các cơ sở khám bệnh, chữa bệnh trên|Sở Y tế,| | Nhiệm vụ',
    'tổ |địa bàn, bảo đảm kết nối chia sẻ dữ liệu với các cơ sở dữ| UBND các | Sở Tài chính | thường xuyên',
    'liệu chuyên ngành theo đúng quy định hiện hành. | huyện | đến năm 2030',
  ];
  const printed = {
    8: 'Xay dung kho dit lieu y te dung chung phuc vu cong tac chi dao | Hoan thanh',
    9: '2 |dieu hanh va cung cap thong tin cho nguoi dan, doanh nghiep|S& Y te| Cac so, nganh | trong nam',
    18: '5 |dia ban, bao dam ket noi chia se du lieu voi cac co so du| UBND cac | So Tai chinh | thuong xuyen',
  };

  it('reads damaged leads against the table and the body, restores years and row numbers, marks inferred leads', () => {
    const tasks = extractTasks(segmentDocument(repairedDocument(repaired, printed), { agencies: ['Sở Tài chính', 'Sở Nội vụ'] }));
    expect(tasks.map((t) => [t.stt, t.leadAgencies, t.deadline?.kind, t.deadline?.years])).toEqual([
      ['1', ['Sở Y tế'], 'recurring', [2030]],
      // Printed S& Y te: repair's Bộ Y tế does not keep the printed head letter.
      ['2', ['Sở Y tế'], 'by-date', [2026]],
      // Unreadable: the table's dominant lead, marked as inferred.
      ['3', ['Sở Y tế'], 'recurring', [2030]],
      // `203`: one digit from 2030, which the table reads intact.
      ['4', ['Sở Y tế'], 'recurring', [2030]],
      ['5', ['Sở Y tế', 'UBND các huyện'], 'recurring', [2030]],
    ]);
    const rows = segmentDocument(repairedDocument(repaired, printed), { agencies: [] }).documents[0]!.appendices[0]!.tables[0]!.rows;
    expect(rows.filter((r) => r.inferred?.includes('lead')).map((r) => r.cells[0])).toEqual(['3']);
    expect(tasks[2]!.confidence).toBeLessThan(tasks[0]!.confidence);
  });
});

describe('agency names and years through OCR damage', () => {
  it('closestKnownAgency: the name whose letters are nearest, after debris, cut by the line end, helped by the prior', () => {
    const known = ['Sở Tài chính', 'Sở Y tế', 'Bộ Nội vụ', 'Bộ Tài chính'];
    // `Tài chính` past the lead column's width is the next column's: not `Sở Tài chính`.
    expect(closestKnownAgency('B3 N&; Tai chinh va', known.slice(0, 3), 12).name).toBe('Bộ Nội vụ');
    expect(closestKnownAgency('ciu[Bd Nbi vu| B6', known, 12).name).toBe('Bộ Nội vụ');
    expect(closestKnownAgency('Bộ Nội', known, 12).name).toBe('Bộ Nội vụ');
    expect(closestKnownAgency('~ ; . ,', known, 12).name).toBe('');
    const prior = (n: string) => (n === 'Bộ Tài chính' ? 0.2 : 0);
    expect(closestKnownAgency('B6 Tai chin', known, 12, prior).name).toBe('Bộ Tài chính');
  });

  it('restoreYears: a damaged year after năm becomes the known year one digit away, intact years stay', () => {
    expect(restoreYears('đến năm 253 0', ['2030', '2026'])).toBe('đến năm 2030');
    expect(restoreYears('dén nzlgm 030', ['2030'])).toBe('dén nzlgm 2030');
    expect(restoreYears('trong năm 2026, 2027', ['2030'])).toBe('trong năm 2026, 2027');
    expect(restoreYears('đến năm 1987', ['2030'])).toBe('đến năm 1987');
    expect(restoreYears('đến năm 203', [])).toBe('đến năm 203');
  });
});

describe('Markdown pipe tables (a document converter’s export)', () => {
  it('finds a table by its delimiter row, not by pipes alone', () => {
    const lines = ['Kế hoạch', '| STT | Nhiệm vụ |', '|:---:|---|', '| 1 | Rà soát a \\| b |', 'Văn bản tiếp', '6 |céc co so dit lidu |BoN6i vu |thuong xuyén', '| 2 | dòng OCR có gạch dọc |'];
    expect(pipeTableLines(lines)).toEqual([
      undefined,
      { kind: 'row', cells: ['STT', 'Nhiệm vụ'] },
      { kind: 'delimiter' },
      { kind: 'row', cells: ['1', 'Rà soát a | b'] },
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reads the appendix table as rows and the header and signature tables as text, cell by cell', () => {
    const text = readFileSync(new URL('../fixtures/layouts/ke-hoach-markdown.md', import.meta.url), 'utf8');
    const seg = segmentDocument(documentFromText({ ...SOURCE, name: 'ke-hoach-markdown.md' }, text));
    const { meta } = seg.documents[0]!;
    expect(meta).toMatchObject({ number: '112/KH-UBND', type: 'Kế hoạch', place: 'Quảng Trị', date: '2026-05-14', subject: 'Thực hiện số hóa tài liệu lưu trữ giai đoạn 2026 - 2028' });
    expect(meta.issuer.name).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ');
    expect(meta.signer).toEqual({ name: 'Hoàng Nam', title: 'PHÓ CHỦ TỊCH', authority: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH' });
    expect(meta.recipients).toEqual(['Bộ Nội vụ', 'Lưu: VT, NC']);
    const tasks = extractTasks(seg);
    expect(tasks.map((t) => [t.section.code, t.stt, t.leadAgencies, t.partnerAgencies, t.deadline?.raw])).toEqual([
      ['I', '1', ['Sở Nội vụ'], ['Sở Tư pháp', 'Văn phòng UBND tỉnh'], 'Quý III/2026'],
      ['I', '2', ['Sở Nội vụ'], ['Các sở, ban, ngành'], 'Năm 2026'],
      ['II', '3', ['Sở Xây dựng'], ['Sở Tài chính', 'Sở Nội vụ'], 'Năm 2027'],
      ['II', '4', ['Sở Nội vụ'], ['UBND các xã, phường'], 'Hằng năm'],
    ]);
    // A cell's <br> is a space, an escaped pipe a pipe; emphasis marks are gone.
    expect(tasks[2]!.task).toBe('Nâng cấp kho lưu trữ chuyên dụng của tỉnh (bao gồm hệ thống giá, kệ)');
    expect(tasks[3]!.task).toBe('Đào tạo kỹ năng số hóa cho công chức văn thư | lưu trữ');
    expect(tasks[0]!.section.title).toBe('HOÀN THIỆN THỂ CHẾ');
  });
});

describe('Markdown pipe tables against tab-separated ones', () => {
  /** The tab-separated rows of a text as pipe tables: a delimiter row under the first row of each run. */
  const asPipeTables = (text: string): string =>
    text
      .split('\n')
      .flatMap((l, i, all) => {
        if (!l.includes('\t')) return [l];
        const cells = l.split('\t').map((c) => c.trim().replace(/\|/g, '\\|'));
        const row = `| ${cells.join(' | ')} |`;
        return all[i - 1]?.includes('\t') ? [row] : [row, `|${cells.map(() => '---').join('|')}|`];
      })
      .join('\n');
  const records = (text: string) => extractTasks(segmentDocument(documentFromText(SOURCE, text))).map(({ source: _, ...r }) => r);

  it('gives the same task records, a table broken by a page (exported without its header row) included', () => {
    // Seed 002's appendix is cut by blank lines, and a part opens with a task row, not the header.
    const text = readFileSync(new URL('../fixtures/seeds/002_8ec6eec61fe1c18f.txt', import.meta.url), 'utf8');
    const piped = asPipeTables(text);
    expect(piped.match(/^\|---/gm)!.length).toBeGreaterThan(1);
    expect(records(piped)).toEqual(records(text));
    expect(records(text)).toHaveLength(51);
  });
});

describe('a two-level header in tab-separated text', () => {
  it('names each column under a spanning name after both levels (Cơ quan thực hiện: Chủ trì, Phối hợp)', () => {
    const text = [
      'DANH MỤC NHIỆM VỤ',
      '',
      'STT\tNhiệm vụ\tCơ quan thực hiện\t\tThời hạn\tSản phẩm',
      '\t\tChủ trì\tPhối hợp\t\t',
      '1\tRà soát hồ sơ\tSở Nội vụ\tCác sở, ngành\tTháng 9/2026\tBáo cáo',
      '2\tSố hóa hồ sơ\tVăn phòng\t\tNăm 2027\tDữ liệu',
    ].join('\n');
    const segmented = segmentDocument(documentFromText(SOURCE, text));
    expect(segmented.documents[0]!.appendices[0]!.tables[0]!.header).toEqual(['STT', 'Nhiệm vụ', 'Cơ quan thực hiện Chủ trì', 'Cơ quan thực hiện Phối hợp', 'Thời hạn', 'Sản phẩm']);
    expect(extractTasks(segmented).map((t) => [t.stt, t.leadAgencies, t.partnerAgencies, t.deadline?.raw, t.output])).toEqual([
      ['1', ['Sở Nội vụ'], ['Các sở, ngành'], 'Tháng 9/2026', 'Báo cáo'],
      ['2', ['Văn phòng'], [], 'Năm 2027', 'Dữ liệu'],
    ]);
  });
});

describe('a section heading set whole in the STT cell', () => {
  const records = (rows: string[]) =>
    extractTasks(segmentDocument(documentFromText(SOURCE, ['DANH MỤC NHIỆM VỤ', '', 'STT\tNhiệm vụ\tCơ quan chủ trì\tThời hạn', ...rows].join('\n')))).map((r) => [r.section.code, r.section.title ?? '', r.stt, r.task ?? '']);

  it('reads its numeral as the section and the rest as its title (I. CÔNG TÁC CHUẨN BỊ, A. TRƯỚC MÙA LŨ, 1. TRIỂN KHAI)', () => {
    expect(records(['I. CÔNG TÁC CHUẨN BỊ\t\t\t', '1\tRà soát hồ sơ\tSở Nội vụ\tTháng 9/2026', 'II. TRIỂN KHAI\t\t\t', '2\tSố hóa hồ sơ\tVăn phòng\tNăm 2027'])).toEqual([
      ['I', 'CÔNG TÁC CHUẨN BỊ', '1', 'Rà soát hồ sơ'],
      ['II', 'TRIỂN KHAI', '2', 'Số hóa hồ sơ'],
    ]);
    expect(records(['A. TRƯỚC MÙA LŨ\t\t\t', '1\tRà soát hồ sơ\tSở Nội vụ\tTháng 9/2026'])).toEqual([['A', 'TRƯỚC MÙA LŨ', '1', 'Rà soát hồ sơ']]);
    expect(records(['1. TRIỂN KHAI\t\t\t', '1.1\tRà soát hồ sơ\tSở Nội vụ\tTháng 9/2026'])).toEqual([['1', 'TRIỂN KHAI', '1.1', 'Rà soát hồ sơ']]);
  });

  it('opens no section at a number before text in lower case: that is no heading', () => {
    expect(records(['1. Rà soát hồ sơ lưu trữ\t\t\t', '2\tSố hóa hồ sơ\tVăn phòng\tNăm 2027']).map((r) => r[0])).toEqual(['']);
  });
});
