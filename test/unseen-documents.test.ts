import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../dictionaries/corpus.ts';
import { loadDictionary } from '../dictionaries/load.ts';
import { renderBornDigitalPdf } from '../fixtures/generator/index.ts';
import { parseCleanText } from '../fixtures/generator/source.ts';
import { processFile, type FileResult } from '../pipeline/process.ts';

/**
 * Documents written apart from the code and the dictionaries (fixtures/unseen): other issuers,
 * sectors and table layouts. Each one's task records must give back its appendix table, row by
 * row, read as text and as a born-digital PDF.
 */
const documents = readCorpus(fileURLToPath(new URL('../fixtures/unseen/', import.meta.url)));
const dictionary = await loadDictionary();

/** Where each field stands in a table, by its header's names. */
const FIELDS: [field: string, name: RegExp][] = [
  ['task', /nhiệm vụ|nội dung/i],
  ['lead', /chủ trì/i],
  ['partners', /phối hợp/i],
  ['output', /sản phẩm|kết quả/i],
  ['deadline', /thời hạn|thời gian|tiến độ/i],
];

/**
 * Agencies as compared: in lower case, since records give each listed name a capital of its own
 * (`các địa phương` → `Các địa phương`) and a name may hold a comma (`UBND các xã, phường`); a cell
 * listing them with semicolons gives the same list as one with commas.
 */
const listed = (agencies: string): string => agencies.toLowerCase().replace(/\s*;\s*/g, ', ');

/** The table of a clean text, as the fixture generator reads it (repeated headers dropped, continued rows joined). */
function appendixTable(text: string): { header: string[]; rows: string[][] } {
  const table = parseCleanText(text).find((item) => item.kind === 'table');
  if (table?.kind !== 'table') throw new Error('no table');
  return table;
}

/** The table's rows as records state them: section and its title, STT, task, lead, partners, output, deadline. */
function tableRows(text: string): string[][] {
  const { header, rows } = appendixTable(text);
  const at = Object.fromEntries(FIELDS.map(([field, name]) => [field, header.findIndex((h) => name.test(h))]));
  const cell = (row: string[], field: string): string => (at[field]! >= 0 ? row[at[field]!]! : '');
  let section = '';
  let title = '';
  const out: string[][] = [];
  for (const row of rows) {
    // A heading row: its label and a title, nothing else (I, A, or 1 over rows 1.1, 1.2).
    // Its title in a cell of its own, or after the label in the first (`I. CÔNG TÁC CHUẨN BỊ`).
    if (row.slice(1).filter((c) => c !== '').length <= 1) {
      const inline = /^([IVXLC]+|[A-Z]|\d+)\.\s+(.+)$/.exec(row[0]!);
      section = inline ? inline[1]! : row[0]!.replace(/\.$/, '');
      title = inline ? inline[2]! : row[1]!;
      continue;
    }
    out.push([section, title, row[0]!, ...FIELDS.map(([field]) => (field === 'lead' || field === 'partners' ? listed(cell(row, field)) : cell(row, field)))]);
  }
  return out;
}

const records = (r: FileResult): string[][] =>
  r.tasks.map((t) => [t.section.code, t.section.title ?? '', t.stt, t.task ?? '', listed((t.leadAgencies ?? []).join(', ')), listed((t.partnerAgencies ?? []).join(', ')), t.output ?? '', t.deadline?.raw ?? '']);

describe('documents written apart from the code (fixtures/unseen)', () => {
  it('holds documents with tables of several layouts', () => {
    expect(documents.length).toBeGreaterThanOrEqual(6);
    const headers = new Set(documents.map((d) => appendixTable(d.text).header.join('\t')));
    expect(headers.size).toBeGreaterThanOrEqual(4);
  });

  for (const { name, text } of documents) {
    it(`${name}: one task record per table row, read as text`, async () => {
      const r = await processFile({ name, bytes: new TextEncoder().encode(text) }, { dictionary });
      expect(records(r)).toEqual(tableRows(text));
    });
    it(`${name}: the same records from a born-digital PDF`, async () => {
      const r = await processFile({ name: name.replace(/\.txt$/, '.pdf'), bytes: await renderBornDigitalPdf(text) }, { dictionary });
      expect(records(r)).toEqual(tableRows(text));
    });
  }
});
