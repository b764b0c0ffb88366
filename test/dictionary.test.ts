import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BackgroundCorpus } from '../dictionaries/builder/background.ts';
import { buildDictionaryData, readBackgroundCorpus } from '../dictionaries/builder/index.ts';
import { readCorpus } from '../dictionaries/corpus.ts';
import { DEFAULT_DICTIONARY_DIR, loadDictionary } from '../dictionaries/load.ts';
import { documentToText } from '../pipeline/model/text.ts';
import { dictionaryFromData, type DictionaryData } from '../pipeline/repair/dictionary.ts';
import { repairDocument } from '../pipeline/repair/index.ts';
import type { DictionaryManifest } from '../dictionaries/format.ts';
import { textDocument } from './support/documents.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

const background = readBackgroundCorpus();
const corpus = readCorpus();
/** Which of the genre's texts a build counts: all, the conventions without the sector prose, or neither. */
const GENRE = {
  all: {},
  conventions: { sectors: [] },
  neither: { conventions: { name: 'genre conventions', text: '' }, sectors: [] },
} satisfies Record<string, Partial<BackgroundCorpus>>;
const builds = new Map<keyof typeof GENRE, DictionaryData>();
/** The corpus's dictionary with some of the genre's texts, built once per test file. */
function built(genre: keyof typeof GENRE): DictionaryData {
  let data = builds.get(genre);
  if (!data) {
    data = buildDictionaryData(corpus, { ...background, ...GENRE[genre] });
    builds.set(genre, data);
  }
  return data;
}
const repaired = (genre: keyof typeof GENRE, text: string): string => documentToText(repairDocument(textDocument(text), dictionaryFromData(built(genre))).document);

describe('dictionary', () => {
  it('is rebuilt byte for byte from the corpus, and the bundled build is that build', () => {
    const first = JSON.stringify(built('all'));
    const second = JSON.stringify(buildDictionaryData([...corpus].reverse(), background));
    expect(sha(second)).toBe(sha(first));
    const manifest = JSON.parse(readFileSync(`${DEFAULT_DICTIONARY_DIR}manifest.json`, 'utf8')) as DictionaryManifest;
    expect(manifest.sha256).toBe(sha(first));
    expect(manifest.corpus.map((c) => c.name)).toEqual(corpus.map((d) => d.name));
  });

  it('lists abbreviations written in running text and agency names from the corpus', async () => {
    const dict = await loadDictionary();
    for (const a of ['UBND', 'HĐND', 'VNeID', 'QĐ', 'TTg']) expect(dict.abbreviations).toContain(a);
    expect(dict.abbreviations).not.toContain('QUYẾT');
    // Abbreviations with a slash, as copy lists and subject lines write them; a unit is not one.
    expect(dict.slashAbbreviations).toEqual(expect.arrayContaining(['b/c', 'V/v']));
    expect(dict.abbreviations).not.toContain('ha/năm');
    for (const a of ['Bộ Nội vụ', 'Bộ Khoa học và Công nghệ', 'Bộ Công an']) expect(dict.agencies).toContain(a);
  });

  it('knows the genre’s words from its conventions, where the corpus never uses them', () => {
    // No corpus document is a directive, speaks of a council's session or has chapters.
    for (const w of [/chỉ thị/i, /kỳ họp/i, /chương(?!\s*trình)/i]) expect(corpus.some((d) => w.test(d.text))).toBe(false);
    // The genre's prose by sector is left out of both builds: what is measured is the conventions' part.
    const ocr = 'Chu tich Uy ban nhan dan tinh ban hanh Chi thi nay.\nNghi quyet duoc thong qua tai ky hop thu nhat.\nChuong II';
    const withConventions = repaired('conventions', ocr);
    expect(withConventions).toContain('ban hành Chỉ thị này');
    expect(withConventions).toContain('kỳ họp thứ nhất');
    expect(withConventions).toContain('Chương II');
    // Without them, the corpus's own words win: Chí thứ, kỹ hợp. (Chương II is read right either
    // way: after a word the corpus never uses, the background's word pairs weigh most.)
    const without = repaired('neither', ocr);
    for (const w of ['Chỉ thị', 'kỳ họp']) expect(without).not.toContain(w);
  });

  it('knows the local bodies named with their unit from the conventions (UBND phường, Đảng ủy xã), where the corpus never names them so', () => {
    for (const w of [/UBND phường/i, /Đảng ủy xã/i, /Công an phường/i]) expect(corpus.some((d) => w.test(d.text))).toBe(false);
    const withConventions = repaired('conventions', 'Gui Thuong truc HDND phuong, Chu tich UBND phuong va Dang uy xa, Cong an phuong.');
    expect(withConventions).toContain('Thường trực HĐND phường, Chủ tịch UBND phường và Đảng ủy xã, Công an phường.');
  });

  it('knows the words of other sectors from the genre’s prose by sector, where the corpus never uses them', () => {
    // The corpus is on digital transformation: no fire safety, no notaries.
    for (const w of [/cứu nạn/i, /công chứng/i]) expect(corpus.some((d) => w.test(d.text))).toBe(false);
    const ocr = 'Tang cuong cong tac phong chay chira chay va ciru nan ciru hd tai cac khu dan cu.\nThuc hién cong chung, chirng thuc hop déng, giao dich theo quy dinh.';
    const withSectors = repaired('all', ocr);
    expect(withSectors).toContain('phòng cháy chữa cháy và cứu nạn cứu hộ');
    expect(withSectors).toContain('công chứng, chứng thực hợp đồng');
    const without = repaired('conventions', ocr);
    for (const w of ['cứu nạn cứu hộ', 'công chứng']) expect(without).not.toContain(w);
    // Its prose names no agencies: names run on into its sentences there.
    expect(built('all').agencies).toEqual(built('conventions').agencies);
  });

  it('counts a place name’s syllables as capitals, and the word list’s lower-cased headwords not at all', async () => {
    const dict = await loadDictionary();
    const capital = (w: string): number => dict.cases!.cost(dict.lm.id(w), 'capital');
    // Nẵng and Lâm stand in names (Đà Nẵng, Lâm Đồng); nâng and làm are words written in lower case.
    expect(capital('nẵng')).toBeLessThan(capital('nâng'));
    expect(capital('lâm')).toBeLessThan(capital('làm'));
    // A name's type stays a lower-case word mid-sentence (tỉnh Lâm Đồng).
    expect(capital('tỉnh')).toBeGreaterThan(capital('lâm'));
    // So a place's name misread keeps its capitals' syllables: Lâm Đồng, not Lâm Công.
    expect(repaired('all', 'Uy ban nhan dan tinh Lam Pong chi dao')).toContain('tỉnh Lâm Đồng');
  });

  it('gives each word an LM cost floor no history goes below', async () => {
    const { lm } = await loadDictionary();
    // Histories the model knows well (frequent words, sentence start) and words common and rare;
    // words the domain text all but never uses (đà, cai), after which the background weighs most.
    const ids = ['<s>', 'của', 'và', 'các', 'số', 'nghị', 'quyết', 'định', 'phát', 'triển', 'xã', 'hội', 'dữ', 'liệu', 'quốc', 'gia', 'nhóc', 'x', 'đà', 'nẵng', 'cai', 'nghiện'].map((w) => lm.id(w));
    for (const u of [-1, ...ids]) for (const v of ids) for (const w of ids) expect(lm.floorCost[w]!).toBeLessThanOrEqual(lm.cost(u, v, w));
  });

  it('fails with a code when a folder holds no dictionary', async () => {
    await expect(loadDictionary('/nonexistent')).rejects.toMatchObject({ code: 'E_DICT_MISSING' });
  });
});
