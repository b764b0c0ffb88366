/**
 * Character error rate: Levenshtein distance between whitespace-normalized prediction and gold,
 * over the gold's length. Runs of whitespace count as one space, so line wrapping and paragraph
 * breaks are not errors; text is compared in NFC.
 */
export function characterErrorRate(gold: string, predicted: string): number {
  const g = normalize(gold);
  const p = normalize(predicted);
  return g.length === 0 ? (p.length === 0 ? 0 : 1) : editDistance(g, p) / g.length;
}

const normalize = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Levenshtein distance in O(n·d) time (Ukkonen's band, doubled until the distance fits in it). */
export function editDistance(a: string, b: string): number {
  for (let band = Math.max(16, Math.abs(a.length - b.length) + 1); ; band *= 2) {
    const d = bandedDistance(a, b, band);
    if (d <= band) return d;
  }
}

function bandedDistance(a: string, b: string, band: number): number {
  const n = a.length;
  const m = b.length;
  const INF = n + m + 1;
  let prev = new Int32Array(m + 1).fill(INF);
  let cur = new Int32Array(m + 1).fill(INF);
  for (let j = 0; j <= Math.min(m, band); j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(m, i + band);
    cur.fill(INF, Math.max(0, lo - 1), Math.min(m, hi + 1) + 1);
    if (lo === 1) cur[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const sub = prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}
