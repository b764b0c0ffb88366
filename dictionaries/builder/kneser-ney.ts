import type { KneserNeyTables } from '../../pipeline/repair/lm.ts';

/** Modified Kneser–Ney discounts D1, D2, D3+ from the count-of-counts of one order. */
function discounts(counts: Iterable<number>): [number, number, number] {
  const n = [0, 0, 0, 0, 0];
  for (const c of counts) if (c <= 4) n[c]!++;
  const [, n1, n2, n3, n4] = n as [number, number, number, number, number];
  if (n1 === 0 || n2 === 0) return [0.5, 1, 1.5];
  const y = n1 / (n1 + 2 * n2);
  const d1 = 1 - 2 * y * (n2 / n1);
  const d2 = n3 ? 2 - 3 * y * (n3 / n2) : 1;
  const d3 = n4 && n3 ? 3 - 4 * y * (n4 / n3) : 1.5;
  return [Math.max(0.1, d1), Math.max(0.1, d2), Math.max(0.1, d3)];
}

const round = (x: number): number => Number(x.toPrecision(6));

/**
 * Estimates an interpolated modified Kneser–Ney model of the given order from sentences of
 * token ids. `bos`/`eos` pad each sentence. The highest order uses raw counts, lower orders
 * continuation counts (how many different words precede), except n-grams that start a
 * sentence, which have no left context to count. N-grams of the highest order seen fewer than
 * `minCount` times are not stored (count cut-off pruning).
 */
export function estimateKneserNey(sentences: number[][], order: number, bos: number, eos: number, minCount = 1): KneserNeyTables {
  // counts[n-1]: n-gram (ids joined by space) → count used at that order.
  const raw: Map<string, number>[] = Array.from({ length: order }, () => new Map());
  for (const s of sentences) {
    const seq = [...Array(order - 1).fill(bos), ...s, eos];
    for (let i = order - 1; i < seq.length; i++) {
      for (let n = 1; n <= order; n++) {
        const g = seq.slice(i - n + 1, i + 1).join(' ');
        raw[n - 1]!.set(g, (raw[n - 1]!.get(g) ?? 0) + 1);
      }
    }
  }
  const counts: Map<string, number>[] = raw.map((m, i) => (i === order - 1 ? m : new Map()));
  for (let n = order; n >= 2; n--) {
    for (const g of raw[n - 1]!.keys()) {
      const lower = g.slice(g.indexOf(' ') + 1);
      const target = counts[n - 2]!;
      target.set(lower, (target.get(lower) ?? 0) + 1);
    }
  }
  const bosPrefix = `${bos} `;
  for (let n = 1; n < order; n++) {
    for (const [g, c] of raw[n - 1]!) if (g.startsWith(bosPrefix) || g === String(bos)) counts[n - 1]!.set(g, c);
  }

  const tables: KneserNeyTables = { order, ngrams: [], probs: [], contexts: [], gammas: [], unigramGamma: 0 };
  for (let n = 1; n <= order; n++) {
    const m = counts[n - 1]!;
    const [d1, d2, d3] = discounts(m.values());
    const ctxTotal = new Map<string, number>();
    const ctxMass = new Map<string, number>();
    for (const [g, c] of m) {
      const ctx = n === 1 ? '' : g.slice(0, g.lastIndexOf(' '));
      ctxTotal.set(ctx, (ctxTotal.get(ctx) ?? 0) + c);
      ctxMass.set(ctx, (ctxMass.get(ctx) ?? 0) + (c === 1 ? d1 : c === 2 ? d2 : d3));
    }
    // Count cut-off on the highest order: rare n-grams are left to the back-off, whose weight still counts them.
    const grams = [...m.keys()].filter((g) => n < order || m.get(g)! >= minCount).sort();
    const flat: number[] = [];
    const probs: number[] = [];
    for (const g of grams) {
      const c = m.get(g)!;
      const ctx = n === 1 ? '' : g.slice(0, g.lastIndexOf(' '));
      flat.push(...g.split(' ').map(Number));
      probs.push(round(Math.max(c - (c === 1 ? d1 : c === 2 ? d2 : d3), 0) / ctxTotal.get(ctx)!));
    }
    tables.ngrams.push(flat);
    tables.probs.push(probs);
    if (n === 1) {
      tables.unigramGamma = round(ctxMass.get('')! / ctxTotal.get('')!);
      continue;
    }
    const ctxFlat: number[] = [];
    const gammas: number[] = [];
    for (const ctx of [...ctxTotal.keys()].sort()) {
      ctxFlat.push(...ctx.split(' ').map(Number));
      gammas.push(round(ctxMass.get(ctx)! / ctxTotal.get(ctx)!));
    }
    tables.contexts.push(ctxFlat);
    tables.gammas.push(gammas);
  }
  return tables;
}
