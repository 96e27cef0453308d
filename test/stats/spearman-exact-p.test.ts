import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { spearman, spearmanExactP } from "../../src/stats/index.js";

/**
 * Spearman's exact p against R on 520 seeded untied cases, n = 3 to 9 (where R enumerates):
 * `Rscript test/reference/stats/make_spearman_exact.R > test/reference/stats/spearman-exact.json`.
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/spearman-exact.json", import.meta.url), "utf8")) as {
  cases: Array<{ x: number[]; y: number[]; rho: number; p: number }>;
};

describe("spearmanExactP against R cor.test(method = \"spearman\", exact = TRUE)", () => {
  it("holds at least 500 cases", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
  });

  it("p within 1e-9 relative, ρ as spearman gives it", () => {
    fixture.cases.forEach((c, k) => {
      const { p } = spearmanExactP(c.x, c.y);
      expect(Math.abs(p! - c.p), `case ${k} (n ${c.x.length}): ${p} vs ${c.p}`).toBeLessThanOrEqual(1e-9 * c.p);
      expect(spearman(c.x, c.y).r).toBeCloseTo(c.rho, 12);
    });
  });

  it("n = 3, ρ = −1: 1/3 where the t approximation says 0; n = 10 by full enumeration", () => {
    expect(spearmanExactP([1, 2, 3], [3, 2, 1]).p).toBeCloseTo(1 / 3, 15);
    expect(spearman([1, 2, 3], [3, 2, 1]).p).toBe(0);
    // python3: S = Σ(i + 1 − y_i)² over the 10! orders, 2·P(S ≤ 10) for y = 2,1,4,3,6,5,8,7,10,9 → 0.00020557760141093475
    // (R's AS 89 Edgeworth series prints 0 here).
    expect(spearmanExactP([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]).p).toBeCloseTo(0.00020557760141093475, 15);
  });

  it("is null, with a reason, with ties, below 3 or above 10 pairs", () => {
    expect(spearmanExactP([1, 1, 2], [1, 2, 3]).reason).toMatch(/ties/);
    expect(spearmanExactP([1, 2], [1, 2]).reason).toMatch(/at least 3/);
    expect(spearmanExactP([...Array(11).keys()], [...Array(11).keys()]).reason).toMatch(/up to 10/);
  });
});
