import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../fixtures/generator/random.ts';
import { loadDictionary } from '../dictionaries/load.ts';
import { documentFromText, documentToText } from '../pipeline/model/text.ts';
import { repairDocument } from '../pipeline/repair/index.ts';

const ALPHABET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạéềểễệóồổỗộúùủũụ0123456789¢&@$§|!.,;:()/-\t ';

describe('repair on garbage', () => {
  const dict = loadDictionary();
  const cases: [string, (r: () => number) => string][] = [
    ['random letters and symbols', (r) => Array.from({ length: 3000 }, () => ALPHABET[Math.floor(r() * ALPHABET.length)]).join('')],
    ['one 100,000-character token', () => 'a1b2c3đ¢&'.repeat(11_112)],
    ['many short lines', (r) => Array.from({ length: 2000 }, () => ALPHABET.slice(0, 1 + Math.floor(r() * 12))).join('\n')],
    ['control characters and emoji', () => '\u0001\u0002 😀 Quyét dinh \u200b s6 \ufeff 350/QD-TTg \u0007'],
    ['empty', () => ''],
  ];
  for (const [name, make] of cases) {
    it(`keeps the line structure and never throws: ${name}`, async () => {
      const text = make(random(7));
      const r = repairDocument(documentFromText({ name: 'fuzz.txt', mediaType: 'text/plain', sha256: '' }, text), await dict);
      const out = documentToText(r.document);
      expect(out.split('\n').length).toBe(text.normalize('NFC').split('\n').length);
      for (const c of r.changes) expect(c.confidence).toBeGreaterThan(0);
    });
  }
});
