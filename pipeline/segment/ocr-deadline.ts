import { fold } from './cues.ts';

/**
 * A deadline phrase rebuilt from the words OCR scattered over a row's narrow columns:
 * `thường xuyên` (recurring, until the last year named), `lộ trình` (per roadmap), a range
 * of years (period), a quarter, or the years named at the ends of lines (by date).
 */
export function deadlineFromEvidence(narrow: string, ends: string): string {
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
  const range = /(20[2-4]\d)\s*(?:[-–]|DEN(?:\s+NAM)?)[^0-9]{0,40}?(20[2-4]\d)/.exec(f);
  if (range) return `${range[1]} - ${range[2]}`;
  const quarter = /QUY\s+([IV]{1,3})\s*\/\s*(20[2-4]\d)/.exec(f);
  if (quarter) return `Quý ${quarter[1]}/${quarter[2]}`;
  return all.length > 0 ? `Năm ${all.join(', ')}` : '';
}
