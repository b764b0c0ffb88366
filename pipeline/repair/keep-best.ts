/**
 * Adds `item` to `kept` (the best items so far, best first) when it is among the best `limit`;
 * `before(a, b)` says a is strictly better, so equals stay in the order they came. A search that
 * keeps a handful of the many items it meets needs no sort.
 */
export function keepBest<T>(kept: T[], item: T, limit: number, before: (a: T, b: T) => boolean): void {
  let j = kept.length;
  if (j >= limit) {
    if (j === 0 || !before(item, kept[j - 1]!)) return;
    kept.pop();
    j--;
  }
  kept.push(item);
  for (; j > 0 && before(item, kept[j - 1]!); j--) kept[j] = kept[j - 1]!;
  kept[j] = item;
}
