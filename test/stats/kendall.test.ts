import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kendall } from "../../src/stats/index.js";

/**
 * Kendall's τ-b and p against R on 540 seeded cases (ties, n from 3 to 120, exact and normal p):
 * `Rscript test/reference/stats/make_kendall.R > test/reference/stats/kendall.json` (R writes 15 digits).
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/kendall.json", import.meta.url), "utf8")) as {
  cases: Array<{ x: number[]; y: number[]; tau: number; p: number }>;
};
const close = (got: number, want: number) => Math.abs(got - want) <= Math.max(1e-9 * Math.abs(want), 1e-14);

describe("kendall against R cor.test(method = \"kendall\")", () => {
  it("holds at least 500 cases, with and without ties, below and above n = 50", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
    expect(fixture.cases.some((c) => c.x.length >= 50)).toBe(true);
    expect(fixture.cases.some((c) => new Set(c.x).size < c.x.length)).toBe(true);
  });

  it("τ-b and p within 1e-9 relative", () => {
    fixture.cases.forEach((c, k) => {
      const t = kendall(c.x, c.y);
      expect(close(t.r!, c.tau), `case ${k}: τ ${t.r} vs ${c.tau}`).toBe(true);
      expect(close(t.p!, c.p), `case ${k} (n ${c.x.length}): p ${t.p} vs ${c.p}`).toBe(true);
    });
  });

  it("hand case: 1…5 against 3, 1, 2, 5, 4 has 7 concordant and 3 discordant pairs: τ = 0.4, exact p = 2·P(T ≥ 7) = 58/120", () => {
    const t = kendall([1, 2, 3, 4, 5], [3, 1, 2, 5, 4]);
    expect(t.r).toBeCloseTo(0.4, 15);
    expect(t.p).toBeCloseTo(58 / 120, 14);
    expect(kendall([1, 1, 1], [1, 2, 3]).reason).toBe("a variable is constant");
    expect(kendall([1], [2]).reason).toBe("fewer than 2 complete pairs");
  });
});
