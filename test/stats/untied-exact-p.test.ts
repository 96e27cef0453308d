import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { untiedExactP, UNTIED_EXACT_MAX_PRODUCT } from "../../src/stats/index.js";

/**
 * SPSS Base's "Exact Sig. [2*(1-tailed Sig.)]" against R's untied distribution of U on 520 seeded cases:
 * `Rscript test/reference/stats/make_untied_exact.R > test/reference/stats/untied-exact.json`
 * (min(1, 2 * pwilcox(floor(u), n1, n2)); R writes 15 significant digits).
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/untied-exact.json", import.meta.url), "utf8")) as {
  cases: Array<{ n1: number; n2: number; u: number; p: number }>;
};

describe("untiedExactP against R pwilcox", () => {
  it("holds at least 500 cases, the thesis's two among them", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
  });

  it("equals R within 1e-9 relative (absolute 1e-15 for p below 1e-6)", () => {
    for (const c of fixture.cases) {
      const got = untiedExactP(c.u, c.n1, c.n2)!;
      expect(Math.abs(got - c.p), JSON.stringify(c)).toBeLessThanOrEqual(Math.max(1e-9 * c.p, 1e-15));
    }
  });

  it("gives the thesis's Table 7 as SPSS printed it: .240 and .075 (n = 5 and 16, U = 25 and 18)", () => {
    expect(untiedExactP(25, 5, 16)!.toFixed(3)).toBe("0.240");
    expect(untiedExactP(18, 5, 16)!.toFixed(3)).toBe("0.075");
  });

  it("is symmetric in the group sizes, and null beyond its limit or for an empty group", () => {
    expect(untiedExactP(18, 16, 5)).toBe(untiedExactP(18, 5, 16));
    // 3 vs 4, U = 0: one arrangement of C(7, 3) = 35 → 2/35.
    expect(untiedExactP(0, 3, 4)).toBeCloseTo(2 / 35, 15);
    expect(untiedExactP(10, 51, 50)).toBeNull();
    expect(51 * 50).toBeGreaterThan(UNTIED_EXACT_MAX_PRODUCT);
    expect(untiedExactP(0, 0, 4)).toBeNull();
  });
});

describe("mannWhitney's two exact p-values", () => {
  it("agree without ties (200 random samples of distinct values)", async () => {
    const { mannWhitney } = await import("../../src/stats/index.js");
    const { Random } = await import("../../src/random.js");
    const random = new Random(19);
    for (let k = 0; k < 200; k++) {
      const n1 = 1 + (random.nextUint32() % 12);
      const n2 = 1 + (random.nextUint32() % 12);
      // Distinct: random integers, each with its own fraction.
      const values = Array.from({ length: n1 + n2 }, (_, i) => random.nextUint32() + i / (n1 + n2 + 1));
      const t = mannWhitney(values.slice(0, n1), values.slice(n1));
      expect(Math.abs(t.pExactUntied! - t.pExact!), `${n1} vs ${n2}`).toBeLessThanOrEqual(1e-12);
    }
  });
});
