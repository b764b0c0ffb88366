import { createRequire } from 'node:module';
import { faker } from '@faker-js/faker/locale/vi';
import { SohoaError } from '../../pipeline/model/errors.ts';

/** Vietnamese personal names as short texts, and the package they come from. */
export interface PersonNames {
  source: string;
  texts: string[];
}

/**
 * Common middle names by sex: most Vietnamese women's full names carry `Thị` before their given
 * name, and many men's `Văn` (Phạm Thị Thanh Trà, Nguyễn Văn Hùng).
 */
const MIDDLE_NAMES = { female: 'Thị', male: 'Văn' } as const;

/**
 * Full names built from the Vietnamese locale of the `@faker-js/faker` npm package (MIT): its
 * 26 common surnames and its 2,488 given names (`Thanh Trà`), each given name under one surname,
 * and once more with its sex's common middle name under another. A document names its signer
 * and the officials it cites; OCR damage to a name has little context to undo it but the name
 * itself, so the background model learns how names go.
 */
export function readPersonNames(): PersonNames {
  const require = createRequire(import.meta.url);
  const version = (require('@faker-js/faker/package.json') as { version: string }).version;
  const person = faker.rawDefinitions.person;
  const surnames = person?.last_name?.generic;
  const given = person?.first_name;
  // A faker release without these lists would otherwise build names like `undefined Thanh Trà`.
  if (!surnames?.length || !given?.generic || !given.female || !given.male) {
    throw new SohoaError('E_INTERNAL', `@faker-js/faker@${version}: the Vietnamese locale has no surnames or given names`);
  }
  // Surnames in turn, so that every surname is followed by names of every kind.
  const surname = (i: number): string => surnames[i % surnames.length]!;
  // One surname per given name: under more, names outweigh the common words they share syllables with.
  const named = (names: readonly string[], middle?: string): string[] =>
    names.flatMap((name, i) => (middle ? [`${surname(i)} ${name}`, `${surname(i + 1)} ${middle} ${name}`] : [`${surname(i)} ${name}`]));
  const texts = [...named(given.generic), ...named(given.female, MIDDLE_NAMES.female), ...named(given.male, MIDDLE_NAMES.male)];
  return { source: `@faker-js/faker@${version} (vi person names)`, texts };
}
