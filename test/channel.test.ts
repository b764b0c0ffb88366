import { describe, expect, it } from 'vitest';
import { CandidateIndex, skeleton } from '../pipeline/repair/candidates.ts';
import { channelCost, spell, spellingCost, spellingCosts } from '../pipeline/repair/spelling.ts';
import { syllableInventory } from '../pipeline/repair/orthography.ts';

describe('OCR channel model', () => {
  it('costs nothing for a faithful print and little for lost marks', () => {
    expect(channelCost('số', 'số')).toBe(0);
    expect(channelCost('so', 'số')).toBeLessThan(1);
    expect(channelCost('dan', 'dân')).toBeLessThan(channelCost('dan', 'đàn'));
  });

  it('prefers visual lookalikes to arbitrary letters', () => {
    expect(channelCost('s6', 'số')).toBeLessThan(channelCost('s6', 'sa'));
    expect(channelCost('1a', 'là')).toBeLessThan(channelCost('1a', 'ma'));
    expect(channelCost('piêu', 'điều')).toBeLessThan(channelCost('kiêu', 'điều'));
    expect(channelCost('hwéng', 'hướng')).toBeLessThan(channelCost('hkéng', 'hướng'));
  });

  it('reads a dot below as a descender letter (ụ → y, ộ → 9/g, ị → j)', () => {
    expect(channelCost('vyc', 'vực')).toBeLessThan(channelCost('vyc', 'vúc'));
    expect(channelCost('b9', 'bộ')).toBeLessThan(channelCost('b9', 'bố'));
    expect(channelCost('trj', 'trị')).toBeLessThan(channelCost('trj', 'trí'));
  });

  it('reads an accented lookalike (é) as a letter crowned by a mark, not one with only a grave or dot below', () => {
    expect(channelCost('vé', 'về')).toBeLessThan(channelCost('vé', 'và'));
    expect(channelCost('cé', 'cấ')).toBeLessThan(channelCost('cé', 'cà'));
    expect(channelCost('cé', 'cá')).toBeLessThan(channelCost('cé', 'cạ'));
    // Tesseract without the Vietnamese model prints á as é about one time in seven on seed 001, and à
    // as é never (0 of over 1,400 on seed 001 and the seeds' English-model OCR): à prints a.
    expect(channelCost('vé', 'và') - channelCost('vé', 'vá')).toBeGreaterThan(2);
  });

  it('reads one plain consonant as another only where OCR is seen to confuse them', () => {
    // Aligned English-model OCR never printed o for c, f for t, b for h nor P for a plain d: a valid
    // printed word (cao, tai, hoc, pan) is no cheap misreading of another (các, fai, bọc, dân).
    for (const [printed, clean] of [['cao', 'các'], ['tai', 'fái'], ['boc', 'học'], ['pan', 'dân']] as const) {
      expect(channelCost(printed, clean)).toBeGreaterThanOrEqual(3);
    }
    // What it is seen to do stays cheap: c read as e, n as m, l as 1, Đ as P.
    expect(channelCost('eác', 'các')).toBeLessThan(2);
    expect(channelCost('mhư', 'như')).toBeLessThan(2);
    expect(channelCost('1à', 'là')).toBeLessThan(1.5);
    expect(channelCost('pân', 'đân')).toBeLessThan(1.5);
  });

  it('rarely drops a consonant or prints one from nothing, as it does a vowel', () => {
    // van is văn with its breve lost, not an with a v from nowhere; chong is chống, not công.
    expect(channelCost('van', 'an') - channelCost('van', 'văn')).toBeGreaterThan(3);
    expect(channelCost('chong', 'công') - channelCost('chong', 'chống')).toBeGreaterThan(3);
    // A word's first Đ is the consonant a scan does lose (Điều printed iéu).
    expect(channelCost('iéu', 'điều')).toBeLessThan(channelCost('iéu', 'liều'));
  });

  it('reads two printed letters as one (ir → ư, rn → m)', () => {
    expect(channelCost('chirc', 'chức')).toBeLessThan(1.5);
    expect(channelCost('rnột', 'một')).toBeLessThan(1);
  });

  it('costs a sorted list sharing prefix rows exactly as each word alone', () => {
    // Prefixes of each other, pairs (uy, ươ, li) closing across the shared part, an empty word.
    const cleans = ['', 'l', 'li', 'liệu', 'lieu', 'ngu', 'nguy', 'nguyên', 'người', 'ngươi', 'nguôi', 'thuy', 'thuyền', 'tru'].sort().map(spell);
    for (const printed of ['hệu', 'ngwời', 'nguy', 'thiryền', 'x4', '']) {
      const o = spell(printed);
      const out = new Float64Array(cleans.length);
      spellingCosts(o, Int32Array.from(cleans.keys()), cleans, out);
      expect([...out]).toEqual(cleans.map((c) => spellingCost(o, c)));
    }
  });
});

describe('candidate retrieval', () => {
  const index = new CandidateIndex(syllableInventory(), () => ({ id: 0, prior: 0 }));
  const words = (printed: string): string[] => index.lookup(printed, 40).map((c) => c.word);

  it('finds the syllable behind typical Latin-OCR damage', () => {
    expect(words('s6')).toContain('số');
    expect(words('dir')).toContain('dữ');
    expect(words('piéu')).toContain('điều');
    expect(words('ngudi')).toContain('người');
    expect(words('chirc')).toContain('chức');
  });

  it('keeps the same best candidates however many are asked for', () => {
    // The search stops early once no skeleton can place: it must never drop one that would. Priors
    // that vary from word to word exercise the bounds' prior part too.
    const ranked = new CandidateIndex(syllableInventory(), (w) => ({ id: 0, prior: [...w].reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) % 97, 7) / 9 }));
    for (const printed of ['s6', 'dir', 'piéu', 'ngudi', 'chirc', 'x4', 'dugc', 'n6i', 'cac', 'tht']) {
      expect(ranked.lookup(printed, 12)).toEqual(ranked.lookup(printed, 40).slice(0, 12));
    }
  });

  it('finds a word whose Đ OCR lost before dearer readings: the bound of a skeleton d is đ', () => {
    // Losing Đ costs less than losing d, so the skeleton's bound must be đ's, or the search stops first.
    const found = index.lookup('ang', 40);
    expect(found.at(-1)!.cost).toBeGreaterThan(channelCost('ang', 'đang'));
    expect(found.map((c) => c.word)).toContain('đang');
  });

  it('keys printed tokens by the letters they resemble', () => {
    expect(skeleton('S6')).toBe('so');
    // & is mostly an ơ-letter (S& for Sở), so a lone & finds ở; an e-word one letter off is still near.
    expect(skeleton('S&')).toBe('so');
    expect(words('&')).toContain('ở');
    expect(words('d&')).toContain('đề');
    expect(skeleton('Nội')).toBe('noi');
  });
});

describe('channel tables', () => {
  it('keep every cost once a long batch has filled them with exotic characters', () => {
    const pairs: [string, string][] = [['s6', 'số'], ['chirc', 'chức'], ['hwéng', 'hướng'], ['1a', 'là'], ['x4', 'xã']];
    const before = pairs.map(([p, c]) => channelCost(p, c));
    const unknownLetter = channelCost('aж', 'a');
    // CJK ideographs, as a mis-set OCR language prints them: far more than the tables hold.
    for (let k = 0; k < 1500; k++) channelCost(`a${String.fromCodePoint(0x4e00 + k)}`, 'a');
    expect(pairs.map(([p, c]) => channelCost(p, c))).toEqual(before);
    // A character past the tables still costs what any unknown letter costs.
    expect(channelCost(`a${String.fromCodePoint(0x4e00 + 1499)}`, 'a')).toBe(unknownLetter);
  });
});
