import { allEqual } from "./all-equal.js";
import { centredCrossProduct } from "./centred-cross-product.js";
import { centredValues } from "./centred-values.js";
import type { CorrelationResult } from "./correlation-result.js";
import { correlationTest } from "./correlation-test.js";

/**
 * Pearson's r over the complete pairs (pairwise deletion: a pair is used when both values are present),
 * r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), with the t test (n − 2 df) and a 95% Fisher z interval
 * (see correlationTest). Null with a reason when n < 2 or either variable is constant (every value equal).
 * Each variable is first scaled by a power of two to unit size and centred on its exactly summed mean
 * (centredValues, centredCrossProduct), so data near 1e±300 or with a large offset give the r of the exact
 * values, as R's cor() does with its long-double sums (R overflows where the cross products pass 1.8e308).
 * Reference: = scipy.stats.pearsonr (statistic, pvalue, confidence_interval()); R cor.test; SPSS CORRELATIONS.
 *
 * Example: pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) → n 5, r 0.8, p 0.1040880386618278.
 */
export function pearson(x: readonly (number | null)[], y: readonly (number | null)[]): CorrelationResult {
  const [a, b] = completePairs(x, y);
  return correlationTest(pearsonR(a, b), a.length, 0);
}

/** The r of two complete, equal-length samples, or a reason it is undefined. Clipped to [−1, 1]. */
export function pearsonR(a: ArrayLike<number>, b: ArrayLike<number>): { r: number | null; reason: string | null } {
  const n = a.length;
  if (n < 2) return { r: null, reason: `n = ${n}: a correlation needs at least 2 complete pairs` };
  if (allEqual(a) || allEqual(b)) return { r: null, reason: "a variable is constant: the correlation is undefined" };
  const ca = centredValues(a);
  const cb = centredValues(b);
  const saa = centredCrossProduct(ca, ca);
  const sbb = centredCrossProduct(cb, cb);
  const sab = centredCrossProduct(ca, cb);
  // Unit scale: for values not all equal, saa and sbb lie between about 2⁻¹⁰⁸ and n, so their product
  // neither overflows nor underflows; the guard only makes sure no NaN could ever leave.
  if (!(saa > 0 && sbb > 0)) return { r: null, reason: "a variable has no spread at double precision: the correlation is undefined" };
  return { r: Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))), reason: null };
}

/** The pairs where both values are present (finite numbers). */
export function completePairs(x: readonly (number | null)[], y: readonly (number | null)[]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const u = x[i];
    const v = y[i];
    if (typeof u === "number" && Number.isFinite(u) && typeof v === "number" && Number.isFinite(v)) {
      a.push(u);
      b.push(v);
    }
  }
  return [a, b];
}
