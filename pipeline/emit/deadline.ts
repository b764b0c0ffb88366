import { fromRoman } from '../model/roman.ts';

/** How a deadline is stated. */
export type DeadlineKind = 'recurring' | 'by-date' | 'period' | 'after-event' | 'per-roadmap' | 'unknown';

/** A deadline cell, as printed and normalised. ISO-like values: `2026`, `2026-Q4`, `2025-05`, `2025-05-31`. */
export interface Deadline {
  raw: string;
  kind: DeadlineKind;
  /** Latest point by which the task is due (by-date), or until which it recurs (recurring). */
  by?: string;
  /** Start of a period or of a recurring task (`từ năm 2026`). */
  from?: string;
  /** End of a period. */
  to?: string;
  /** Every year the text mentions, ascending. */
  years: number[];
}

/** Dated points in order of appearance: `Quý IV/2026`, `tháng 5/2025`, `31/12/2025`, `năm 2026`. */
function points(text: string): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  const taken: [number, number][] = [];
  const add = (re: RegExp, f: (m: RegExpExecArray) => string | undefined) => {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const v = f(m as RegExpExecArray);
      if (!v) continue;
      taken.push([start, end]);
      out.push({ value: v, index: start });
    }
  };
  const pad = (s: string) => s.padStart(2, '0');
  // One quarter or several (`Quý I, II/2027`, `Quý II - III/2026`): the task is due by the last.
  add(/[Qq]u[ýy]\s*((?:[IV]+|[1-4])(?:\s*(?:,|và|-|–)\s*(?:[IV]+|[1-4]))*)\s*(?:\/|năm|-)\s*(\d{4})/gu, (m) => {
    const quarters = m[1]!.split(/\s*(?:,|và|-|–)\s*/u).map((n) => (/^\d$/.test(n) ? Number(n) : (fromRoman(n) ?? 0)));
    const q = Math.max(...quarters);
    return quarters.every((n) => n >= 1 && n <= 4) ? `${m[2]}-Q${q}` : undefined;
  });
  // The first or last months of a year (`6 tháng đầu năm 2026`): due by the last of them.
  add(/\b(\d{1,2})\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})\b/gu, (m) => (Number(m[1]) <= 12 ? `${m[3]}-${m[2] === 'đầu' ? pad(m[1]!) : '12'}` : undefined));
  add(/\b(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\b/g, (m) => `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`);
  add(/\b(\d{1,2})\s*(?:\/|năm)\s*(\d{4})\b/gu, (m) => (Number(m[1]) <= 12 ? `${m[2]}-${pad(m[1]!)}` : undefined));
  add(/\b((?:19|20)\d{2})\b/g, (m) => m[1]);
  return out.sort((a, b) => a.index - b.index);
}

const yearOf = (v: string) => Number(v.slice(0, 4));

/**
 * Normalises a deadline cell. The kind follows the wording: `thường xuyên`/`hằng năm` →
 * recurring (until `đến năm …`), `theo lộ trình` → per-roadmap, `sau khi` → after-event,
 * `giai đoạn X–Y`/`X đến Y` → period, any other date → by-date (the latest date named).
 */
export function normaliseDeadline(raw: string): Deadline {
  const text = raw.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  const pts = points(text);
  const years = [...new Set(pts.map((p) => yearOf(p.value)))].sort((a, b) => a - b);
  const base = { raw: text, years };
  const last = pts.reduce<string | undefined>((acc, p) => (acc === undefined || p.value > acc ? p.value : acc), undefined);
  if (/thường xuyên|hằng năm|hàng năm|định kỳ|liên tục|hằng quý|hàng quý/u.test(lower)) {
    const until = /(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?((?:19|20)\d{2})/u.exec(lower)?.[1];
    const from = /từ\s+(?:năm\s+)?((?:19|20)\d{2})/u.exec(lower)?.[1];
    return { ...base, kind: 'recurring', ...(until ? { by: until } : {}), ...(from ? { from } : {}) };
  }
  if (/theo lộ trình|theo tiến độ|theo kế hoạch/u.test(lower)) return { ...base, kind: 'per-roadmap', ...(last ? { by: last } : {}) };
  if (/\bsau khi\b/u.test(lower) && pts.length === 0) return { ...base, kind: 'after-event' };
  const range = /((?:19|20)\d{2})\s*(?:[-–—]|đến(?: năm)?|tới(?: năm)?)\s*((?:19|20)\d{2})/u.exec(lower);
  if (range) {
    return { ...base, kind: 'period', from: range[1]!, to: range[2]! };
  }
  if (last) return { ...base, kind: 'by-date', by: last };
  return { ...base, kind: 'unknown' };
}
