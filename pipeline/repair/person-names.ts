import type { Slot, SlotOption } from './decode.ts';
import type { Dictionary } from './dictionary.ts';
import { offeredReadings } from './slots.ts';

/**
 * Channel cost up to which a name's syllable is offered for a printed form: about a misread mark or
 * letter (Pang for Đặng costs 1.6). Not more: the lists' priors are strong (Thị and Văn are a tenth
 * of their syllables) and would draw in readings two letters away (Vinh read as Văn costs 3.8).
 */
const NAME_READING_MAX_COST = 2.5;

/** Serialized counts of the syllables of people's full names: surnames, and the syllables after them. */
export interface PersonNameCounts {
  /** Lower-case surnames with how many of the names counted start with each. */
  surnames: [string, number][];
  /** Lower-case middle and given name syllables (thị, văn, hải, long…) with their counts. */
  given: [string, number][];
}

/**
 * Share of names whose syllables the lists hold: a rarer surname or given name falls to the
 * uniform floor, so it can still be read when its spelling is plain.
 */
const LISTED_SHARE = 0.9;
/** Syllables the floor is spread over: about the number of valid Vietnamese syllables. */
const SYLLABLES = 17_000;

/** Counts of the syllables of full names written one per text (`Trương Hải Long`), lower-cased. */
export function countPersonNames(names: readonly string[]): PersonNameCounts {
  const surnames = new Map<string, number>();
  const given = new Map<string, number>();
  for (const name of names) {
    const [surname, ...rest] = name.normalize('NFC').toLowerCase().split(/\s+/);
    if (!surname || rest.length === 0) continue;
    surnames.set(surname, (surnames.get(surname) ?? 0) + 1);
    for (const s of rest) given.set(s, (given.get(s) ?? 0) + 1);
  }
  const sorted = (m: Map<string, number>): [string, number][] => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { surnames: sorted(surnames), given: sorted(given) };
}

/**
 * How Vietnamese full names go, syllable by syllable: a surname, then middle and given names.
 * A name's syllables follow no grammar (Hải Long, Thanh Trà), so a signer's name under a title
 * has no context to repair it by but which syllables names are made of: `Truong` is a surname
 * (Trương) before it is a word (trung), `Thinh` a given name (Thịnh) before it is a word (thành).
 */
export class PersonNameModel {
  private readonly surnames: Map<string, number>;
  private readonly given: Map<string, number>;
  private readonly floor = (1 - LISTED_SHARE) / SYLLABLES;

  constructor(counts: PersonNameCounts) {
    const shares = (entries: [string, number][]): Map<string, number> => {
      const total = entries.reduce((n, [, c]) => n + c, 0);
      return new Map(entries.map(([w, c]) => [w, c / total]));
    };
    this.surnames = shares(counts.surnames);
    this.given = shares(counts.given);
  }

  /**
   * The slots of a name's line as a person's name: each slot with a choice gets the name syllables
   * the channel can turn into its printed form (Truong: Trương, Trường; Pang: Đặng), priced like
   * any candidate, since the dictionary's candidates are the likeliest *words* and a surname such
   * as Đặng is a rare one. The lists are short (26 surnames, some 450 other syllables), and a
   * document has a name or two. Undefined when no reading of the first word is a listed surname
   * (the 26 are nearly every Vietnamese's): a line of capitalised words that is no person's (Văn
   * Phòng Chính Phủ) is left to the language model.
   * @param printed the printed token of each slot (undefined where there is none)
   * @param changeCost the prior cost of a printed word being wrong in this text
   */
  asName<S extends Slot>(sentence: S[], printed: readonly (string | undefined)[], changeCost: number, dict: Dictionary): S[] | undefined {
    const named = sentence.map((slot, position) => {
      const p = printed[position];
      if (p === undefined || slot.options.length < 2) return slot;
      const listed = [...(position === 0 ? this.surnames : this.given).keys()].filter((word) => !slot.options.some((o) => o.word === word));
      const added = offeredReadings(p, listed.map((word) => [dict.lm.id(word), word] as const), NAME_READING_MAX_COST, changeCost, dict);
      return added.length ? { ...slot, options: [...slot.options, ...added] } : slot;
    });
    return named[0]?.options.some((o) => this.surnames.has(o.word.split(' ')[0]!)) ? named : undefined;
  }

  /** −ln P(word | its position in the name): the first syllable is the surname. */
  cost(word: string, position: number): number {
    const share = (position === 0 ? this.surnames : this.given).get(word) ?? 0;
    return -Math.log(LISTED_SHARE * share + this.floor);
  }

  /**
   * The likeliest reading of each slot of a name's line, with its confidence (its share of
   * probability among the slot's readings): channel cost plus the name model, slot by slot.
   * A reading that splits a printed token takes a position per word.
   */
  choose(slots: readonly { options: readonly SlotOption[] }[]): { chosen: number[]; confidence: number[] } {
    const words = (o: SlotOption): string[] => o.word.split(' ');
    const chosen: number[] = [];
    const confidence: number[] = [];
    let position = 0;
    for (const { options } of slots) {
      const scores = options.map((o) => o.cost + words(o).reduce((sum, w, k) => sum + this.cost(w, position + k), 0));
      const best = scores.reduce((b, s, k) => (s < scores[b]! ? k : b), 0);
      const total = scores.reduce((sum, s) => sum + Math.exp(scores[best]! - s), 0);
      chosen.push(best);
      confidence.push(1 / total);
      position += words(options[best]!).length;
    }
    return { chosen, confidence };
  }
}
