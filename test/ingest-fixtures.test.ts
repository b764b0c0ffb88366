import { describe, expect, it } from 'vitest';
import { layoutText, renderedGoldText, renderTextPages } from '../fixtures/generator/index.ts';
import { parseCleanText } from '../fixtures/generator/source.ts';

const TEXT = ['KẾ HOẠCH', 'Triển khai chuyển đổi số năm 2026.', 'STT\tNhiệm vụ\tCơ quan chủ trì', '1\tSố hóa hồ sơ\tSở Nội vụ', 'STT\tNhiệm vụ\tCơ quan chủ trì', '\tlưu trữ\t', '2\tBồi dưỡng kỹ năng số\tSở Nội vụ'].join('\n');

describe('fixture generator', () => {
  it('is deterministic: the same text, seed and dpi give the same page images; another seed does not', async () => {
    const a = await renderTextPages(TEXT, { seed: 3, dpi: 150 });
    const b = await renderTextPages(TEXT, { seed: 3, dpi: 150 });
    const c = await renderTextPages(TEXT, { seed: 4, dpi: 150 });
    expect(a).toHaveLength(1);
    expect(Buffer.from(a[0]!).equals(Buffer.from(b[0]!))).toBe(true);
    expect(Buffer.from(a[0]!).equals(Buffer.from(c[0]!))).toBe(false);
  });

  it('drops repeated table headers and joins rows continued after a page break in the source', () => {
    const table = parseCleanText(TEXT).find((i) => i.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      header: ['STT', 'Nhiệm vụ', 'Cơ quan chủ trì'],
      rows: [
        ['1', 'Số hóa hồ sơ lưu trữ', 'Sở Nội vụ'],
        ['2', 'Bồi dưỡng kỹ năng số', 'Sở Nội vụ'],
      ],
    });
    expect(renderedGoldText(TEXT).split('\n').filter((l) => l.startsWith('STT'))).toHaveLength(1);
  });

  it('breaks long tables over pages, repeating the header and numbering pages from the second', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `${i + 1}\tNhiệm vụ số ${i + 1} về chuyển đổi số của cơ quan\tSở Nội vụ`);
    const pages = layoutText(['STT\tNhiệm vụ\tCơ quan chủ trì', ...rows].join('\n'));
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page.runs.filter((r) => r.text === 'STT')).toHaveLength(1);
      if (i > 0) expect(page.runs[0]!.text).toBe(String(i + 1));
    }
  });
});
