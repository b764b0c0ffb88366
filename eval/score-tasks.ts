import { readFileSync } from 'node:fs';
import type { TaskRecord } from '../pipeline/emit/index.ts';

/**
 * Task records scored against gold records, field by field: the figures of `npm run
 * bench:segment` and `npm run bench:ingest`. Text comparisons use the definitions of the
 * project's checker (`tasks_score.py`: its clean, canon and difflib ratio), so the shared
 * figures agree with it.
 */

const WORD = /[\p{L}\p{N}_]/u;
const clean = (s: string) => s.normalize('NFC').replace(/<\/?b>|\*\*/g, '').replace(/\s+/g, ' ').trim();
const canon = (s: string) =>
  clean(s)
    .toLowerCase()
    .replace(/(?<![\p{L}\p{N}_])và(?![\p{L}\p{N}_])/gu, ' ')
    .split('')
    .filter((c) => WORD.test(c) && c !== '_')
    .join('');

/** difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(). */
function ratio(a0: string, b0: string): number {
  const a = Array.from(a0);
  const b = Array.from(b0);
  if (a.length + b.length === 0) return 1;
  const b2j = new Map<string, number[]>();
  b.forEach((ch, j) => (b2j.get(ch) ?? b2j.set(ch, []).get(ch)!).push(j));
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return [besti, bestj, bestsize];
  };
  let matches = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return (2 * matches) / (a.length + b.length);
}
const sim = (a: string, b: string) => ratio(a.toLowerCase(), b.toLowerCase());
/** Median of numbers (0 for none). */
export const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  if (s.length === 0) return 0;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const FIELDS = ['task', 'indicator', 'unit', 'target', 'leadAgencies', 'partnerAgencies', 'output', 'deadline'] as const;
const stt = (r: TaskRecord) => r.stt.replace(/\.$/, '');

/** Figures of one set of task records against its gold. */
export interface Score {
  gold: number;
  pred: number;
  matched: number;
  found: number;
  taskExact: number;
  leadExact: number;
  deadlineExact: number;
  taskSimMedian: number;
  sectionStt: number;
  deadlineKindYears: number;
  fieldsExact: number;
}

/** Scores predicted task records against gold ones, matching by STT (and kind) as the checker does. */
export function scoreTaskRecords(gold: TaskRecord[], pred: TaskRecord[]): Score {
  const used = new Set<number>();
  let matched = 0;
  let found = 0;
  let te = 0;
  let le = 0;
  let de = 0;
  let ky = 0;
  let fields = 0;
  let fieldsOk = 0;
  const sims: number[] = [];
  const bySection = new Set(pred.map((p) => `${p.appendix}|${p.section.code}|${stt(p)}`));
  const sectionStt = gold.filter((g) => bySection.has(`${g.appendix}|${g.section.code}|${stt(g)}`)).length;
  for (const g of gold) {
    const gtext = clean(g.task ?? g.indicator ?? '');
    let best = -1;
    let bi = -1;
    pred.forEach((p, i) => {
      if (used.has(i) || stt(p) !== stt(g) || p.kind !== g.kind) return;
      const s = sim(gtext, clean(p.task ?? p.indicator ?? ''));
      if (s > best) [best, bi] = [s, i];
    });
    for (const f of FIELDS) if (g[f] !== undefined) fields++;
    if (bi < 0) {
      sims.push(0);
      continue;
    }
    used.add(bi);
    const p = pred[bi]!;
    matched++;
    sims.push(best);
    if (best >= 0.9) found++;
    if (canon(gtext) === canon(p.task ?? p.indicator ?? '')) te++;
    if (canon(g.leadAgencies.join(', ')) === canon(p.leadAgencies.join(', '))) le++;
    if (canon(g.deadline?.raw ?? '') === canon(p.deadline?.raw ?? '')) de++;
    if (g.deadline?.kind === p.deadline?.kind && JSON.stringify(g.deadline?.years) === JSON.stringify(p.deadline?.years)) ky++;
    for (const f of FIELDS) if (g[f] !== undefined && JSON.stringify(g[f]) === JSON.stringify(p[f])) fieldsOk++;
  }
  const n = gold.length || 1;
  return {
    gold: gold.length,
    pred: pred.length,
    matched: matched / n,
    found: found / n,
    taskExact: te / n,
    leadExact: le / n,
    deadlineExact: de / n,
    taskSimMedian: median(sims),
    sectionStt: sectionStt / n,
    deadlineKindYears: ky / n,
    fieldsExact: fieldsOk / (fields || 1),
  };
}

/** Task records from a JSONL file (one record per line, as `sohoa tasks` prints them). */
export function readTaskRecords(path: string): TaskRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as TaskRecord);
}
