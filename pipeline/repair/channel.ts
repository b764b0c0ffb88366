/**
 * The OCR channel: how a Latin-script OCR engine (Tesseract without the Vietnamese model, or a
 * weak scan with it) turns Vietnamese letters into what it prints. Costs are negative log
 * probabilities in nats, so they add with language-model costs.
 *
 * The rules are visual, not lexical: marks above a vowel are lost or swapped (ê→é); a dot
 * below turns a vowel into a letter with a descender (ụ→y, ộ→9/g, ị→j, ạ→q); digits and
 * symbols stand for round vowels with marks (ố→6, á→4, ổ→3, ở→¢/&); ư is read as w, u or ir;
 * Đ as P or D; l as 1 or I.
 */

/** A letter split into its base, its modifier (â ă ê ô ơ ư đ) and its tone. */
export interface Unit {
  base: string;
  modifier: string;
  tone: string;
  /** Interned id of (base, modifier, tone), indexing the memoized cost tables. */
  id: number;
}

const TONES = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
const MODIFIERS = new Set(['\u0302', '\u0306', '\u031b']);
const DOT_BELOW = '\u0323';

/** Interned units: id → unit, and key → id. */
const UNITS: Unit[] = [];
const UNIT_IDS = new Map<string, number>();
/** Memoized costs: substitution by (printed id, clean id), insertion by printed id. */
const MAX_UNITS = 1024;
const SUBSTITUTE = new Float64Array(MAX_UNITS * MAX_UNITS).fill(-1);
const INSERT = new Float64Array(MAX_UNITS).fill(-1);

function intern(base: string, modifier: string, tone: string): Unit {
  const key = base + modifier + tone;
  let id = UNIT_IDS.get(key);
  if (id === undefined) {
    // Past the table size (exotic symbols), units share the last slot and are costed uncached.
    id = Math.min(UNITS.length, MAX_UNITS - 1);
    UNIT_IDS.set(key, id);
    UNITS.push({ base, modifier, tone, id });
  }
  return UNITS[id]!.base === base && UNITS[id]!.modifier === modifier && UNITS[id]!.tone === tone ? UNITS[id]! : { base, modifier, tone, id: -1 };
}

/** Splits lower-case text into units, one per base character. */
export function toUnits(text: string): Unit[] {
  const raw: { base: string; modifier: string; tone: string }[] = [];
  for (const ch of text.normalize('NFD')) {
    const last = raw[raw.length - 1];
    if (last && TONES.has(ch)) last.tone = ch;
    else if (last && MODIFIERS.has(ch)) last.modifier = ch;
    else if (ch === 'đ') raw.push({ base: 'd', modifier: 'đ', tone: '' });
    else raw.push({ base: ch, modifier: '', tone: '' });
  }
  return raw.map((u) => intern(u.base, u.modifier, u.tone));
}

/** Marks each base letter can carry. */
const VARIANT_MODIFIERS: Record<string, string[]> = { a: ['', '\u0302', '\u0306'], e: ['', '\u0302'], o: ['', '\u0302', '\u031b'], u: ['', '\u031b'], d: ['', 'đ'] };
const VARIANT_TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Marker of a family unit: the base letter with whichever marks are cheapest. */
const ANY = '*';

/** Cheapest substitution of `o` for any marked variant of a family unit's base. */
function familySubstituteCost(o: Unit, base: string): number {
  let best = Infinity;
  const tones = VOWEL_LOOKALIKES[base] ? VARIANT_TONES : [''];
  for (const modifier of VARIANT_MODIFIERS[base] ?? ['']) {
    for (const tone of tones) best = Math.min(best, substituteCost(o, { base, modifier, tone, id: -1 }));
  }
  return best;
}

/**
 * Family units of an accent-free skeleton: scoring a printed token against them gives a lower
 * bound of its channel cost against every word with that skeleton.
 */
export function familyUnits(skeleton: string): Unit[] {
  return [...skeleton].map((base) => intern(base, ANY, ANY));
}

function cachedSubstitute(o: Unit, c: Unit): number {
  if (c.modifier === ANY) {
    const k = o.id * MAX_UNITS + c.id;
    let v = o.id < 0 ? -1 : SUBSTITUTE[k]!;
    if (v < 0) {
      v = familySubstituteCost(o, c.base);
      if (o.id >= 0) SUBSTITUTE[k] = v;
    }
    return v;
  }
  if (o.id < 0 || c.id < 0) return substituteCost(o, c);
  const k = o.id * MAX_UNITS + c.id;
  let v = SUBSTITUTE[k]!;
  if (v < 0) v = SUBSTITUTE[k] = substituteCost(o, c);
  return v;
}

function cachedInsert(o: Unit): number {
  if (o.id < 0) return insertCost(o);
  let v = INSERT[o.id]!;
  if (v < 0) v = INSERT[o.id] = insertCost(o);
  return v;
}

/** Letters a marked vowel family may be printed as by a Latin OCR, with their cost. */
const VOWEL_LOOKALIKES: Record<string, Record<string, number>> = {
  a: { '4': 1.0, '3': 1.4, '@': 1.0, d: 1.3, i: 1.6, 'é': 1.4, '&': 1.6, q: 1.2, e: 1.5, o: 1.6 },
  o: { '0': 0.7, '6': 0.9, '9': 1.0, '8': 1.1, '5': 1.4, '3': 1.4, '&': 1.2, '¢': 1.2, g: 1.3, q: 1.4, e: 1.5, 'é': 1.3, a: 1.5, c: 1.6, d: 1.5, b: 1.7 },
  e: { '&': 1.0, '€': 0.9, '£': 1.2, c: 1.4, '6': 1.5, g: 1.5, o: 1.7, i: 1.8 },
  u: { w: 0.8, y: 1.0, v: 1.3, i: 1.6, r: 1.6, '¢': 1.8, t: 1.8, '0': 1.8 },
  i: { '1': 0.8, l: 0.9, j: 1.0, '|': 1.0, '!': 1.1, t: 1.4, f: 1.5, r: 1.6, '¥': 1.6 },
  y: { '¥': 0.8, v: 1.3, '9': 1.6 },
};

/** Extra cost by which a lookalike is less likely when the vowel carries no mark at all. */
const PLAIN_VOWEL_PENALTY = 0.9;

/** Consonants a Latin OCR confuses with each other. */
const CONSONANT_LOOKALIKES: Record<string, Record<string, number>> = {
  d: { p: 1.0, '¢': 1.4, '6': 1.5, a: 1.8, '0': 1.8 }, // Đ/đ → P, ¢, 6
  l: { '1': 0.8, i: 0.9, I: 0.9, '|': 0.8, '!': 1.2, t: 1.6 },
  n: { m: 1.5, h: 1.6, r: 1.8, u: 1.8 },
  m: { n: 1.5, '1': 2.0 },
  h: { b: 1.5, n: 1.6, k: 1.8 },
  c: { e: 1.3, '¢': 1.0, '(': 1.6, o: 1.8 },
  g: { q: 1.2, '9': 1.3, y: 1.8 },
  t: { f: 1.3, l: 1.5, '1': 1.7, r: 1.8 },
  r: { t: 1.6, n: 1.8 },
  s: { '5': 1.0, '$': 0.8, '§': 0.9, '8': 1.6 },
  b: { '6': 1.2, '8': 1.2, h: 1.5 },
  v: { y: 1.4, u: 1.5 },
};

/** Sequences of two printed characters that stand for one letter. */
const TWO_FOR_ONE: Record<string, Record<string, number>> = {
  u: { ir: 0.8, ur: 1.0, tr: 1.3, it: 1.3, if: 1.3, 'i¥': 1.2, ii: 1.4, iu: 1.5, tt: 1.6 },
  m: { rn: 0.6, in: 1.4, nn: 1.5 },
  d: { cl: 0.8 },
  o: { '01': 1.5 },
  h: { li: 1.2 },
};

/**
 * Single printed letters that stand for two clean ones: w for ươ and y for uy (a Latin OCR's
 * nearest letter for the pair), h for li (the ascender of l and the stem of i run together in
 * a blurred scan, so liệu prints as hệu). Keyed by printed letter, then the clean pair's first
 * and second letters, so the edit-distance loop looks pairs up without building strings.
 */
const ONE_FOR_TWO: Record<string, Record<string, Record<string, number>>> = {
  w: { u: { o: 1.0 } },
  y: { u: { y: 1.0 } },
  h: { l: { i: 1.2 } },
};

const MARK_COST = 0.35;
const MISSING_TONE_COST = 0.2;
const INSERT_COST = 2.2;
const INSERT_SYMBOL_COST = 0.9;
const DELETE_COST = 2.4;
/** A vowel with two marks stacked (ổ, ậ, ữ) is the glyph an OCR most often drops outright. */
const DELETE_STACKED_COST = 2.0;
const SUBSTITUTE_COST = 3.0;

/** Cost of reading the clean unit `c` as the printed unit `o` (both single base characters). */
function substituteCost(o: Unit, c: Unit): number {
  const marked = c.modifier !== '' || c.tone !== '';
  if (o.base === c.base) {
    if (o.modifier === c.modifier && o.tone === c.tone) return 0;
    let cost = 0;
    if (o.modifier !== c.modifier) cost += o.modifier === '' ? MARK_COST : MARK_COST * 2;
    if (o.tone !== c.tone) cost += o.tone === '' ? MISSING_TONE_COST : MARK_COST * 2;
    return cost;
  }
  const vowel = VOWEL_LOOKALIKES[c.base];
  let cost = vowel?.[o.base] ?? CONSONANT_LOOKALIKES[c.base]?.[o.base];
  if (c.modifier === 'đ') cost = Math.min(cost ?? Infinity, CONSONANT_LOOKALIKES.d![o.base] ?? Infinity);
  if (cost === undefined || cost === Infinity) return SUBSTITUTE_COST;
  // A dot below makes descender lookalikes (y, g, q, j, 9) likely; marks above make digits likely.
  if (vowel && c.tone === DOT_BELOW && 'ygqj9'.includes(o.base)) cost -= 0.4;
  if (vowel && !marked) cost += PLAIN_VOWEL_PENALTY;
  return cost;
}

function deleteCost(c: Unit): number {
  return c.modifier !== '' && c.modifier !== 'đ' && c.tone !== '' ? DELETE_STACKED_COST : DELETE_COST;
}

function insertCost(o: Unit): number {
  return /[\p{L}\p{N}]/u.test(o.base) ? INSERT_COST : INSERT_SYMBOL_COST;
}

/**
 * Channel cost of printing the clean lower-case word `clean` as the lower-case `printed`:
 * a weighted edit distance over letters with the lookalike tables above.
 */
export function channelCost(printed: string, clean: string): number {
  return printed === clean ? 0 : unitChannelCost(toUnits(printed), toUnits(clean));
}

/** {@link channelCost} over letters already split into units. */
export function unitChannelCost(o: Unit[], c: Unit[]): number {
  const n = o.length;
  const m = c.length;
  const width = m + 1;
  if ((n + 1) * width > dp.length) dp = new Float64Array((n + 1) * width * 2);
  if (m + 1 > deletes.length) deletes = new Float64Array(2 * m + 2);
  const d = dp;
  d[0] = 0;
  for (let i = 1; i <= n; i++) d[i * width] = d[(i - 1) * width]! + cachedInsert(o[i - 1]!);
  for (let j = 1; j <= m; j++) {
    deletes[j] = deleteCost(c[j - 1]!);
    d[j] = d[j - 1]! + deletes[j]!;
  }
  for (let i = 1; i <= n; i++) {
    const oi = o[i - 1]!;
    const insert = cachedInsert(oi);
    const pair = i >= 2 ? o[i - 2]!.base + oi.base : '';
    const pairUsed = pair !== '' && PAIRS.has(pair);
    const oneForTwo = ONE_FOR_TWO[oi.base];
    const row = i * width;
    const up = row - width;
    for (let j = 1; j <= m; j++) {
      const cj = c[j - 1]!;
      let best = d[up + j - 1]! + cachedSubstitute(oi, cj);
      const ins = d[up + j]! + insert;
      if (ins < best) best = ins;
      const del = d[row + j - 1]! + deletes[j]!;
      if (del < best) best = del;
      if (pairUsed) {
        const two = TWO_FOR_ONE[cj.base]?.[pair];
        if (two !== undefined && d[up - width + j - 1]! + two < best) best = d[up - width + j - 1]! + two;
      }
      if (oneForTwo && j >= 2) {
        const two = oneForTwo[c[j - 2]!.base]?.[cj.base];
        if (two !== undefined && d[up + j - 2]! + two < best) best = d[up + j - 2]! + two;
      }
      d[row + j] = best;
    }
  }
  return d[n * width + m]!;
}

let dp = new Float64Array(32 * 32);
let deletes = new Float64Array(32);
const PAIRS = new Set(Object.values(TWO_FOR_ONE).flatMap((m) => Object.keys(m)));
