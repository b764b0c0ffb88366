import { CLEAN_PAIRS, PRINTED_PAIRS, deleteCost, familyDeleteCost, familySubstituteCost, insertCost, oneForTwoCost, substituteCost, twoForOneCost, type Unit } from './channel.ts';

/**
 * The channel model's weighted edit distance, over words interned into typed arrays. Candidate
 * search scores every printed token against hundreds of skeletons and words: with units as
 * small integers and every rule cost memoised in flat tables, the inner loop reads arrays only.
 */

/** A word as the channel DP reads it, printed or clean. */
export interface Spelling {
  /** Interned unit ids, one per base letter. */
  readonly ids: Int32Array;
  /** As printed: index into {@link PRINTED_PAIRS} of the pair ending at each unit, or -1. */
  readonly pairs: Int32Array;
  /** As clean: cost of the OCR dropping each unit. */
  readonly deletes: Float64Array;
  /** As clean: index into {@link CLEAN_PAIRS} of the pair a unit closes (ươ, uy, li: one printed letter for both), or -1. */
  readonly closesPair: Int32Array;
}

const TONES = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
const MODIFIERS = new Set(['\u0302', '\u0306', '\u031b']);
/** Marker of a family unit: the base letter with whichever marks are cheapest. */
const ANY = '*';

/**
 * Units the tables hold. Past it (endless exotic symbols in a long batch), new characters share
 * one slot per kind, letter or not: they cost alike, as none is in a lookalike table.
 */
const MAX_UNITS = 1024;
const UNITS: Unit[] = [];
const UNIT_IDS = new Map<string, number>();
/** Memoised substitution costs by (printed id, clean id); −1 until first used. */
const SUBSTITUTE = new Float64Array(MAX_UNITS * MAX_UNITS).fill(-1);
const INSERT = new Float64Array(MAX_UNITS);
/** 1 for units that may be printed for a clean pair (w, y, h). */
const PRINTS_PAIR = new Uint8Array(MAX_UNITS);
/** Cost of unit id printed for clean pair k, at id * CLEAN_PAIRS.length + k (Infinity: it cannot). */
const ONE_FOR_TWO = new Float64Array(MAX_UNITS * CLEAN_PAIRS.length);
/** Cost of printed pair k standing for clean unit id, at k * MAX_UNITS + id (Infinity: it cannot). */
const TWO_FOR_ONE = new Float64Array(PRINTED_PAIRS.length * MAX_UNITS);
const PAIR_INDEX = new Map(PRINTED_PAIRS.map((p, k) => [p, k]));
const CLEAN_PAIR_INDEX = new Map(CLEAN_PAIRS.map((p, k) => [p, k]));
const OVERFLOW_LETTER = MAX_UNITS - 2;
const OVERFLOW_OTHER = MAX_UNITS - 1;

function register(unit: Unit, id: number): void {
  UNITS[id] = unit;
  INSERT[id] = insertCost(unit);
  CLEAN_PAIRS.forEach((pair, k) => (ONE_FOR_TWO[id * CLEAN_PAIRS.length + k] = oneForTwoCost(unit.base, pair[0]!, pair[1]!) ?? Infinity));
  PRINTS_PAIR[id] = CLEAN_PAIRS.some((pair) => oneForTwoCost(unit.base, pair[0]!, pair[1]!) !== undefined) ? 1 : 0;
  PRINTED_PAIRS.forEach((pair, k) => (TWO_FOR_ONE[k * MAX_UNITS + id] = twoForOneCost(unit.base, pair) ?? Infinity));
}
// The overflow slots stand for characters in no table: a letter-like and a symbol-like one.
register({ base: '\u02ac', modifier: '', tone: '' }, OVERFLOW_LETTER);
register({ base: '\ufffc', modifier: '', tone: '' }, OVERFLOW_OTHER);

function intern(base: string, modifier: string, tone: string): number {
  const key = base + modifier + tone;
  let id = UNIT_IDS.get(key);
  if (id === undefined) {
    id = UNIT_IDS.size;
    if (id >= OVERFLOW_LETTER) id = /[\p{L}\p{N}]/u.test(base) ? OVERFLOW_LETTER : OVERFLOW_OTHER;
    else register({ base, modifier, tone }, id);
    UNIT_IDS.set(key, id);
  }
  return id;
}

function substitute(printed: number, clean: number): number {
  const o = UNITS[printed]!;
  const c = UNITS[clean]!;
  const cost = c.modifier === ANY ? familySubstituteCost(o, c.base) : substituteCost(o, c);
  SUBSTITUTE[printed * MAX_UNITS + clean] = cost;
  return cost;
}

function spelling(ids: number[]): Spelling {
  const n = ids.length;
  const out = { ids: Int32Array.from(ids), pairs: new Int32Array(n).fill(-1), deletes: new Float64Array(n), closesPair: new Int32Array(n).fill(-1) };
  for (let i = 0; i < n; i++) {
    const u = UNITS[ids[i]!]!;
    // A family unit's deletion bounds its variants' from below, as its substitutions do (đ is cheaper to lose than d).
    out.deletes[i] = u.modifier === ANY ? familyDeleteCost(u.base) : deleteCost(u);
    if (i === 0) continue;
    const before = UNITS[ids[i - 1]!]!;
    out.pairs[i] = PAIR_INDEX.get(before.base + u.base) ?? -1;
    out.closesPair[i] = CLEAN_PAIR_INDEX.get(before.base + u.base) ?? -1;
  }
  return out;
}

/** Splits lower-case text into units, one per base character, as a {@link Spelling}. */
export function spell(text: string): Spelling {
  const raw: Unit[] = [];
  for (const ch of text.normalize('NFD')) {
    const last = raw[raw.length - 1];
    if (last && TONES.has(ch)) last.tone = ch;
    else if (last && MODIFIERS.has(ch)) last.modifier = ch;
    else if (ch === 'đ') raw.push({ base: 'd', modifier: 'đ', tone: '' });
    else raw.push({ base: ch, modifier: '', tone: '' });
  }
  return spelling(raw.map((u) => intern(u.base, u.modifier, u.tone)));
}

/**
 * The family spelling of an accent-free skeleton: scoring a printed token against it gives a
 * lower bound of its channel cost against every word with that skeleton.
 */
export function familySpelling(skeleton: string): Spelling {
  return spelling([...skeleton].map((base) => intern(base, ANY, ANY)));
}

/**
 * The DP table, one row per clean unit and one column per printed unit. Rows depend only on
 * the clean units up to theirs, so words sharing a prefix share those rows (see
 * {@link spellingCosts}).
 */
let dp = new Float64Array(32 * 32);

/** Fills rows `from`..m of the table for printed `o` and clean `c`; rows before `from` hold c's prefix already. */
function fillRows(o: Spelling, c: Spelling, from: number): void {
  const n = o.ids.length;
  const width = n + 1;
  const d = dp;
  for (let j = from; j <= c.ids.length; j++) {
    const cid = c.ids[j - 1]!;
    const del = c.deletes[j - 1]!;
    const closes = c.closesPair[j - 1]!;
    const row = j * width;
    const up = row - width;
    d[row] = d[up]! + del;
    for (let i = 1; i <= n; i++) {
      const oid = o.ids[i - 1]!;
      let sub = SUBSTITUTE[oid * MAX_UNITS + cid]!;
      if (sub < 0) sub = substitute(oid, cid);
      let best = d[up + i - 1]! + sub;
      const ins = d[row + i - 1]! + INSERT[oid]!;
      if (ins < best) best = ins;
      const gone = d[up + i]! + del;
      if (gone < best) best = gone;
      const pair = o.pairs[i - 1]!;
      if (pair >= 0) {
        const two = d[up + i - 2]! + TWO_FOR_ONE[pair * MAX_UNITS + cid]!;
        if (two < best) best = two;
      }
      if (closes >= 0 && PRINTS_PAIR[oid] === 1) {
        const one = d[up - width + i - 1]! + ONE_FOR_TWO[oid * CLEAN_PAIRS.length + closes]!;
        if (one < best) best = one;
      }
      d[row + i] = best;
    }
  }
}

/** Sizes the table for printed `o` and clean words up to `m` units, and fills row 0 (nothing clean yet). */
function startTable(o: Spelling, m: number): void {
  const n = o.ids.length;
  if ((m + 1) * (n + 1) > dp.length) dp = new Float64Array((m + 1) * (n + 1) * 2);
  dp[0] = 0;
  for (let i = 1; i <= n; i++) dp[i] = dp[i - 1]! + INSERT[o.ids[i - 1]!]!;
}

/** Channel cost (nats) of the clean spelling `c` being printed as `o`: a weighted edit distance. */
export function spellingCost(o: Spelling, c: Spelling): number {
  startTable(o, c.ids.length);
  fillRows(o, c, 1);
  return dp[c.ids.length * (o.ids.length + 1) + o.ids.length]!;
}

/**
 * {@link spellingCost} of printed `o` against `cleans[ids[k]]` into `out[k]`, for each k. With
 * `cleans` sorted and `ids` ascending, neighbours share the rows of their common prefix: the
 * near skeletons of one printed form mostly begin alike.
 */
export function spellingCosts(o: Spelling, ids: Int32Array, cleans: readonly Spelling[], out: Float64Array): void {
  let longest = 0;
  for (const id of ids) longest = Math.max(longest, cleans[id]!.ids.length);
  startTable(o, longest);
  const width = o.ids.length + 1;
  let before: Spelling | undefined;
  for (let k = 0; k < ids.length; k++) {
    const c = cleans[ids[k]!]!;
    let shared = 0;
    if (before) {
      const limit = Math.min(c.ids.length, before.ids.length);
      while (shared < limit && c.ids[shared] === before.ids[shared]) shared++;
    }
    fillRows(o, c, shared + 1);
    out[k] = dp[c.ids.length * width + width - 1]!;
    before = c;
  }
}

/**
 * Channel cost of printing the clean lower-case word `clean` as the lower-case `printed`:
 * a weighted edit distance over letters with the lookalike tables of `channel.ts`.
 */
export function channelCost(printed: string, clean: string): number {
  return printed === clean ? 0 : spellingCost(spell(printed), spell(clean));
}
