import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Random } from "../../src/random.js";
import { kruskalWallisExactP } from "../../src/stats/kruskal-wallis-exact-p.js";
import { monteCarloP } from "../../src/stats/monte-carlo-p.js";
import { expectClose } from "./close.js";

/**
 * monteCarloP against 540 seeded R references:
 * `Rscript test/reference/stats/make_monte_carlo_p.R > test/reference/stats/monte-carlo-p.json`.
 * Two-sample cases against coin::wilcox_test(distribution = "exact") (all three alternatives), small
 * k-sample cases against the exact p by enumeration, larger k-sample cases against
 * coin::kruskal_test(distribution = approximate(nresample = 1e5)).
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/monte-carlo-p.json", import.meta.url), "utf8")) as {
  cases: Array<{
    groups: number[][];
    statistic: "rank-sum" | "kruskal-wallis";
    alternative: "two-sided" | "less" | "greater";
    reference: string;
    p: number;
    nresample: number;
  }>;
};

const B = 10_000;

/**
 * Allowed |p − p_ref|: 4 standard errors at the reference p, √(p_ref(1 − p_ref)/B), combined with the
 * reference's own Monte-Carlo error √(p_ref(1 − p_ref)/B_ref) when it has one, plus 3/B. The SE is taken at
 * p_ref, not at the estimate, which can be 0. The floor of 3 counts is for small p, where the count is
 * nearly Poisson and 4·SE alone is far too tight (at p_ref = 3e-6 it would demand a count of exactly 0,
 * which fails 3% of the time). With it the chance that one case fails, for any true p, is at most 6e-5
 * (R: max over p of the two binomial tails beyond 4·SE + 3/B with B = 1e4; 4.7e-5 at p = 0.5, the plain 4σ
 * normal figure being 6.3e-5), so about 0.03 expected failures in 540 cases. The seeds are fixed, so the test
 * is deterministic; a wrong statistic or extremeness rule still fails dozens of cases.
 */
function tolerance(pRef: number, nresample: number): number {
  const v = pRef * (1 - pRef);
  return 4 * Math.sqrt(v / B + (nresample > 0 ? v / nresample : 0)) + 3 / B;
}

describe("monteCarloP against R (coin exact, enumeration, coin approximate)", () => {
  it("holds at least 500 cases of each kind of reference", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
    for (const reference of ["coin::wilcox_test exact", "enumeration", "coin::kruskal_test approximate"]) {
      expect(fixture.cases.filter((c) => c.reference === reference).length, reference).toBeGreaterThanOrEqual(150);
    }
  });

  it("p within 4 combined standard errors (+3/B) of the reference, 10,000 resamples, seed 1000 + case", () => {
    const failures: string[] = [];
    fixture.cases.forEach((c, k) => {
      const r = monteCarloP(c.groups, c.statistic, { resamples: B, seed: 1000 + k, alternative: c.alternative });
      expect(r.reason, `case ${k}`).toBeNull();
      expect(r.resamples).toBe(B);
      expectClose(r.standardError, Math.sqrt((r.p! * (1 - r.p!)) / B), `case ${k} SE`, 1e-15);
      const allowed = tolerance(c.p, c.nresample);
      if (!(Math.abs(r.p! - c.p) <= allowed)) {
        failures.push(`case ${k} (${c.reference}, ${c.statistic}, ${c.alternative}): ${r.p} vs ${c.p}, allowed ±${allowed.toFixed(5)}`);
      }
    });
    expect(failures).toEqual([]);
  });

  it("hand cases", () => {
    // [[1, 4], [2, 3]]: S = 5 = E S = 2·5/2, so |S − E S| ≥ 0 holds for every relabelling: p = 1, SE 0.
    expect(monteCarloP([[1, 4], [2, 3]], "rank-sum", { resamples: 1000, seed: 1 })).toEqual({ p: 1, standardError: 0, resamples: 1000, reason: null });
    // [[4, 5], [1, 2, 3]]: S = 9 is the largest possible, so S ≤ 9 always ("less": p = 1), and S ≥ 9 only
    // when the first group gets {4, 5}, 1 of C(5, 2) = 10 pairs ("greater": p ≈ 0.1).
    expect(monteCarloP([[4, 5], [1, 2, 3]], "rank-sum", { resamples: 1000, seed: 2, alternative: "less" }).p).toBe(1);
    const greater = monteCarloP([[4, 5], [1, 2, 3]], "rank-sum", { resamples: B, seed: 2, alternative: "greater" });
    expect(Math.abs(greater.p! - 0.1)).toBeLessThanOrEqual(tolerance(0.1, 0));
    // [[1, 2], [3], [4]]: exact p 1/2 (see kruskal-wallis-exact-p.test.ts); the doc example's numbers.
    expect(monteCarloP([[1, 2], [3], [4]], "kruskal-wallis", { resamples: B, seed: 1 })).toEqual({
      p: 0.4976, standardError: Math.sqrt((0.4976 * 0.5024) / B), resamples: B, reason: null,
    });
  });

  it("is deterministic by seed, drops missing values, and two-group H is the two-sided rank sum", () => {
    const rng = new Random(51);
    const a = Array.from({ length: 25 }, () => rng.int(0, 9));
    const b = Array.from({ length: 30 }, () => rng.int(1, 10));
    const first = monteCarloP([a, b], "rank-sum", { resamples: 5000, seed: 9 });
    expect(monteCarloP([a, b], "rank-sum", { resamples: 5000, seed: 9 })).toEqual(first);
    expect(monteCarloP([a, b], "rank-sum", { resamples: 5000, seed: 10 }).p).not.toBe(first.p);
    expect(monteCarloP([[...a, null], [null, ...b]], "rank-sum", { resamples: 5000, seed: 9 })).toEqual(first);
    expect(monteCarloP([a, b], "kruskal-wallis", { resamples: 5000, seed: 9 })).toEqual(first);
  });

  it("ties of H are exact when the integer statistic would pass 2⁵³ (BigInt path)", () => {
    // Five groups of coprime sizes (lcm 6.0e8, N = 287, so N(N − 1)²·lcm > 2⁵³) and one value above a
    // 286-way tie: H depends only on which group holds it, (N − n)²/n + N − n for a group of n, larger for
    // smaller n. It is in the group of 59, so the exact p is (47 + 53 + 59)/287; a strict comparison, or a
    // rounding miss of the exactly equal H, would lose the 59/287.
    const sizes = [61, 47, 59, 67, 53];
    const groups = sizes.map((n, i) => Array.from({ length: n }, (_, j) => (i === 2 && j === 0 ? 1 : 0)));
    const r = monteCarloP(groups, "kruskal-wallis", { resamples: B, seed: 5 });
    const exact = 159 / 287;
    expect(Math.abs(r.p! - exact)).toBeLessThanOrEqual(tolerance(exact, 0));
  });

  it("agrees with the exact k-sample p on seeded small cases", () => {
    const rng = new Random(53);
    for (let t = 0; t < 40; t++) {
      const groups = [0, 1, 2, 3].map((g) => Array.from({ length: rng.int(1, 4) }, () => rng.int(0, t % 2 === 0 ? 3 : 99) + g * (t % 3)));
      const exact = kruskalWallisExactP(groups);
      if (exact.p === null) continue;
      const r = monteCarloP(groups, "kruskal-wallis", { resamples: B, seed: t });
      expect(Math.abs(r.p! - exact.p), `case ${t}`).toBeLessThanOrEqual(tolerance(exact.p, 0));
    }
  });

  it("is null, with a reason, when undefined", () => {
    const o = { resamples: 100, seed: 1 };
    const nulls = { p: null, standardError: null, resamples: 0 };
    expect(monteCarloP([[1, 2]], "kruskal-wallis", o)).toEqual({ ...nulls, reason: "fewer than two groups" });
    expect(monteCarloP([[1], [2], [3]], "rank-sum", o)).toEqual({ ...nulls, reason: "the rank-sum statistic needs two groups (got 3)" });
    expect(monteCarloP([[1, 2], [null]], "rank-sum", o)).toEqual({ ...nulls, reason: "group 2 has no values" });
    expect(monteCarloP([[3, 3], [3]], "rank-sum", o)).toEqual({ ...nulls, reason: "all values are tied: no variation to test" });
    expect(monteCarloP([[1], [2]], "rank-sum", { resamples: 0, seed: 1 }).reason).toBe("resamples must be a whole number of at least 1 (got 0)");
    expect(monteCarloP([[1], [2]], "rank-sum", { resamples: 2.5, seed: 1 }).p).toBeNull();
    expect(monteCarloP([[1], [2]], "kruskal-wallis", { ...o, alternative: "less" }).reason).toBe("H has no one-sided alternative: use the rank-sum statistic");
  });
});
