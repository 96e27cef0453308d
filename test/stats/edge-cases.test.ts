/**
 * Named edge cases: each gives a value, or null with a reason, and never NaN. Expected values are hand
 * calculations (shown) or outside references (the command is beside the value).
 */
import { describe, expect, it } from "vitest";
import {
  bonferroniAdjust,
  descriptives,
  dunnPairwise,
  holmAdjust,
  kruskalWallis,
  mannWhitney,
  midranks,
  pairwiseMannWhitney,
  partialCorrelation,
  pearson,
  rankSumExactP,
  spearman,
} from "../../src/stats/index.js";
import { expectClose } from "./close.js";

describe("a group of one", () => {
  it("Mann–Whitney is defined", () => {
    // Pooled 5,1,2,3 → ranks 4,1,2,3. R1 = 4, U1 = 4 − 1 = 3, U2 = 0, U = 0, W = R2 = 6.
    // σ² = 1·3/12 · 5 = 1.25, Z = (0 − 1.5)/√1.25.
    // python3 -c "from scipy.stats import mannwhitneyu as m; print(m([5],[1,2,3],method='asymptotic',
    //   use_continuity=False).pvalue, m([5],[1,2,3],method='exact').pvalue)" → 0.17971249487899976 0.5
    const r = mannWhitney([5], [1, 2, 3]);
    expect(r.reason).toBeNull();
    expect([r.u1, r.u2, r.u, r.w]).toEqual([3, 0, 0, 6]);
    expectClose(r.z, -1.5 / Math.sqrt(1.25), "Z");
    expectClose(r.p, 0.17971249487899976, "p");
    expectClose(r.pExact, 0.5, "exact p");
    expect(r.rankBiserial).toBe(1); // 2·3/3 − 1: the single value ranks above all three
  });
  it("descriptives: sd is null with a reason", () => {
    const d = descriptives([7]);
    expect(d).toMatchObject({ n: 1, median: 7, q1: 7, q3: 7, mean: 7, sd: null, min: 7, max: 7 });
    expect(d.reason).toMatch(/one value/);
  });
  it("Kruskal–Wallis with singleton groups is defined", () => {
    // Ranks 1,2,3 in groups of one: Σnᵢ(R̄ᵢ − 2)² = 2, H = 12/(3·4)·2 = 2, df 2, p = e^(−1).
    const r = kruskalWallis([[1], [2], [3]]);
    expect(r.h).toBe(2);
    expectClose(r.p, Math.exp(-1), "p");
  });
});

describe("all values tied", () => {
  it("Mann–Whitney: U and W, but Z, p, exact p and r are null with a reason", () => {
    const r = mannWhitney([2, 2], [2, 2, 2]);
    expect([r.u, r.w, r.rankBiserial]).toEqual([3, 6, 0]); // every rank 3: R1 = 6, U1 = 6 − 3 = 3 = n1n2/2
    expect([r.z, r.p, r.pExact, r.r]).toEqual([null, null, null, null]);
    expect(r.reason).toMatch(/tied/);
  });
  it("Kruskal–Wallis, Dunn and correlations are null with a reason", () => {
    const kw = kruskalWallis([[4, 4], [4], [4, 4]]);
    expect([kw.h, kw.p, kw.df, kw.epsilonSquared]).toEqual([null, null, null, null]);
    expect(kw.reason).toMatch(/tied/);
    const dunn = dunnPairwise([[4, 4], [4], [4, 4]]);
    expect(dunn.pairs.every((p) => p.z === null && p.p === null && p.reason !== null)).toBe(true);
    const r = pearson([1, 1, 1], [1, 2, 3]);
    expect([r.r, r.p, r.ciLow]).toEqual([null, null, null]);
    expect(r.reason).toMatch(/constant/);
    expect(spearman([3, 3, 3, 3], [1, 2, 3, 4]).reason).toMatch(/constant/);
  });
});

describe("a level with no values", () => {
  it("Mann–Whitney is null with a reason", () => {
    const r = mannWhitney([], [1, 2, 3]);
    expect(r.groups.map((g) => g.n)).toEqual([0, 3]);
    expect([r.u, r.w, r.z, r.p, r.pExact]).toEqual([null, null, null, null, null]);
    expect(r.reason).toMatch(/first group has no values/);
    expect(mannWhitney([1], [null, null]).reason).toMatch(/second group has no values/);
  });
  it("Kruskal–Wallis leaves the empty group out (as R does); Dunn tests the other pairs, adjusting over those only", () => {
    // unlist(kruskal.test(c(1, 2, 3, 4, NA), factor(c('A', 'A', 'B', 'B', 'C')))[...]) → 2.3999999999999986 1 0.12133525035848212
    // (test/reference/stats/edge-cases.R, case P5; more in floating-point-edges.test.ts)
    const kw = kruskalWallis([[1, 2], [], [3, 4]]);
    expectClose(kw.h, 2.3999999999999986, "H");
    expect(kw.df).toBe(1);
    expect(kw.reason).toBeNull();
    expect(kw.dropped).toEqual([1]);
    expect(kw.note).toMatch(/group 2 has no values: left out/);
    const dunn = dunnPairwise([[1, 2], [], [3, 4]]);
    expect(dunn.pairs.map((p) => p.p === null)).toEqual([true, false, true]);
    expect(dunn.pairs[0].reason).toMatch(/group 2/);
    // One comparison made, so Bonferroni and Holm leave its p unchanged.
    expect(dunn.pairs[1].pBonferroni).toBe(dunn.pairs[1].p);
    expect(dunn.pairs[1].pHolm).toBe(dunn.pairs[1].p);
    const pairs = pairwiseMannWhitney([[1, 2], [], [3, 4]]);
    expect(pairs.map((p) => p.pHolm === null)).toEqual([true, false, true]);
  });
  it("Kruskal–Wallis with one group is null", () => {
    expect(kruskalWallis([[1, 2, 3]]).reason).toMatch(/fewer than two groups/);
  });
});

describe("missing values", () => {
  it("are dropped, and n counts what was used", () => {
    const withMissing = mannWhitney([1, null, 3], [2, null]);
    const without = mannWhitney([1, 3], [2]);
    expect(withMissing).toEqual(without);
    // python3 -c "from scipy.stats import mannwhitneyu as m; print(m([1,3],[2],method='asymptotic',use_continuity=False))"
    // → statistic 1.0, pvalue 1.0
    expect(without.u).toBe(1);
    expectClose(without.p, 1, "p");
    const d = descriptives([null, 2, null, 4]);
    expect([d.n, d.missing, d.median]).toEqual([2, 2, 3]);
  });
  it("correlations use complete pairs (pairwise deletion)", () => {
    // python3 -c "from scipy.stats import pearsonr; print(pearsonr([1,3,4,7],[2,3,3,9]))"
    // → statistic 0.9266309872057291, pvalue 0.073369012794271
    const r = pearson([1, null, 3, 4, 7, 8], [2, 5, null, 3, 3, null]);
    expect(r.n).toBe(3); // pairs (1, 2), (4, 3), (7, 3)
    const s = pearson([1, 3, 4, 7, null], [2, 3, 3, 9, 4]);
    expect(s.n).toBe(4);
    expectClose(s.r, 0.9266309872057291, "r");
    expectClose(s.p, 0.073369012794271, "p");
  });
  it("partial correlation drops cases with any value missing", () => {
    const r = partialCorrelation([1, 2, 3, 4, 5, null], [2, 1, 4, 3, 5, 1], [[1, 1, 2, 2, 3, 3]]);
    expect(r.n).toBe(5);
    // Residual method by hand: see the partialCorrelation doc example (−13/15).
    expectClose(r.r, -13 / 15, "partial r");
  });
});

describe("small samples", () => {
  it("n = 2: r is ±1 but p and the interval are null with reasons", () => {
    const r = pearson([1, 2], [3, 5]);
    expect(r.r).toBe(1);
    expect([r.p, r.ciLow, r.ciHigh, r.df]).toEqual([null, null, null, null]);
    expect(r.reason).toMatch(/degrees of freedom/);
  });
  it("n = 3: p is defined, the interval is null (n ≤ 3)", () => {
    const r = pearson([1, 2, 3], [1, 3, 2]);
    expect(r.r).toBe(0.5);
    expect(r.p).not.toBeNull();
    expect(r.ciLow).toBeNull();
    expect(r.reason).toMatch(/too small for a confidence interval/);
  });
  it("n = 1 or 0: r is null", () => {
    expect(pearson([1], [2]).r).toBeNull();
    expect(pearson([], []).reason).toMatch(/at least 2/);
  });
  it("|r| = 1 gives p = 0 and a null interval", () => {
    const r = pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.r).toBe(1);
    expect(r.p).toBe(0);
    expect(r.ciLow).toBeNull();
  });
  it("collinear controls make the partial correlation null", () => {
    const r = partialCorrelation([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], [[1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]]);
    expect(r.r).toBeNull();
    expect(r.reason).toMatch(/collinear/);
    const constant = partialCorrelation([1, 2, 3, 4], [2, 1, 4, 3], [[5, 5, 5, 5]]);
    expect(constant.reason).toMatch(/constant or collinear/);
  });
  it("too few complete cases for the controls", () => {
    const r = partialCorrelation([1, 2, 3], [3, 1, 2], [[1, 2, 4], [2, 2, 1]]);
    expect(r.r).toBeNull();
    expect(r.reason).toMatch(/too few complete cases/);
  });
});

describe("exact p", () => {
  it("hand example and the work limit", () => {
    // Ranks 1..5, group of 2 with sum 3: E S = 6; sums 3 and 9 are as extreme: 2 of C(5,2) = 10.
    expect(rankSumExactP([1, 2, 3, 4, 5], 2, 3)).toEqual({ p: 0.2, reason: null });
    const capped = rankSumExactP([1, 2, 3, 4, 5], 2, 3, 10);
    expect(capped.p).toBeNull();
    expect(capped.reason).toMatch(/too large/);
    // With the limit reached, the asymptotic p is still reported.
    const big = mannWhitney([1, 2, 3, 4], [5, 6, 7], { maxExactWork: 10 });
    expect(big.pExact).toBeNull();
    expect(big.p).not.toBeNull();
    expect(big.reason).toMatch(/exact p not computed/);
  });
  it("ties: matches a hand enumeration", () => {
    // x = (1, 1), y = (1, 2): midranks 2, 2, 2, 4. Subsets of size 2: {2,2}×3 (sum 4), {2,4}×3 (sum 6).
    // E S = 2·10/4 = 5; observed 4 → |4 − 5| = 1; both sums are 1 away → p = 1.
    expect(midranks([1, 1, 1, 2])).toEqual([2, 2, 2, 4]);
    expect(mannWhitney([1, 1], [1, 2]).pExact).toBe(1);
    // x = (1, 1, 1), y = (2, 3): midranks 2,2,2,4,5. Group sum 6 is the minimum; sums of 3 of {2,2,2,4,5}:
    // 6 (1 way), 8 (3), 9 (3), 11 (3); E S = 9. |6 − 9| = 3 ≥ 3 only for 6 → p = 1/10.
    expect(mannWhitney([1, 1, 1], [2, 3]).pExact).toBeCloseTo(0.1, 15);
  });
});

describe("multiplicity adjustments", () => {
  it("match R p.adjust, NA staying NA", () => {
    // Rscript -e 'print(p.adjust(c(0.01,0.04,0.03,NA,0.5,0.005), "holm"), digits=17)'
    // → 0.04 0.09 0.09 NA 0.5 0.025 ; "bonferroni" → 0.05 0.2 0.15 NA 1 0.025
    const p = [0.01, 0.04, 0.03, null, 0.5, 0.005];
    const holm = holmAdjust(p);
    [0.04, 0.09, 0.09, null, 0.5, 0.025].forEach((e, i) => expectClose(holm[i], e, `holm ${i}`));
    const bonferroni = bonferroniAdjust(p);
    [0.05, 0.2, 0.15, null, 1, 0.025].forEach((e, i) => expectClose(bonferroni[i], e, `bonferroni ${i}`));
  });
});
