import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCorpus } from '../corpus.ts';
import type { CorpusDocument } from './index.ts';

const CONVENTIONS = fileURLToPath(new URL('../genre/conventions.txt', import.meta.url));

/**
 * Reads `dictionaries/genre/conventions.txt`: what every administrative document is made of
 * (the Quốc hiệu, the types of document and their parts as Nghị định 30/2020/NĐ-CP sets them
 * out), the standard names of the bodies that issue them and of their officers' posts, the
 * words of records work, and ordinal numbers. A handful of clean documents cannot hold every
 * body, post or type of document (a corpus of plans never says `Chỉ thị` or `kỳ họp`); every
 * document of the genre uses some. They are administrative text, so the builder counts them with
 * the domain corpus, in every dictionary it builds: one document, each line a paragraph of its own.
 */
export function readGenreConventions(): { source: string; document: CorpusDocument } {
  const lines = readFileSync(CONVENTIONS, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  return { source: 'dictionaries/genre/conventions.txt', document: { name: 'genre conventions', text: lines.join('\n\n') } };
}

const SECTORS = fileURLToPath(new URL('../genre/sectors/', import.meta.url));

/**
 * Reads `dictionaries/genre/sectors/`: administrative prose of the sectors state bodies manage
 * (health, education, agriculture, land and environment, construction and transport, industry
 * and trade, finance, justice, security, internal affairs), one file per group of sectors. A
 * corpus of one subject (the seeds are all on digital transformation) knows none of the words
 * of another (`tiêm chủng`, `chất thải rắn`, `giải phóng mặt bằng`); a document may be on any.
 * They were written for the project from knowledge of the genre by authors who did not see the
 * documents of `fixtures/unseen`, and are counted with the domain corpus in every build, like the
 * conventions, but are no source of agency names (the builder's `buildDictionaryData`).
 */
export function readGenreSectors(): { source: string; documents: CorpusDocument[] } {
  return { source: 'dictionaries/genre/sectors/', documents: readCorpus(SECTORS).map((d) => ({ name: `genre sectors: ${d.name}`, text: d.text })) };
}
