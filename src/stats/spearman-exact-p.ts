import { completePairs } from "./pearson.js";
import { midranks } from "./ranks.js";

/** Largest n the exact p is counted for (2ⁿ·n·S states; R's cor.test enumerates up to n = 9). */
export const SPEARMAN_EXACT_MAX_N = 10;

/**
 * The exact two-sided p of Spearman's ρ for untied data: with S = Σd² over the complete pairs' ranks, the
 * permutation distribution of S, p = min(1, 2·min(P(S ≤ s), P(S ≥ s))). Counted exactly over all n!
 * permutations by a dynamic programme over the set of ranks used (S is even, at most (n³ − n)/3). Null with
 * a reason when a variable has ties, n < 3 or n > SPEARMAN_EXACT_MAX_N.
 * Reference: = R cor.test(x, y, method = "spearman", exact = TRUE) for n ≤ 9 (R enumerates up to 9, then
 * uses the Edgeworth series of AS 89, which is not exact: at n = 10 it gives 0 where the count gives 0.000206).
 *
 * Example: spearmanExactP([1, 2, 3], [3, 2, 1]) → { p: 0.3333333333333333 } (ρ = −1: 2 of the 6 orders are as extreme).
 */
export function spearmanExactP(x: readonly (number | null)[], y: readonly (number | null)[]): { p: number | null; reason: string | null } {
  const [a, b] = completePairs(x, y);
  const n = a.length;
  if (n < 3) return { p: null, reason: "an exact p needs at least 3 complete pairs" };
  if (n > SPEARMAN_EXACT_MAX_N) return { p: null, reason: `the exact p is counted for n up to ${SPEARMAN_EXACT_MAX_N}` };
  const ra = midranks(a);
  const rb = midranks(b);
  if (new Set(ra).size < n || new Set(rb).size < n) return { p: null, reason: "ties: no exact p for tied ranks" };
  let s = 0;
  for (let i = 0; i < n; i++) s += (ra[i] - rb[i]) ** 2;
  s = Math.round(s);
  const max = (n * n * n - n) / 3;
  // counts[mask][t]: ways to give positions 0 … |mask| − 1 the ranks in mask with Σ(position + 1 − rank)² = t.
  const states = 1 << n;
  const counts = Array.from({ length: states }, () => new Float64Array(max + 1));
  counts[0][0] = 1;
  const bits = (mask: number) => {
    let c = 0;
    for (let m = mask; m > 0; m &= m - 1) c++;
    return c;
  };
  for (let mask = 0; mask < states; mask++) {
    const position = bits(mask);
    if (position >= n) continue;
    const from = counts[mask];
    for (let rank = 0; rank < n; rank++) {
      if (mask & (1 << rank)) continue;
      const d2 = (position - rank) ** 2;
      const to = counts[mask | (1 << rank)];
      for (let t = 0; t + d2 <= max; t++) if (from[t] !== 0) to[t + d2] += from[t];
    }
  }
  const final = counts[states - 1];
  let total = 0;
  let atMost = 0;
  let atLeast = 0;
  for (let t = 0; t <= max; t++) {
    total += final[t];
    if (t <= s) atMost += final[t];
    if (t >= s) atLeast += final[t];
  }
  return { p: Math.min(1, (2 * Math.min(atMost, atLeast)) / total), reason: null };
}
