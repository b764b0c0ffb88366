import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom as rng } from '../fixtures/generator/random.ts';
import { extractTasks } from '../pipeline/emit/index.ts';
import { documentFromText } from '../pipeline/model/text.ts';
import { segmentDocument } from '../pipeline/segment/index.ts';
import { schemaErrors, validateSegment, validateTask } from '../schemas/index.ts';

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ AĂÂĐÊÔƠƯ0123456789.,;:-+()/*#<>\t\n';
const PIECES = [
  'Số: 12/QĐ-UBND', 'Hà Nội, ngày 1 tháng 2 năm 2026', 'QUYẾT ĐỊNH', 'KẾ HOẠCH', 'QUYẾT ĐỊNH:', 'Căn cứ Luật', 'Điều 1.', 'Chương I',
  'Phần II', 'I.', '1.', 'a)', '-', '+', 'Nơi nhận:', 'KT. BỘ TRƯỞNG', 'Nguyễn Văn An', 'Phụ lục', 'PHỤ LỤC II', '(Kèm theo Quyết định số 1/QĐ-X)',
  'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn', 'TT Tên nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp', 'Thời gian', 'hoàn',
  'Bộ Nội vụ', 'Sở Khoa học và Công nghệ, Bộ Công an và các bộ, ngành', 'Quý IV/2026', 'Nhiệm vụ thường xuyên đến năm 2030', '5/2025',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'V/v', 'Kính gửi:', '<b>I</b>', '**', '##', '\t', '(', ')', '“', '”',
];

type Gen = (n: number, r: () => number) => string;

const GENERATORS: Record<string, Gen> = {
  'random characters': (n, r) => Array.from({ length: n }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join(''),
  'random cue fragments': (n, r) => {
    let s = '';
    while (s.length < n) s += PIECES[Math.floor(r() * PIECES.length)]! + (r() < 0.5 ? '\n' : ' ');
    return s;
  },
  'one long line without newlines': (n, r) => {
    let s = '';
    while (s.length < n) s += PIECES[Math.floor(r() * PIECES.length)]!.replace(/[\n\t]/g, ' ') + ' ';
    return s;
  },
  'deep nesting': (n) => {
    const marks = ['Phần I', 'Chương I', 'Mục 1.', 'Điều 1.', 'I.', '1.', 'a)', '-', '+'];
    let s = '';
    for (let k = 0; s.length < n; k++) s += `${marks[k % marks.length]} nội dung ${k}\n`;
    return s;
  },
  'stacked table with many rows': (n) => {
    let s = 'Phụ lục\nTT Tên nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian hoàn thành\nI\nNhóm nhiệm vụ\n';
    for (let k = 1; s.length < n; k++) s += `${k}\nXây dựng cơ sở dữ liệu số ${k} của ngành\nVụ Pháp chế\nTrung tâm Công nghệ\nthông tin\n${(k % 12) + 1}/2026\n`;
    return s;
  },
  'tab table with repeated headers and continuations': (n) => {
    let s = 'Phụ lục\n';
    for (let k = 1; s.length < n; k++) {
      if (k % 5 === 1) s += 'STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\tThời hạn\n';
      s += `${k}\tNhiệm vụ ${k}\tBộ Nội vụ\tBộ Công an và các bộ, ngành\tSản phẩm\tQuý ${(k % 4) + 1}/2026\n\tcòn tiếp\t\t\t\t\n`;
    }
    return s;
  },
  'many documents and appendices': (n) => {
    const doc = 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 1/QĐ-BNV\nHà Nội, ngày 1 tháng 1 năm 2026\nQUYẾT ĐỊNH\nVề việc X\nĐiều 1. Y\nNơi nhận:\n- Như trên;\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn An\nPhụ lục\nSTT\tNhiệm vụ\tCơ quan chủ trì\n1\tViệc\tBộ Nội vụ\n';
    return doc.repeat(Math.ceil(n / doc.length));
  },
};

/**
 * Work done by regular expressions: the number of characters each `exec` call scanned (from
 * where it started to the end of its match, or to the end of the string). Every regex the
 * segmenter runs goes through `exec` once it is wrapped, so this is a clock-free measure of work.
 */
const originalExec = RegExp.prototype.exec;
function measureWork(run: () => void): number {
  let scanned = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = originalExec.call(this, s);
    // A sticky regex only tries its start position; others scan on until they match.
    const end = m ? m.index + m[0].length : this.sticky ? from : s.length;
    scanned += end - from + 1;
    return m;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = originalExec;
  }
  return scanned;
}

const toDocument = (text: string) => documentFromText({ name: 'fuzz.txt', mediaType: 'text/plain', sha256: '' }, text);
const segment = (text: string) => {
  const seg = segmentDocument(toDocument(text));
  return { seg, tasks: extractTasks(seg) };
};
/** Work of segmenting and emitting only (reading the text into the model is not the segmenter's). */
const segmentWork = (text: string) => {
  const doc = toDocument(text);
  return measureWork(() => extractTasks(segmentDocument(doc)));
};

afterEach(() => {
  RegExp.prototype.exec = originalExec;
});

describe('segmenter on random and adversarial text', () => {
  for (const [name, gen] of Object.entries(GENERATORS)) {
    it(`${name}: no exception, schema-valid output`, () => {
      for (let seed = 1; seed <= 5; seed++) {
        const { seg, tasks } = segment(gen(4000, rng(seed)));
        expect(validateSegment(JSON.parse(JSON.stringify(seg))), schemaErrors(validateSegment)).toBe(true);
        for (const t of tasks) expect(validateTask(JSON.parse(JSON.stringify(t))), schemaErrors(validateTask)).toBe(true);
      }
    });

    it(`${name}: work grows linearly with input size`, () => {
      const small = gen(20_000, rng(7));
      const large = gen(80_000, rng(7));
      const ratio = segmentWork(large) / segmentWork(small);
      const sizeRatio = large.length / small.length;
      expect(ratio).toBeLessThan(sizeRatio * 1.5);
    });
  }

  it('random characters give plain paragraphs and no task records', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { seg, tasks } = segment(GENERATORS['random characters']!(3000, rng(seed)));
      expect(tasks).toEqual([]);
      for (const d of seg.documents) expect(d.appendices).toEqual([]);
    }
  });

  it('empty and whitespace-only input gives no documents', () => {
    expect(segment('').seg.documents).toEqual([]);
    expect(segment(' \n\t\n\f \n').seg.documents).toEqual([]);
  });
});
