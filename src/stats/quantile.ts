/**
 * Sample quantile by linear interpolation between order statistics: R `quantile(type = 7)`, numpy's
 * default `linear` method, Excel QUANTILE.INC. With sorted x₁..xₙ: h = (n − 1)p, result
 * x₍⌊h⌋₊₁₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₂₎ − x₍⌊h⌋₊₁₎). Null for an empty sample. When the difference of the two order
 * statistics overflows (values of opposite sign near ±1.8e308), the same point is taken as (1 − f)·a + f·b,
 * as R writes it, which cannot overflow.
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
  const a = sorted[lo];
  const b = sorted[hi];
  const difference = b - a;
  if (!Number.isFinite(difference)) return (1 - fraction) * a + fraction * b;
  return a + fraction * difference;
}
