import type { CorrelationResult } from "./correlation-result.js";
import { normalTwoSidedP } from "./normal-tail.js";
import { completePairs } from "./pearson.js";

/** Below this n, with no ties, the p is exact (as R's cor.test decides). */
export const KENDALL_EXACT_BELOW = 50;

/**
 * Kendall's τ-b over the complete pairs: S / √((n₀ − n₁)(n₀ − n₂)), S = concordant − discordant pairs,
 * n₀ = n(n − 1)/2, n₁ and n₂ the pairs tied in x and in y. Counted in O(n log n) (Knight 1966: sort by x
 * then y, count the discordant pairs as the swaps of a merge sort by y). p, two-sided: exact from the
 * distribution of the number of inversions of a random permutation when n < 50 and neither variable has
 * ties; otherwise z = S/σ with σ² corrected for ties (Kendall 1970, eq. 4.4), no continuity correction.
 * No confidence interval (df, ciLow and ciHigh null). Null with a reason when n < 2 or a variable is constant.
 * Reference: = R cor.test(x, y, method = "kendall") (estimate, p.value; exact = NULL, continuity = FALSE).
 *
 * Example: kendall([1, 2, 3, 4, 5], [3, 1, 2, 5, 4]) → τ 0.4, p 0.48333333333333334 (exact: 58/120).
 */
export function kendall(x: readonly (number | null)[], y: readonly (number | null)[]): CorrelationResult {
  const [a, b] = completePairs(x, y);
  const n = a.length;
  const empty = { n, r: null, df: null, p: null, ciLow: null, ciHigh: null };
  if (n < 2) return { ...empty, reason: "fewer than 2 complete pairs" };
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i] - a[j] || b[i] - b[j]);
  const xs = order.map((i) => a[i]);
  const ys = order.map((i) => b[i]);
  const n0 = (n * (n - 1)) / 2;
  const xTies = runs(xs);
  // Pairs tied in both: runs of equal (x, y) in the sorted order.
  let n3 = 0;
  for (let i = 0, j = 0; i < n; i = j) {
    while (j < n && xs[j] === xs[i] && ys[j] === ys[i]) j++;
    n3 += ((j - i) * (j - i - 1)) / 2;
  }
  const swaps = mergeSortSwaps(ys);
  const yTies = runs(ys); // ys is sorted now
  const n1 = xTies.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const n2 = yTies.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  if (n1 === n0 || n2 === n0) return { ...empty, reason: "a variable is constant" };
  const s = n0 - n1 - n2 + n3 - 2 * swaps;
  const tau = s / Math.sqrt((n0 - n1) * (n0 - n2));
  const ties = n1 > 0 || n2 > 0;
  let p: number;
  if (!ties && n < KENDALL_EXACT_BELOW) {
    const q = Math.round(((tau + 1) * n * (n - 1)) / 4); // concordant pairs
    p = Math.min(1, 2 * (q > (n * (n - 1)) / 4 ? 1 - inversionsAtMost(q - 1, n) : inversionsAtMost(q, n)));
  } else {
    const sum = (ts: number[], f: (t: number) => number) => ts.reduce((acc, t) => acc + f(t), 0);
    const v0 = n * (n - 1) * (2 * n + 5);
    const vt = sum(xTies, (t) => t * (t - 1) * (2 * t + 5));
    const vu = sum(yTies, (t) => t * (t - 1) * (2 * t + 5));
    const v1 = sum(xTies, (t) => t * (t - 1)) * sum(yTies, (t) => t * (t - 1));
    const v2 = sum(xTies, (t) => t * (t - 1) * (t - 2)) * sum(yTies, (t) => t * (t - 1) * (t - 2));
    const variance = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + (n > 2 ? v2 / (9 * n * (n - 1) * (n - 2)) : 0);
    p = normalTwoSidedP(s / Math.sqrt(variance));
  }
  return { n, r: tau, df: null, p, ciLow: null, ciHigh: null, reason: null };
}

/** Lengths of the runs of equal values in a sorted list. */
function runs(sorted: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < sorted.length; i = j) {
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > 1) out.push(j - i);
  }
  return out;
}

/** Sorts in place (stable merge sort) and returns the number of swaps of out-of-order pairs (strictly greater before). */
function mergeSortSwaps(values: number[]): number {
  const buffer = new Array<number>(values.length);
  let swaps = 0;
  for (let width = 1; width < values.length; width *= 2) {
    for (let lo = 0; lo < values.length; lo += 2 * width) {
      const mid = Math.min(lo + width, values.length);
      const hi = Math.min(lo + 2 * width, values.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (values[j] < values[i]) {
          swaps += mid - i;
          buffer[k++] = values[j++];
        } else {
          buffer[k++] = values[i++];
        }
      }
      while (i < mid) buffer[k++] = values[i++];
      while (j < hi) buffer[k++] = values[j++];
      for (let c = lo; c < hi; c++) values[c] = buffer[c];
    }
  }
  return swaps;
}

/** P(a random permutation of n has at most q inversions): the Mahonian distribution, as probabilities. */
function inversionsAtMost(q: number, n: number): number {
  if (q < 0) return 0;
  let dist = [1];
  for (let m = 2; m <= n; m++) {
    const next = new Array<number>(dist.length + m - 1).fill(0);
    // next[k] = (1/m) Σ_{j=0}^{m−1} dist[k − j], by a running window.
    let window = 0;
    for (let k = 0; k < next.length; k++) {
      if (k < dist.length) window += dist[k];
      if (k - m >= 0 && k - m < dist.length) window -= dist[k - m];
      next[k] = window / m;
    }
    dist = next;
  }
  let total = 0;
  for (let k = 0; k <= Math.min(q, dist.length - 1); k++) total += dist[k];
  return Math.min(1, total);
}
