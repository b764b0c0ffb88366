/**
 * Vietnamese orthography: tones, vowel modifiers, canonical tone placement and the rule-built
 * inventory of valid syllables. Everything here is general spelling knowledge, independent
 * of any corpus.
 */

/**
 * Text with Đ đ for the Icelandic Ð ð, which Vietnamese never uses: PDF fonts and OCR engines
 * print one for the other, and a `QÐ` would then match no `QĐ`.
 */
export function withVietnameseD(text: string): string {
  return text.replace(/Ð/g, 'Đ').replace(/ð/g, 'đ');
}

/** The y of each i after h, k, l, m, t in a syllable of that one vowel: kì → kỳ, lí → lý, tỉ → tỷ. */
const Y_FOR_I: Record<string, string> = { i: 'y', ì: 'ỳ', í: 'ý', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ', I: 'Y', Ì: 'Ỳ', Í: 'Ý', Ỉ: 'Ỷ', Ĩ: 'Ỹ', Ị: 'Ỵ' };

/**
 * Syllables written with i in either spelling (lông mi, mì, mí mắt, mộng mị, hì hì, hí hửng, tí
 * hon): no administrative text writes them with y.
 */
const I_ONLY = new Set(['mi', 'mì', 'mí', 'mị', 'hì', 'hí', 'hỉ', 'hĩ', 'hị', 'tí']);

/**
 * Text with the syllables that Vietnamese spells either way (kì/kỳ, lí/lý, kĩ/kỹ, mĩ/mỹ, tỉ/tỷ,
 * hi/hy: h, k, l, m or t before a lone i) written with y, as administrative documents write
 * them (`quản lý`, `định kỳ`, `kỹ thuật`, `tỷ lệ`, `công ty`). Dictionaries and school texts
 * follow the 1980s spelling reform and write i; read as they are, they would teach a model
 * nothing about the administrative spellings. Syllables only ever written with i ({@link I_ONLY},
 * and `ti vi`) and the syllables of a transcribed loanword, joined by hyphens (`ki-lô-gam`),
 * keep their i. Text is expected in NFC.
 */
export function withAdministrativeY(text: string): string {
  return text.replace(/(?<![\p{L}\p{M}-])([hklmtHKLMT])([iìíỉĩịIÌÍỈĨỊ])(?![\p{L}\p{M}-])/gu, (syllable: string, c: string, i: string, at: number) => {
    const lower = syllable.toLowerCase();
    if (I_ONLY.has(lower) || (lower === 'ti' && /^ vi(?![\p{L}\p{M}])/iu.test(text.slice(at + 2, at + 6)))) return syllable;
    return c + Y_FOR_I[i]!;
  });
}

/** Tone of a syllable: 0 ngang, 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

const TONE_MARKS: Record<string, Tone> = { '\u0300': 1, '\u0301': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };
const TONE_CHARS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

/** Splits a lower-case syllable into its toneless spelling (NFC, keeping â ă ê ô ơ ư đ) and its tone. */
export function splitTone(syllable: string): { base: string; tone: Tone } {
  let tone: Tone = 0;
  let base = '';
  for (const ch of syllable.normalize('NFD')) {
    const t = TONE_MARKS[ch];
    if (t !== undefined) tone = t;
    else base += ch;
  }
  return { base: base.normalize('NFC'), tone };
}

const MODIFIED = new Set(['â', 'ă', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

/**
 * Where the tone mark goes in a toneless syllable, by the traditional ("old style") rule
 * used by most administrative texts: hóa, thủy, quốc, người.
 */
function tonePosition(base: string): number {
  let start = 0;
  if (base.startsWith('qu')) start = 2;
  else if (base.startsWith('gi') && base.length > 2 && VOWELS.has(base[2]!)) start = 2;
  const chars = [...base];
  const vowelIdx: number[] = [];
  for (let i = start; i < chars.length; i++) if (VOWELS.has(chars[i]!)) vowelIdx.push(i);
  if (vowelIdx.length === 0) {
    // "gi" alone carries the tone on its i (gì); "qu" alone is not a syllable.
    const i = chars.lastIndexOf('i');
    return i >= 0 ? i : chars.length - 1;
  }
  const modified = vowelIdx.filter((i) => MODIFIED.has(chars[i]!));
  if (modified.length > 0) return modified[modified.length - 1]!;
  const last = vowelIdx[vowelIdx.length - 1]!;
  const hasFinal = last < chars.length - 1;
  if (hasFinal || vowelIdx.length === 1) return last;
  if (vowelIdx.length >= 3) return vowelIdx[1]!;
  return vowelIdx[0]!;
}

/** Puts a tone on a toneless syllable at its canonical place, returning NFC. */
export function applyTone(base: string, tone: Tone): string {
  if (tone === 0) return base;
  const chars = [...base];
  const at = tonePosition(base);
  chars[at] = (chars[at]! + TONE_CHARS[tone]).normalize('NFC');
  return chars.join('').normalize('NFC');
}

const canonicalCache = new Map<string, string>();
/** Bound on the memo: documents repeat their words, but a stream of garbage must not grow it forever. */
const CANONICAL_CACHE_LIMIT = 200_000;

/** Canonical spelling of a lower-case syllable: same letters, tone at its traditional place. */
export function canonicalSyllable(syllable: string): string {
  let c = canonicalCache.get(syllable);
  if (c === undefined) {
    const { base, tone } = splitTone(syllable);
    c = applyTone(base, tone);
    if (canonicalCache.size >= CANONICAL_CACHE_LIMIT) canonicalCache.clear();
    canonicalCache.set(syllable, c);
  }
  return c;
}

/** What stripping means, for any text: decompose, drop the marks, write đ as d, recompose. */
function stripDiacriticsByNormalizing(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u031b]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Each character below U+0300 or in Latin Extended Additional (ạ…ỹ), stripped on its own. */
const STRIPPED_CHARS = new Map<number, string>();

/**
 * Removes every diacritic and maps đ to d: the letters a reader without Vietnamese sees.
 * Repair strips every word it reads, so text made only of Latin letters (Vietnamese included)
 * and combining marks is stripped a character at a time: each such letter decomposes into a base
 * and marks that are all removed, so nothing is left for the final composition to join.
 */
export function stripDiacritics(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out += text[i];
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c > 0x36f && (c < 0x1e00 || c > 0x1eff)) return stripDiacriticsByNormalizing(text);
    let plain = STRIPPED_CHARS.get(c);
    if (plain === undefined) {
      plain = stripDiacriticsByNormalizing(text[i]!);
      STRIPPED_CHARS.set(c, plain);
    }
    out += plain;
  }
  return out;
}

/** A word's letters without marks, in lower case (đ as d): how a word is recognised however its marks were printed. */
export const bareLower = (text: string): string => stripDiacritics(text).toLowerCase();

/** Every character {@link stripDiacritics} changes: Latin letters with marks, đ, combining marks. */
const MARKED_CHARACTERS = (() => {
  const set = new Set<string>();
  for (const [from, to] of [[0x00c0, 0x024f], [0x0300, 0x036f], [0x1e00, 0x1eff]] as const) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      if (stripDiacritics(ch) !== ch) set.add(ch);
    }
  }
  return set;
})();

/** True when the text holds a letter only Vietnamese uses (a mark, a modified vowel or đ). */
export function hasVietnameseMarks(text: string): boolean {
  for (const ch of text) if (MARKED_CHARACTERS.has(ch)) return true;
  return false;
}

// p alone starts only loanwords (pin, pa-tê) and minority names (Pác Bó, Pá Khoang): not in the
// inventory, where it would pass OCR's P for Đ (Pai for Đại) as spelled right; see isLoanSyllable.
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

const RHYMES = [
  'a', 'ac', 'ach', 'ai', 'am', 'an', 'ang', 'anh', 'ao', 'ap', 'at', 'au', 'ay',
  'ăc', 'ăm', 'ăn', 'ăng', 'ăp', 'ăt',
  'âc', 'âm', 'ân', 'âng', 'âp', 'ât', 'âu', 'ây',
  'e', 'ec', 'em', 'en', 'eng', 'eo', 'ep', 'et',
  'ê', 'êch', 'êm', 'ên', 'ênh', 'êp', 'êt', 'êu',
  'i', 'ia', 'ich', 'im', 'in', 'inh', 'ip', 'it', 'iu', 'iêc', 'iêm', 'iên', 'iêng', 'iêp', 'iêt', 'iêu',
  'o', 'oc', 'oi', 'om', 'on', 'ong', 'op', 'ot', 'oong', 'ooc',
  'oa', 'oac', 'oach', 'oai', 'oam', 'oan', 'oang', 'oanh', 'oao', 'oap', 'oat', 'oay',
  'oăc', 'oăm', 'oăn', 'oăng', 'oăt', 'oe', 'oen', 'oeo', 'oet',
  'ô', 'ôc', 'ôi', 'ôm', 'ôn', 'ông', 'ôp', 'ôt',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt',
  'u', 'ua', 'uc', 'ui', 'um', 'un', 'ung', 'up', 'ut',
  'uôc', 'uôi', 'uôm', 'uôn', 'uông', 'uôt',
  'uân', 'uâng', 'uât', 'uây', 'uê', 'uêch', 'uênh', 'uơ',
  'uy', 'uya', 'uych', 'uyên', 'uyêt', 'uynh', 'uyp', 'uyt', 'uyu',
  'ư', 'ưa', 'ưc', 'ưi', 'ưm', 'ưn', 'ưng', 'ưt', 'ưu',
  'ươc', 'ươi', 'ươm', 'ươn', 'ương', 'ươp', 'ươt', 'ươu',
  'y', 'yêm', 'yên', 'yêng', 'yêt', 'yêu',
  'ych', 'ynh', 'yt',
];

/** Rhymes of uy written after qu, whose u is the medial: quých, quỳnh, quýt (huých, huỳnh, huýt). */
const AFTER_QU_ONLY = new Set(['ych', 'ynh', 'yt']);

const FRONT = /^(i|e|ê|y)/;

/** Whether an onset may precede a rhyme under Vietnamese spelling rules. */
function onsetFits(onset: string, rhyme: string): boolean {
  if (AFTER_QU_ONLY.has(rhyme)) return onset === 'qu';
  const front = FRONT.test(rhyme);
  if (rhyme.startsWith('yê') && onset !== '' && onset !== 'qu') return false;
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return front;
  if ((onset === 'c' || onset === 'ng') && front) return false;
  if (onset === 'g' && /^(e|ê)/.test(rhyme)) return false;
  if (onset === 'qu') return !/^(u|o)/.test(rhyme) && rhyme !== 'yêng';
  if (onset === 'gi') return !/^(i|y)/.test(rhyme);
  if (rhyme === 'y' || rhyme.startsWith('y')) return onset === '' || ['h', 'k', 'l', 'm', 's', 't', 'v', 'qu'].includes(onset) || rhyme !== 'y';
  return true;
}

const STOP_FINAL = /(c|ch|p|t)$/;

/**
 * Every orthographically valid Vietnamese syllable, lower case, canonical tone placement.
 * About 17,000 forms; many are rare, which the language model accounts for.
 */
export function syllableInventory(): readonly string[] {
  inventory ??= buildInventory();
  return inventory;
}

let inventory: string[] | undefined;

function buildInventory(): string[] {
  const out = new Set<string>();
  for (const onset of ONSETS) {
    for (const rhyme of RHYMES) {
      if (!onsetFits(onset, rhyme)) continue;
      const base = onset + rhyme;
      const tones: Tone[] = STOP_FINAL.test(rhyme) ? [2, 5] : [0, 1, 2, 3, 4, 5];
      for (const t of tones) out.add(applyTone(base, t));
    }
  }
  // "gi" is a syllable on its own (gì, gỉ).
  for (const t of [0, 1, 2, 3, 4, 5] as Tone[]) out.add(applyTone('gi', t));
  return [...out].sort();
}

const INVENTORY = new Set(syllableInventory());

let bareInventory: Set<string> | undefined;

/** True when a word's letters, its marks aside, spell some valid syllable (THAP: tháp; DUOC: được). */
export function spellsSyllable(word: string): boolean {
  bareInventory ??= new Set(syllableInventory().map(bareLower));
  return bareInventory.has(bareLower(word));
}

/** True when a lower-case syllable is valid Vietnamese spelling (tone placement ignored). */
export function isValidSyllable(syllable: string): boolean {
  return INVENTORY.has(canonicalSyllable(syllable));
}

/**
 * True when a lower-case word is spelled as a syllable of a loanword or a minority name: p alone
 * before a rhyme that b may take (pin, pá, pắc). Vietnamese spelling admits these, but only there,
 * so clean text's p-words are names and terms, not damage.
 */
export function isLoanSyllable(word: string): boolean {
  return word.startsWith('p') && !word.startsWith('ph') && isValidSyllable(`b${word.slice(1)}`);
}
