import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The genre's conventions as short texts, and the file they come from. */
export interface GenreConventions {
  source: string;
  texts: string[];
}

const CONVENTIONS = fileURLToPath(new URL('../genre/conventions.txt', import.meta.url));

/**
 * Reads `dictionaries/genre/conventions.txt`: what every administrative document is made of
 * (the Quốc hiệu, the types of document and their parts as Nghị định 30/2020/NĐ-CP sets them
 * out), the standard names of the bodies that issue them and of their officers' posts, the
 * words of records work, and ordinal numbers. A handful of clean documents cannot hold every
 * body, post or type of document (a corpus of plans never says `Chỉ thị` or `kỳ họp`); every
 * document of the genre uses some. They are administrative text, so the builder counts them with
 * the domain corpus, in every dictionary it builds.
 */
export function readGenreConventions(): GenreConventions {
  const texts = readFileSync(CONVENTIONS, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return { source: 'dictionaries/genre/conventions.txt', texts };
}
