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
 * OCR damage; `knownOnly` stops there), else in the lead cell the nearest known name,
 * or else the head word with its proper name (`Bộ Nội vụ`, `UBND các tỉnh, thành phố`).
 */
export function leadingAgency(text: string, known: readonly string[], inLeadCell = false, knownOnly = false): string {
  const t = text.replace(/^[|\s[(]+/, '').split('|')[0]!.trim();
  // A group (`Các bộ, ngành`) at a line's start is the partners column, not the lead.
  if (/^các\s/iu.test(t)) return '';
  const fuzzy = knownAgencyAt(t, known) || (inLeadCell && /\|/.test(text.slice(0, 30)) ? nearestKnownAgency(t, known) : '');
  if (fuzzy || knownOnly) return fuzzy;
  if (!opensAgency(t)) return '';
  const words = t.split(/\s+/);
  const head = opensAgencyWords(words);
  const out = words.slice(0, head);
  let k = head;
  if (/^(?:UBND|HĐND|Ủy ban)/u.test(t)) {
    // Local authorities: `UBND các tỉnh, thành phố`, `UBND các cấp`, `UBND tỉnh`.
    while (k < words.length && /^(?:các|tỉnh,?|thành|phố,?|xã,?|phường,?|huyện,?|quận,?|cấp)$/u.test(words[k]!)) out.push(words[k++]!);
  } else {
    // A ministry-like name: proper-noun syllables after the head (`Bộ Công an`, `Bộ Tư pháp`).
    while (k < words.length && out.length < head + 2 && /^\p{L}{2,}$/u.test(words[k]!) && !/^các$/iu.test(words[k]!) && (k > head || /^\p{Lu}\p{Ll}+$/u.test(words[k]!))) {
      out.push(words[k]!);
      k++;
    }
  }
  // A head with a one-word remnant (`Bộ Nội`, `Bộ Hóa`) is more likely OCR debris than a name;
  // UBND names an authority by itself (its cell may go on below).
  if (/^(?:UBND|HĐND)$/u.test(out.join(' '))) return out[0]!;
  return out.length >= head + 2 ? out.join(' ').replace(/[,;]$/, '') : '';
}

/** Letters only, folded, with OCR's digit-for-letter confusions undone: the key names are compared on. */
function agencyKey(text: string): string {
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
function knownAgencyAt(text: string, known: readonly string[]): string {
  const key = agencyKey(text.slice(0, 60));
  let best = '';
  let bestScore = Infinity;
  for (const name of known) {
    if (!/\S{2,}\s+\S{2,}/u.test(name) || /\s\S$/u.test(name)) continue;
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
 * In the lead cell of an STT line (text up to a `|` rule), the known agency whose letters are
 * most alike (at least half), for names OCR damaged beyond
 * {@link knownAgencyAt}'s tolerance (`Bộ Nhiều` → `Bộ Nội vụ`).
 */
function nearestKnownAgency(text: string, known: readonly string[]): string {
  const key = agencyKey(text);
  let best = '';
  let bestSim = 0.5;
  for (const name of known) {
    const k = agencyKey(name);
    if (/\s\S$/u.test(name)) continue;
    // From the start, or after a few letters of debris glued to the name (`ciu[Bd Nbi vu`).
    for (let at = 0; at <= 4 && at < key.length; at++) {
      // Same first letter: the head word, even where OCR glued it to the name (`BONGi vy`).
      if (key.charAt(at) !== k.charAt(0)) continue;
      const part = key.slice(at, at + k.length + 2);
      const sim = 1 - levenshtein.get(part, k) / Math.max(k.length, part.length) - at / 20;
      if (sim > bestSim) [best, bestSim] = [name, sim];
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
  // Each wrapped line of the cell starts with the next words of the name.
  for (const [n, line] of lines.entries()) {
    const words = line.replace(/^[|\s[(,.]+/, '').split('|')[0]!.trim().split(/\s+/).slice(n === 0 ? 1 : 0);
    let taken = 0;
    for (const w of words) {
      if (!/^(?:các|tỉnh,?|thành|phố,?|xã,?|phường,?|huyện,?|quận,?|cấp)$/u.test(w)) break;
      out.push(w);
      taken++;
    }
    if (taken === 0 && n > 0) break;
  }
  return out.length > 1 ? out.join(' ').replace(/,$/, '') : '';
}
