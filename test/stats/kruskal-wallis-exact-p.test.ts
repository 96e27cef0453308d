import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Random } from "../../src/random.js";
import { kruskalWallis } from "../../src/stats/kruskal-wallis.js";
import { DEFAULT_MAX_KRUSKAL_WALLIS_EXACT_WORK, kruskalWallisExactP } from "../../src/stats/kruskal-wallis-exact-p.js";
import { monteCarloP } from "../../src/stats/monte-carlo-p.js";
import { rankSumExactP } from "../../src/stats/rank-sum-exact-p.js";
import { midranks } from "../../src/stats/ranks.js";
import { expectClose, ZERO_FLOOR } from "./close.js";

/**
 * The exact Kruskal–Wallis p against R on 520 seeded cases (k = 3–4 groups of 1–5, N ≤ 13, half with ties),
 * the p by brute-force enumeration of every assignment, H from kruskal.test:
 * `Rscript test/reference/stats/make_kruskal_wallis_exact.R > test/reference/stats/kruskal-wallis-exact.json`.
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/kruskal-wallis-exact.json", import.meta.url), "utf8")) as {
  cases: Array<{ groups: number[][]; h: number; p: number; assignments: number; ties: boolean }>;
};

describe("kruskalWallisExactP against R enumeration", () => {
  it("holds at least 500 cases, with and without ties", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
    expect(fixture.cases.filter((c) => c.ties).length).toBeGreaterThanOrEqual(200);
    expect(fixture.cases.filter((c) => !c.ties).length).toBeGreaterThanOrEqual(200);
  });

  it("p within 1e-9 relative; H as kruskal.test gives it", () => {
    fixture.cases.forEach((c, k) => {
      const label = `case ${k} (${c.groups.map((g) => g.length).join(", ")}${c.ties ? ", ties" : ""})`;
      const r = kruskalWallisExactP(c.groups);
      expect(r.reason, label).toBeNull();
      expectClose(r.p, c.p, `${label} p`);
      expectClose(kruskalWallis(c.groups).h, c.h, `${label} H`, ZERO_FLOOR);
    });
  });

  it("hand cases", () => {
    // [[1, 2], [3], [4]]: the first group's pair decides Σ Rᵢ²/nᵢ (the two singletons give c² + d² either
    // way), 2 assignments per pair, 12 in all: {1,2} 9/2 + 9 + 16 = 29.5, {1,3} 8 + 4 + 16 = 28,
    // {1,4} 12.5 + 4 + 9 = 25.5, {2,3} 12.5 + 1 + 16 = 29.5, {2,4} 18 + 1 + 9 = 28, {3,4} 24.5 + 1 + 4 = 29.5.
    // Observed 29.5 (H = 12/20·29.5 − 15 = 2.7): 3 of 6 pairs reach it, p = 1/2.
    expect(kruskalWallisExactP([[1, 2], [3], [4]])).toEqual({ p: 0.5, reason: null });
    expectClose(kruskalWallis([[1, 2], [3], [4]]).h, 2.7, "H", ZERO_FLOOR);
    // [[1, 1], [2], [3]]: midranks 1.5, 1.5, 3, 4. Pairs {1.5,1.5} 4.5 + 9 + 16 = 29.5, {1.5,3} ×2
    // 10.125 + 2.25 + 16 = 28.375, {1.5,4} ×2 15.125 + 2.25 + 9 = 26.375, {3,4} 24.5 + 2.25 + 2.25 = 29:
    // only the observed pair reaches 29.5, p = 1/6.
    expectClose(kruskalWallisExactP([[1, 1], [2], [3]]).p, 1 / 6, "tied hand case");
    // Missing values are dropped; one value per group: every assignment has the same H, p = 1.
    expect(kruskalWallisExactP([[1, null], [2], [3]]).p).toBe(1);
  });

  it("with two groups equals the exact two-sided rank-sum p", () => {
    const rng = new Random(41);
    for (let t = 0; t < 300; t++) {
      const a = Array.from({ length: rng.int(1, 12) }, () => rng.int(0, t % 2 === 0 ? 6 : 1000));
      const b = Array.from({ length: rng.int(1, 12) }, () => rng.int(0, t % 2 === 0 ? 6 : 1000) + (t % 3));
      const ranks = midranks([...a, ...b]);
      if (ranks.every((r) => r === ranks[0])) continue;
      const r1 = ranks.slice(0, a.length).reduce((s, v) => s + v, 0);
      expectClose(kruskalWallisExactP([a, b]).p, rankSumExactP(ranks, a.length, r1).p, `case ${t}`);
    }
  });

  it("at the work limit agrees with a Monte-Carlo estimate (three untied groups of 11)", () => {
    const rng = new Random(43);
    const groups = [0, 1, 2].map((g) => Array.from({ length: 11 }, (_, i) => rng.next() + g * 0.2 + i * 1e-9));
    const exact = kruskalWallisExactP(groups);
    expect(exact.reason).toBeNull();
    const mc = monteCarloP(groups, "kruskal-wallis", { resamples: 20000, seed: 1 });
    const p = exact.p!;
    expect(Math.abs(mc.p! - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / 20000) + 3 / 20000);
  });

  it("is null, with a reason, when undefined or too large", () => {
    expect(kruskalWallisExactP([[1, 2, 3]])).toEqual({ p: null, reason: "fewer than two groups" });
    expect(kruskalWallisExactP([[1, 2], [null], [3]])).toEqual({ p: null, reason: "group 2 has no values" });
    expect(kruskalWallisExactP([[1, 1], [1], [1]]).reason).toBe("all values are tied: no variation to test");
    const twelve = [0, 1, 2].map((g) => Array.from({ length: 12 }, (_, i) => 12 * g + i));
    expect(kruskalWallisExactP(twelve).reason).toBe(
      "exact p not computed: groups of 12, 12, 12 are too large for the exact distribution (use the asymptotic or Monte-Carlo p)",
    );
    expect(kruskalWallisExactP([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], { maxWork: 1000 }).p).toBeNull();
    expect(DEFAULT_MAX_KRUSKAL_WALLIS_EXACT_WORK).toBe(1.5e8);
  });
});
