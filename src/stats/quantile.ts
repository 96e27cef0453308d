/**
 * Sample quantile by linear interpolation between order statistics: R `quantile(type = 7)`, numpy's
 * default `linear` method, Excel QUANTILE.INC. With sorted x₁..xₙ: h = (n − 1)p, result
 * x₍⌊h⌋₊₁₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₂₎ − x₍⌊h⌋₊₁₎). Null for an empty sample.
 * Reference: Hyndman & Fan (1996), The American Statistician 50(4), definition 7.
 *
 * Example: quantileType7([1, 2, 3, 4], 0.25) → 1.75.
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const fraction = h - lo;
  if (fraction === 0) return sorted[lo];
  return sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
}
