import levenshtein from 'fast-levenshtein';
import { opensAgency } from './agencies.ts';
import { fold } from './cues.ts';

/**
 * Agency names in the narrow columns of OCR-flattened tables: known names matched through
 * OCR damage, or the head word with its proper name, and local authorities read across the
 * lines their cell wraps over.
 */

/** `BỘ Nội vụ` → `Bộ Nội vụ`: OCR and repair upper-case agency heads in running text. */
export function titleCaseHeads(text: string): string {
  return text.replace(/\b(BỘ|SỞ|CỤC|VỤ|BAN|VIỆN)(?= \p{Lu}\p{Ll})/gu, (h) => h.charAt(0) + h.slice(1).toLowerCase());
}

/**
 * The first agency name at the start of a text: a known agency name it starts with (through
 * OCR damage; `knownOnly` stops there), or else the head word with its proper name
 * (`Bộ Nội vụ`, `UBND các tỉnh, thành phố`).
 */
export function leadingAgency(text: string, known: readonly string[], knownOnly = false): string {
  const t = text.replace(/^[|\s[(]+/, '').split('|')[0]!.trim();
  // A group (`Các bộ, ngành`) at a line's start is the partners column, not the lead.
  if (/^các\s/iu.test(t)) return '';
  const fuzzy = knownAgencyAt(t, known);
  if (fuzzy || knownOnly) return fuzzy;
  if (!opensAgency(t)) return '';
  const words = t.split(/\s+/);
  const head = opensAgencyWords(words);
  const out = words.slice(0, head);
  let k = head;
  if (/^(?:UBND|HĐND|Ủy ban)/u.test(t)) {
    // Local authorities: `UBND các tỉnh, thành phố`, `UBND các cấp`, `UBND tỉnh`.
    while (k < words.length && LOCAL_WORD.test(words[k]!)) out.push(words[k++]!);
  } else {
    // A ministry-like name: proper-noun syllables after the head (`Bộ Công an`, `Bộ Tư pháp`).
    // One-letter syllables count when capitalised (`Bộ Y tế`); a comma ends the name (`Bộ Y tế,`).
    while (k < words.length && out.length < head + 2) {
      const w = words[k]!.replace(/[,;]$/, '');
      if (!/^(?:\p{L}{2,}|\p{Lu})$/u.test(w) || /^các$/iu.test(w) || (k === head && !/^\p{Lu}\p{Ll}*$/u.test(w))) break;
      out.push(w);
      if (w !== words[k++]) break;
    }
  }
  // A head with a one-word remnant (`Bộ Nội`, `Bộ Hóa`) is more likely OCR debris than a name;
  // UBND names an authority by itself (its cell may go on below).
  if (/^(?:UBND|HĐND)\b/u.test(out.join(' '))) return out.join(' ').replace(/,$/, '');
  return out.length >= head + 2 ? out.join(' ').replace(/[,;]$/, '') : '';
}

/** Words that go on a local authority's name after UBND (`các tỉnh, thành phố`, `các cấp`). */
const LOCAL_WORD = /^(?:các|tỉnh,?|thành|phố,?|xã,?|phường,?|huyện,?|quận,?|cấp)$/u;

/** Letters only, folded, with OCR's digit-for-letter confusions undone: the key names are compared on. */
export function agencyKey(text: string): string {
  return fold(text)
    .replace(/1/g, 'I')
    .replace(/[06]/g, 'O')
    .replace(/[^A-Z]/g, '');
}

/**
 * The known agency name a text starts with, allowing OCR damage: the text's first letters
 * (or letters a few places in, after debris glued to the name) are compared with each known
 * name of two words or more by edit distance, at most one edit per five letters. Returns the
 * known spelling.
 */
export function knownAgencyAt(text: string, known: readonly string[]): string {
  const key = agencyKey(text.slice(0, 60));
  let best = '';
  let bestScore = Infinity;
  for (const name of known) {
    if (name.split(/\s+/).length < 2 || /\s\S$/u.test(name)) continue;
    const k = agencyKey(name);
    if (k.length < 5) continue;
    for (let at = 0; at <= 8 && at + k.length - 1 <= key.length; at++) {
      const d = levenshtein.get(key.slice(at, at + k.length), k);
      // Prefer names found at the start, then closer, then longer.
      const score = at / 10 + d / k.length - k.length / 1000;
      if (d <= Math.floor(k.length / 5) && score < bestScore) [best, bestScore] = [name, score];
    }
  }
  return best;
}

/**
 * The known agency whose letters are most alike to the start of a text damaged beyond
 * {@link knownAgencyAt}'s tolerance (`Bố Nó;` → `Bộ Nội vụ`), with its score (similarity
 * 0..1 plus `prior`, how often the table names it). The name may be followed by the next
 * column's words (what lies past `width` characters is not looked at), or only begin on this
 * line (the cell wraps). Its head word must keep its first letter; up to two words or three
 * letters of debris or of the task text may come before it. Names shorter than five letters
 * are left out: too many damaged words look like them.
 */
export function closestKnownAgency(text: string, known: readonly string[], width = 60, prior: (name: string) => number = () => 0): { name: string; score: number } {
  const words = text.split(/\s+/).filter((w) => w !== '');
  let best = { name: '', score: 0 };
  const starts: { key: string; cost: number }[] = [];
  for (let skip = 0; skip <= 2 && skip < words.length; skip++) {
    const key = agencyKey(words.slice(skip).join(' ').slice(0, width));
    for (let at = 0; at <= 3 && at < key.length; at++) starts.push({ key: key.slice(at), cost: skip * 0.05 + at * 0.05 });
  }
  for (const { key, cost } of starts) {
    if (key.length < 3) continue;
    for (const name of known) {
      const k = agencyKey(name);
      if (k.length < 5 || /\s\S$/u.test(name) || key.charAt(0) !== k.charAt(0)) continue;
      let sim = 1 - levenshtein.get(key.slice(0, k.length + 2), k) / k.length;
      for (let len = Math.max(3, k.length - 2); len <= Math.min(key.length, k.length + 2); len++) sim = Math.max(sim, 1 - levenshtein.get(key.slice(0, len), k) / k.length);
      // The line holds only the name's start: judged on the letters there are, discounted by what is missing.
      if (key.length >= Math.max(4, k.length / 2) && key.length < k.length) {
        sim = Math.max(sim, (1 - levenshtein.get(key, k.slice(0, key.length)) / key.length) * (0.6 + (0.4 * key.length) / k.length));
      }
      const score = sim - cost + prior(name);
      if (score > best.score) best = { name, score };
    }
  }
  return best;
}

/** How many words the agency head at the start takes (`Văn phòng` → 2, `Bộ` → 1). */
function opensAgencyWords(words: readonly string[]): number {
  for (let n = 1; n <= 3; n++) if (opensAgency(words.slice(0, n).join(' ') + ' X') && !opensAgency(words.slice(0, n + 1).join(' ') + ' X')) return n;
  return 1;
}

/**
 * `UBND các tỉnh, thành phố` / `UBND các cấp` when the first of these lines starts with UBND,
 * read across the lines the cell wraps over; empty otherwise.
 */
export function localAuthority(lines: readonly string[]): string {
  const first = (lines[0] ?? '').replace(/^[|\s[(]+/, '');
  if (!/^(?:UBND|Ủy ban nhân dân)\b/u.test(first)) return '';
  const out = ['UBND'];
  // Each wrapped line of the cell starts with the next words of the name; one line of the
  // other columns may sit between two lines of the cell (the cells are not aligned).
  let skipped = 0;
  for (const [n, line] of lines.entries()) {
    const words = line.replace(/^[|\s[(,.:;)'’‘"“”~*%-]+/u, '').split('|')[0]!.trim().split(/\s+/).slice(n === 0 ? 1 : 0);
    let taken = 0;
    for (const w of words.map((x) => x.replace(/[’'"”]+$/u, ''))) {
      if (!LOCAL_WORD.test(w)) break;
      out.push(w);
      taken++;
    }
    if (taken === 0 && n > 0 && /\p{L}{3}/u.test(line) && ++skipped > 1) break;
    // A name ending on a place word without a comma is complete (`UBND các cấp`).
    if (taken > 0 && /^(?:phố|cấp|tỉnh|xã|phường|huyện|quận)$/u.test(out.at(-1)!)) break;
  }
  return out.length > 1 ? out.join(' ').replace(/,$/, '') : '';
}
