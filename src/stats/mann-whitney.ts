import { dropMissing } from "./drop-missing.js";
import { normalTwoSidedP } from "./normal-tail.js";
import { midranks } from "./ranks.js";
import { DEFAULT_MAX_EXACT_WORK, rankSumExactP } from "./rank-sum-exact-p.js";
import { tieSum } from "./tie-sum.js";
import { untiedExactP } from "./untied-exact-p.js";

/** One group of a rank test: non-missing n, mean rank and rank sum in the pooled ranking (null when n = 0). */
export interface RankGroup {
  n: number;
  meanRank: number | null;
  rankSum: number | null;
}

export interface MannWhitneyResult {
  groups: [RankGroup, RankGroup];
  /** n₁ + n₂ (non-missing). */
  n: number;
  /** U of each group: R_g − n_g(n_g + 1)/2. */
  u1: number | null;
  u2: number | null;
  /** min(U₁, U₂), as SPSS prints it. */
  u: number | null;
  /** Wilcoxon W: the rank sum of the group whose U_g equals U (the first group when U₁ = U₂). */
  w: number | null;
  /** (U − n₁n₂/2)/σ with the tie-corrected σ, no continuity correction (≤ 0, as SPSS prints it). */
  z: number | null;
  /** Asymptotic two-sided p, 2·Φ(−|Z|). */
  p: number | null;
  /** Exact two-sided p from the permutation distribution of the rank sum given the midranks. */
  pExact: number | null;
  /** SPSS Base's "Exact Sig. [2*(1-tailed Sig.)]": the untied distribution of U (untiedExactP), not corrected for ties. */
  pExactUntied: number | null;
  /** Effect size r = Z/√N. */
  r: number | null;
  /** 2U₁/(n₁n₂) − 1: positive when the first group ranks higher. */
  rankBiserial: number | null;
  /** Why the test (or some field) is null, else null. */
  reason: string | null;
}

export interface MannWhitneyOptions {
  /** Compute the exact p (default true). */
  exact?: boolean;
  /** Work limit for the exact p (see rankSumExactP). */
  maxExactWork?: number;
}

/**
 * Two-sided Mann–Whitney U test (Wilcoxon rank-sum test), laid out as SPSS prints it. The two samples are
 * pooled and ranked with midranks; U_g = R_g − n_g(n_g + 1)/2; U = min(U₁, U₂); W = rank sum of the group
 * whose U_g = U; Z = (U − n₁n₂/2)/σ with σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))); p = 2Φ(−|Z|)
 * (= scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=False)); exact p as rankSumExactP
 * (= R coin::wilcox_test(distribution = "exact")); SPSS Base's untied exact p as untiedExactP (for n₁·n₂ ≤
 * 2,500). Missing values are dropped.
 * Undefined cases return nulls with a reason: a group with no values (nothing to compare); every value tied
 * (σ = 0: Z, p, exact p and r are undefined).
 * Reference: Mann & Whitney (1947); Hollander, Wolfe & Chicken (2014) §4.1; IBM SPSS Statistics Algorithms,
 * "NPAR TESTS: Mann-Whitney U".
 *
 * Example: mannWhitney([1, 2, 3], [4, 5, 6, 7]) → U 0, W 6, Z −2.1213203435596424, p 0.0338948535246893,
 * exact p 0.05714285714285714 (2/35).
 */
export function mannWhitney(
  first: readonly (number | null)[],
  second: readonly (number | null)[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const a = dropMissing(first);
  const b = dropMissing(second);
  const n1 = a.length;
  const n2 = b.length;
  const N = n1 + n2;
  if (n1 === 0 || n2 === 0) {
    return {
      groups: [emptyOrUnranked(n1), emptyOrUnranked(n2)],
      n: N, u1: null, u2: null, u: null, w: null, z: null, p: null, pExact: null, pExactUntied: null, r: null, rankBiserial: null,
      reason: `${n1 === 0 ? "the first" : "the second"} group has no values`,
    };
  }
  const pooled = [...a, ...b];
  const ranks = midranks(pooled);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i];
  const r2 = (N * (N + 1)) / 2 - r1;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = r2 - (n2 * (n2 + 1)) / 2;
  const u = Math.min(u1, u2);
  const w = u1 <= u2 ? r1 : r2;
  const groups: [RankGroup, RankGroup] = [
    { n: n1, meanRank: r1 / n1, rankSum: r1 },
    { n: n2, meanRank: r2 / n2, rankSum: r2 },
  ];
  const rankBiserial = (2 * u1) / (n1 * n2) - 1;
  const ties = tieSum(pooled);
  const variance = ((n1 * n2) / 12) * (N + 1 - ties / (N * (N - 1)));
  if (ties === N * N * N - N) {
    return {
      groups, n: N, u1, u2, u, w, z: null, p: null, pExact: null, pExactUntied: null, r: null, rankBiserial,
      reason: "all values are tied: no variation to test (σ = 0)",
    };
  }
  const z = (u - (n1 * n2) / 2) / Math.sqrt(variance);
  let pExact: number | null = null;
  let pExactUntied: number | null = null;
  let reason: string | null = null;
  if (options.exact !== false) {
    pExactUntied = untiedExactP(u, n1, n2);
    const exact = rankSumExactP(ranks, n1, r1, options.maxExactWork ?? DEFAULT_MAX_EXACT_WORK);
    pExact = exact.p;
    reason = exact.reason;
  }
  return { groups, n: N, u1, u2, u, w, z, p: normalTwoSidedP(z), pExact, pExactUntied, r: z / Math.sqrt(N), rankBiserial, reason };
}

function emptyOrUnranked(n: number): RankGroup {
  return { n, meanRank: null, rankSum: null };
}
