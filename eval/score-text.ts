/**
 * Syllable accuracy and word error rate of repaired text against gold, with the same
 * definitions as the project's checker (`score_text.py`): tokens are runs of letters and
 * digits; the two sequences are aligned on n-grams unique to both sides (accent-stripped
 * keys, then OCR skeletons), with an edit-distance alignment inside the gaps; a gold token is
 * right when its aligned prediction is equal after NFC, lower-casing and old/new tone
 * placement (hòa = hoà).
 */

/** The figures `score_text.py` prints. */
export interface TextScore {
  gold_tokens: number;
  pred_tokens: number;
  syllable_acc: number;
  case_exact_acc: number;
  wer: number;
  subs: number;
  dels: number;
  ins: number;
}

type Pair = [string | null, string | null];

const OLD2NEW: [string, string][] = Object.entries({
  òa: 'oà', óa: 'oá', ỏa: 'oả', õa: 'oã', ọa: 'oạ', òe: 'oè', óe: 'oé', ỏe: 'oẻ', õe: 'oẽ', ọe: 'oẹ',
  ùy: 'uỳ', úy: 'uý', ủy: 'uỷ', ũy: 'uỹ', ụy: 'uỵ',
});

function toneNorm(w: string): string {
  for (const [oldForm, newForm] of OLD2NEW) w = w.split(newForm).join(oldForm);
  return w;
}

function strip(w: string): string {
  return w.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/\p{Mn}/gu, '');
}

/** Python's `re.findall(r'\w+')` on NFC text: letters, marks, digits and underscore. */
function toks(t: string): string[] {
  return t.normalize('NFC').match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];
}

function lev(a: string, b: string): number {
  if (a === b) return 0;
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] !== B[j - 1] ? 1 : 0)));
    prev = cur;
  }
  return prev[B.length]!;
}

function alignGap(G: string[], P: string[]): Pair[] {
  const n = G.length;
  const m = P.length;
  if (n * m > 400000) return Array.from({ length: Math.max(n, m) }, (_, i): Pair => [G[i] ?? null, P[i] ?? null]);
  const sg = G.map((x) => strip(x).toLowerCase());
  const sp = P.map((x) => strip(x).toLowerCase());
  const cost = (i: number, j: number): number => lev(sg[i]!, sp[j]!) / Math.max([...sg[i]!].length, [...sp[j]!].length, 1);
  const D: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) D[i]![0] = i;
  for (let j = 1; j <= m; j++) D[0]![j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      D[i]![j] = Math.min(D[i - 1]![j]! + 1, D[i]![j - 1]! + 1, D[i - 1]![j - 1]! + cost(i - 1, j - 1) * 1.5);
    }
  }
  const out: Pair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && Math.abs(D[i]![j]! - (D[i - 1]![j - 1]! + cost(i - 1, j - 1) * 1.5)) < 1e-9) {
      out.push([G[i - 1]!, P[j - 1]!]);
      i--;
      j--;
      continue;
    }
    if (i > 0 && Math.abs(D[i]![j]! - (D[i - 1]![j]! + 1)) < 1e-9) {
      out.push([G[i - 1]!, null]);
      i--;
      continue;
    }
    out.push([null, P[j - 1]!]);
    j--;
  }
  return out.reverse();
}

const SKEL_FROM = '0123456789';
const SKEL_TO = 'oliezsbtbg';

function skel(w: string): string {
  let s = strip(w).toLowerCase();
  s = [...s].map((c) => (SKEL_FROM.includes(c) ? SKEL_TO[SKEL_FROM.indexOf(c)]! : c)).join('');
  return s.replace(/[^a-z]/g, '');
}

/** Pairs (i, j) where the n-gram at i in G and j in P is unique in both; longest increasing chain. */
function uniqueAnchors(kg: string[], kp: string[], n: number): [number, number][] {
  const grams = (k: string[]): Map<string, number[]> => {
    const d = new Map<string, number[]>();
    for (let i = 0; i + n <= k.length; i++) {
      const g = k.slice(i, i + n).join('\u0000');
      const list = d.get(g);
      if (list) list.push(i);
      else d.set(g, [i]);
    }
    return d;
  };
  const dg = grams(kg);
  const dp = grams(kp);
  const cand: [number, number][] = [];
  for (const [g, v] of dg) if (v.length === 1 && dp.get(g)?.length === 1) cand.push([v[0]!, dp.get(g)![0]!]);
  cand.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const tails: number[] = [];
  const idx: number[] = [];
  const prev: (number | null)[] = new Array(cand.length).fill(null);
  cand.forEach(([, j], c) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo === tails.length) {
      tails.push(j);
      idx.push(c);
    } else {
      tails[lo] = j;
      idx[lo] = c;
    }
    prev[c] = lo > 0 ? idx[lo - 1]! : null;
  });
  const out: [number, number][] = [];
  let c: number | null = idx.length ? idx[idx.length - 1]! : null;
  while (c !== null) {
    out.push(cand[c]!);
    c = prev[c]!;
  }
  return out.reverse();
}

const LEVELS: [(w: string) => string, number][] = [
  [(w) => strip(w).toLowerCase(), 4],
  [(w) => strip(w).toLowerCase(), 2],
  [skel, 3],
  [skel, 1],
];

function align(G: string[], P: string[], level = 0): Pair[] {
  if (!G.length || !P.length || G.length * P.length <= 250000 || level === 4) return alignGap(G, P);
  const [keyf, n] = LEVELS[level]!;
  const anchors = uniqueAnchors(G.map(keyf), P.map(keyf), n);
  const pairs: Pair[] = [];
  let gi = 0;
  let pj = 0;
  for (const [i, j] of anchors) {
    if (i < gi || j < pj) continue;
    pairs.push(...align(G.slice(gi, i), P.slice(pj, j), level + 1));
    for (let k = 0; k < n; k++) pairs.push([G[i + k]!, P[j + k]!]);
    gi = i + n;
    pj = j + n;
  }
  pairs.push(...align(G.slice(gi), P.slice(pj), level + 1));
  return pairs;
}

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/**
 * For each token of the prediction (runs of letters and digits, in order), whether it is the
 * aligned gold token: the per-token view behind syllable accuracy, e.g. to check how well a
 * confidence predicts correctness.
 */
export function predictedTokensCorrect(gold: string, pred: string): boolean[] {
  const out: boolean[] = [];
  for (const [g, p] of align(toks(gold), toks(pred))) {
    if (p === null) continue;
    out.push(g !== null && toneNorm(g.toLowerCase()) === toneNorm(p.toLowerCase()));
  }
  return out;
}

/** Scores predicted text against gold text. */
export function scoreText(gold: string, pred: string): TextScore {
  const G = toks(gold);
  const P = toks(pred);
  let ok = 0;
  let okc = 0;
  let S = 0;
  let Dl = 0;
  let I = 0;
  for (const [g, p] of align(G, P)) {
    if (g === null) I++;
    else if (p === null) Dl++;
    else if (toneNorm(g.toLowerCase()) === toneNorm(p.toLowerCase())) {
      ok++;
      if (g === p) okc++;
    } else S++;
  }
  const N = G.length;
  return {
    gold_tokens: N,
    pred_tokens: P.length,
    syllable_acc: N ? round4(ok / N) : 0,
    case_exact_acc: N ? round4(okc / N) : 0,
    wer: N ? round4((S + Dl + I) / N) : 0,
    subs: S,
    dels: Dl,
    ins: I,
  };
}
