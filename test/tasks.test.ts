import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTasks, normaliseDeadline, readAgencyRoles, splitAgencies, type TaskRecord } from '../pipeline/emit/index.ts';
import { schemaErrors, validateTask } from '../schemas/index.ts';
import { segmentText } from './support/segment.ts';

function tasksOf(seed: string): TaskRecord[] {
  const text = readFileSync(new URL(`../fixtures/seeds/${seed}.txt`, import.meta.url), 'utf8');
  return extractTasks(segmentText(`${seed}.txt`, text));
}

function gold(seed: string): TaskRecord[] {
  return readFileSync(new URL(`../fixtures/gold/tasks/${seed}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TaskRecord);
}

const plain = <T>(x: T) => JSON.parse(JSON.stringify(x)) as T;
const key = (r: TaskRecord) => `${r.appendix}|${r.section.code}|${r.stt}`;
const FIELDS = ['task', 'indicator', 'unit', 'target', 'leadAgencies', 'partnerAgencies', 'output', 'deadline'] as const;

describe('task records from the clean seeds', () => {
  for (const seed of ['000_628a5ca53779184f', '002_8ec6eec61fe1c18f', '004_91fa2b9411a76217']) {
    it(`${seed}: every row found, every field exact`, () => {
      expect(plain(tasksOf(seed))).toEqual(gold(seed));
    });
  }

  it('000: the 62 rows of QĐ 350 in sections I–X with 4, 6, 6, 12, 10, 5, 4, 4, 7, 4 rows', () => {
    const counts = new Map<string, number>();
    for (const r of tasksOf('000_628a5ca53779184f')) counts.set(r.section.code, (counts.get(r.section.code) ?? 0) + 1);
    expect([...counts]).toEqual([['I', 4], ['II', 6], ['III', 6], ['IV', 12], ['V', 10], ['VI', 5], ['VII', 4], ['VIII', 4], ['IX', 7], ['X', 4]]);
  });

  it('004: 36 rows numbered 1.–36. across sections I–VIII', () => {
    const rows = tasksOf('004_91fa2b9411a76217');
    expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: 36 }, (_, i) => `${i + 1}`));
    expect([...new Set(rows.map((r) => r.section.code))]).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
  });

  it('003 (PDF text layer): ≥ 98% of rows found and ≥ 95% of fields exact', () => {
    const got = new Map(tasksOf('003_cd54905beb253b6c').map((r) => [key(r), plain(r)]));
    const want = gold('003_cd54905beb253b6c');
    let found = 0;
    let exact = 0;
    let fields = 0;
    for (const g of want) {
      const p = got.get(key(g));
      if (p) found++;
      for (const f of FIELDS) {
        if (g[f] === undefined) continue;
        fields++;
        if (p && JSON.stringify(p[f]) === JSON.stringify(g[f])) exact++;
      }
    }
    expect(found / want.length).toBeGreaterThanOrEqual(0.98);
    expect(exact / fields).toBeGreaterThanOrEqual(0.95);
  });

  it('003: indicator rows carry indicator, unit and target', () => {
    const r = tasksOf('003_cd54905beb253b6c').find((x) => x.appendix === 'Phụ lục I' && x.stt === '1.1')!;
    expect([r.kind, r.unit, r.target, r.task]).toEqual(['indicator', '%', '≥ 80', undefined]);
  });

  it('every record of every seed validates against task.schema.json, ids are unique', () => {
    for (const seed of ['000_628a5ca53779184f', '002_8ec6eec61fe1c18f', '003_cd54905beb253b6c', '004_91fa2b9411a76217']) {
      const records = tasksOf(seed);
      for (const r of records) expect(validateTask(plain(r)), schemaErrors(validateTask)).toBe(true);
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    }
  });
});

describe('splitAgencies', () => {
  it('keeps "và" and commas inside names and splits between agencies and groups', () => {
    expect(splitAgencies('Bộ Khoa học và Công nghệ, Bộ Công an và các bộ, ngành, địa phương liên quan')).toEqual([
      'Bộ Khoa học và Công nghệ',
      'Bộ Công an',
      'Các bộ, ngành, địa phương liên quan',
    ]);
    expect(splitAgencies('Bộ Nội vụ, UBND các tỉnh, thành phố')).toEqual(['Bộ Nội vụ', 'UBND các tỉnh, thành phố']);
    expect(splitAgencies('Cục Tiền lương và Bảo hiểm xã hội')).toEqual(['Cục Tiền lương và Bảo hiểm xã hội']);
    expect(splitAgencies('Viện Khoa học Tổ chức nhà nước và Lao động và các đơn vị liên quan')).toEqual([
      'Viện Khoa học Tổ chức nhà nước và Lao động',
      'Các đơn vị liên quan',
    ]);
    expect(splitAgencies('Sở Khoa học và Công nghệ; Công an thành phố; các sở, ban, ngành, UBND các xã, phường')).toEqual([
      'Sở Khoa học và Công nghệ',
      'Công an thành phố',
      'Các sở, ban, ngành',
      'UBND các xã, phường',
    ]);
    expect(splitAgencies('Bộ Công an (Trung tâm Dữ liệu quốc gia, Cục C06), Bộ Y tế')).toEqual(['Bộ Công an (Trung tâm Dữ liệu quốc gia, Cục C06)', 'Bộ Y tế']);
  });

  it('keeps the office of two or three bodies whole, and still splits an office from another body', () => {
    expect(splitAgencies('Văn phòng HĐND và UBND xã')).toEqual(['Văn phòng HĐND và UBND xã']);
    expect(splitAgencies('Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh; Sở Nội vụ')).toEqual(['Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', 'Sở Nội vụ']);
    expect(splitAgencies('Văn phòng UBND tỉnh và UBND các huyện')).toEqual(['Văn phòng UBND tỉnh', 'UBND các huyện']);
  });

  it('normalises spacing and dashes to one spelling', () => {
    expect(splitAgencies('Vụ Công chức-Viên chức')).toEqual(splitAgencies('Vụ Công chức – Viên chức'));
    expect(splitAgencies('  ')).toEqual([]);
  });
});

describe('one combined agency column (Cơ quan thực hiện)', () => {
  it('tells lead from partners by label, by sentence, by brackets; a bare list is all leads', () => {
    expect(readAgencyRoles('Chủ trì: Sở Nội vụ; Phối hợp: các sở, ngành')).toEqual({ lead: ['Sở Nội vụ'], partners: ['Các sở, ngành'] });
    expect(readAgencyRoles('Cơ quan chủ trì: Bộ Công an\nCơ quan phối hợp: Bộ Quốc phòng')).toEqual({ lead: ['Bộ Công an'], partners: ['Bộ Quốc phòng'] });
    expect(readAgencyRoles('Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan')).toEqual({ lead: ['Sở Nội vụ'], partners: ['Các sở, ngành liên quan'] });
    expect(readAgencyRoles('Sở Tư pháp chủ trì; các sở, ngành phối hợp')).toEqual({ lead: ['Sở Tư pháp'], partners: ['Các sở, ngành'] });
    expect(readAgencyRoles('Sở Nội vụ (chủ trì); Sở Tài chính, Sở Tư pháp')).toEqual({ lead: ['Sở Nội vụ'], partners: ['Sở Tài chính', 'Sở Tư pháp'] });
    expect(readAgencyRoles('Văn phòng UBND tỉnh phối hợp với Sở Nội vụ')).toEqual({ lead: ['Văn phòng UBND tỉnh'], partners: ['Sở Nội vụ'] });
    expect(readAgencyRoles('Sở Nội vụ, Sở Tài chính')).toEqual({ lead: ['Sở Nội vụ', 'Sở Tài chính'], partners: [] });
  });

  it('fills lead and partner agencies of the records from it', () => {
    const text = [
      'KẾ HOẠCH',
      'Số hóa tài liệu lưu trữ năm 2026',
      '',
      'PHỤ LỤC',
      'DANH MỤC NHIỆM VỤ',
      '',
      'TT\tNhiệm vụ\tCơ quan thực hiện\tKết quả\tThời gian',
      'I\tHOÀN THIỆN THỂ CHẾ\t\t\t',
      '1\tBan hành danh mục hồ sơ điện tử\tChủ trì: Sở Nội vụ; Phối hợp: các sở, ngành\tQuyết định\tQuý II/2026',
      '2\tNâng cấp kho lưu trữ số\tSở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính\tKho lưu trữ số\tNăm 2026',
    ].join('\n');
    const records = extractTasks(segmentText('kh.txt', text));
    expect(records.map((r) => [r.stt, r.leadAgencies, r.partnerAgencies, r.output, r.deadline?.raw])).toEqual([
      ['1', ['Sở Nội vụ'], ['Các sở, ngành'], 'Quyết định', 'Quý II/2026'],
      ['2', ['Sở Khoa học và Công nghệ'], ['Sở Tài chính'], 'Kho lưu trữ số', 'Năm 2026'],
    ]);
  });
});

describe('normaliseDeadline', () => {
  const norm = (raw: string) => {
    const { raw: _raw, ...rest } = normaliseDeadline(raw);
    return rest;
  };
  it('reads the common deadline wordings', () => {
    expect(norm('Quý IV/2026')).toEqual({ kind: 'by-date', by: '2026-Q4', years: [2026] });
    expect(norm('Quý I, II/2027')).toEqual({ kind: 'by-date', by: '2027-Q2', years: [2027] });
    expect(norm('Quý II - III/2026')).toEqual({ kind: 'by-date', by: '2026-Q3', years: [2026] });
    expect(norm('6 tháng đầu năm 2026')).toEqual({ kind: 'by-date', by: '2026-06', years: [2026] });
    expect(norm('6 tháng cuối năm 2026')).toEqual({ kind: 'by-date', by: '2026-12', years: [2026] });
    expect(norm('Nhiệm vụ thường xuyên đến năm 2030')).toEqual({ kind: 'recurring', by: '2030', years: [2030] });
    expect(norm('Hoàn thành trong năm 2026')).toEqual({ kind: 'by-date', by: '2026', years: [2026] });
    expect(norm('5/2025')).toEqual({ kind: 'by-date', by: '2025-05', years: [2025] });
    expect(norm('02/9/2025')).toEqual({ kind: 'by-date', by: '2025-09-02', years: [2025] });
    expect(norm('Giai đoạn 2026 - 2030')).toEqual({ kind: 'period', from: '2026', to: '2030', years: [2026, 2030] });
    expect(norm('2025 – 2026')).toEqual({ kind: 'period', from: '2025', to: '2026', years: [2025, 2026] });
    expect(norm('Theo lộ trình được cấp có thẩm quyền giao')).toEqual({ kind: 'per-roadmap', years: [] });
    expect(norm('Sau khi Đề án được phê duyệt')).toEqual({ kind: 'after-event', years: [] });
    expect(norm('Bắt đầu triển khai từ năm 2026, nhiệm vụ thường xuyên đến năm 2030')).toEqual({
      kind: 'recurring',
      by: '2030',
      from: '2026',
      years: [2026, 2030],
    });
    expect(norm('')).toEqual({ kind: 'unknown', years: [] });
  });
});

describe('sections numbered 1, 2 over tasks 1.1, 1.2', () => {
  it('reads the numbered title rows as sections, keeping their Arabic numbers', () => {
    const text = [
      'KẾ HOẠCH',
      'Chuyển đổi số năm 2026',
      '',
      'PHỤ LỤC',
      '',
      'STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành',
      '1\tHoàn thiện thể chế\t\t\t',
      '1.1\tRà soát quy trình nội bộ\tVăn phòng Sở\tCác phòng chuyên môn\tTháng 8/2026',
      '1.2\tBan hành quy chế sử dụng chữ ký số\tVăn phòng Sở\t\tQuý III/2026',
      '2\tPhát triển dữ liệu\t\t\t',
      '2.1\tSố hóa hồ sơ cán bộ, công chức\tPhòng Công chức, viên chức\t\t31/12/2026',
    ].join('\n');
    const records = extractTasks(segmentText('kh.txt', text));
    expect(records.map((r) => [r.section.code, r.section.title, r.stt])).toEqual([
      ['1', 'Hoàn thiện thể chế', '1.1'],
      ['1', 'Hoàn thiện thể chế', '1.2'],
      ['2', 'Phát triển dữ liệu', '2.1'],
    ]);
  });
});
