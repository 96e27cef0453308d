import { subsetSumCounts } from "./subset-sum-counts.js";

/** Samples up to this n₁·n₂ get the untied exact p; beyond, its counts take too long for a figure SPSS prints only for small samples. */
export const UNTIED_EXACT_MAX_PRODUCT = 2500;

/**
 * SPSS Base's "Exact Sig. [2*(1-tailed Sig.)]" for the Mann–Whitney U test: twice the probability that U is
 * at most the observed U (rounded down) under the distribution of U for untied data, capped at 1. It does not
 * allow for ties, so with ties it differs from the exact permutation p given the midranks. The distribution is
 * counted exactly (untiedUCounts; Mann & Whitney 1947). Null when n₁·n₂ exceeds UNTIED_EXACT_MAX_PRODUCT, or a group is empty.
 * Reference: = R `min(1, 2 * pwilcox(floor(u), n1, n2))`; IBM SPSS Statistics Algorithms, "NPAR TESTS:
 * Mann-Whitney U".
 *
 * Example: untiedExactP(25, 5, 16) → 0.2398152243353482 (the thesis's Table 7, printed .240).
 */
export function untiedExactP(u: number, n1: number, n2: number): number | null {
  if (n1 < 1 || n2 < 1 || n1 * n2 > UNTIED_EXACT_MAX_PRODUCT) return null;
  const top = Math.floor(u);
  if (top < 0) return 0;
  if (top >= n1 * n2) return 1;
  const counts = untiedUCounts(n1, n2);
  let total = 0;
  let atMost = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (k <= top) atMost += counts[k];
  }
  return Math.min(1, (2 * atMost) / total);
}

/**
 * The number of arrangements of n₁ + n₂ untied values giving each U = 0 … n₁n₂ (the distribution of the
 * Mann–Whitney U, as R's cwilcox counts it), as doubles (exact below 2⁵³, else to 16 digits).
 *
 * Example: untiedUCounts(2, 2) → [1, 1, 2, 1, 1] (C(4, 2) = 6 arrangements).
 */
export function untiedUCounts(n1: number, n2: number): Float64Array {
  const m = Math.min(n1, n2);
  const n = Math.max(n1, n2);
  // The smaller group's rank sums over ranks 1 … N; its U is the sum less m(m + 1)/2.
  const ranks = Array.from({ length: m + n }, (_, i) => i + 1);
  const least = (m * (m + 1)) / 2;
  return subsetSumCounts(ranks, m, least + m * n).slice(least);
}
