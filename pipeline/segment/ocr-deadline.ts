import levenshtein from 'fast-levenshtein';
import { fold } from './cues.ts';

/**
 * A deadline phrase rebuilt from the words OCR scattered over a row's narrow columns:
 * `thường xuyên` (recurring, until the last year named), `lộ trình` (per roadmap), a range
 * of years (period), a quarter, or the years named at the ends of lines (by date).
 */
export function deadlineFromEvidence(narrowRead: string, endsRead: string, knownYears: readonly string[] = []): string {
  const narrow = restoreYears(narrowRead, knownYears);
  const ends = restoreYears(endsRead, knownYears);
  const years = (text: string) => [...new Set([...text.matchAll(/(?<!\d)(20[2-4]\d)(?!\d)/g)].map((m) => m[1]!))].sort();
  const endYears = years(ends.replace(/\n/g, ' '));
  const all = endYears.length > 0 ? endYears : years(narrow);
  const last = all.at(-1);
  // Matched on the folded text: OCR often leaves these words without their marks.
  // Deadline words are read both in the narrow columns' text and in the line ends joined up,
  // where a phrase wrapped over lines (`Theo lộ` / `trình`) comes back together.
  const f = `${fold(narrow)} | ${fold(ends.replace(/\n/g, ' '))}`;
  // `Nhiệm vụ` opening the deadline column only ever leads `nhiệm vụ thường xuyên`.
  if (/XUYEN|THUONG XUY|\bVU THUONG\b/.test(f) || /(?:^|\s)NHIEM(?:\s+VU)?\s*$/m.test(ends.split(/\s{2,}|\n/).map(fold).join('\n'))) {
    // `từ năm` and its year may sit on different lines; other years of the column are kept too.
    const from = /\bTU\s+NAM\b[^0-9]{0,30}?(20[2-4]\d)|\bTU\s+(20[2-4]\d)/.exec(f);
    const start = from?.[1] ?? from?.[2];
    const others = endYears.filter((y) => y !== last && y !== start);
    return [
      'Nhiệm vụ thường xuyên',
      start && start !== last ? `từ năm ${start}` : '',
      last ? `đến năm ${last}` : '',
      others.length > 0 ? `(năm ${others.join(', ')})` : '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (/\bLO\s*TRINH\b|\bTHEO\s+\S{1,3}\s+TRINH\b/.test(f)) return 'Theo lộ trình';
  // After `đến năm` the second year may come after debris of other columns (digits too).
  const range = /(20[2-4]\d)\s*(?:[-–][^0-9]{0,40}?|DEN(?:\s+NAM)?\b(?:(?!20[2-4]\d).){0,40}?)(20[2-4]\d)/.exec(f);
  if (range) return `${range[1]} - ${range[2]}`;
  const quarter = /QUY\s+([IV]{1,3})\s*\/\s*(20[2-4]\d)/.exec(f);
  if (quarter) return `Quý ${quarter[1]}/${quarter[2]}`;
  return all.length > 0 ? `Năm ${all.join(', ')}` : '';
}

/**
 * Years OCR damaged after `năm` (`năm 253 0`, `nzlgm 030`, `denndm 203`: a digit lost, added
 * or misread, spaces or punctuation inside) put back as the year among `known` (years the
 * table reads intact, most frequent first) one digit edit away.
 */
export function restoreYears(text: string, known: readonly string[]): string {
  if (known.length === 0) return text;
  return text.replace(/(n\S{0,3}m\s*)(\d[\d\s;:.,]{1,5}\d)(?![\d])/giu, (all, cue: string, digits: string) => {
    const d = digits.replace(/\D/g, '');
    if (/^20[2-4]\d$/.test(d) && d === digits) return all;
    if (d.length < 3 || d.length > 5) return all;
    const year = known.find((y) => levenshtein.get(d, y) <= 1);
    return year ? `${cue}${year}` : all;
  });
}

/** Years read intact in a table's deadline evidence, most frequent first. */
export function yearsRead(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const m of t.matchAll(/(?<!\d)(20[2-4]\d)(?!\d)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([y]) => y);
}
