import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hodgesLehmann, untiedUCounts } from "../../src/stats/index.js";

/**
 * The Hodges–Lehmann shift and its exact interval against R on 510 seeded untied cases:
 * `Rscript test/reference/stats/make_hodges_lehmann.R > test/reference/stats/hodges-lehmann.json`.
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/hodges-lehmann.json", import.meta.url), "utf8")) as {
  cases: Array<{ x: number[]; y: number[]; level: number; estimate: number; ci: [number, number] }>;
};
const close = (got: number | null, want: number) => got !== null && Math.abs(got - want) <= Math.max(1e-9 * Math.abs(want), 1e-12);

describe("hodgesLehmann against R wilcox.test(conf.int = TRUE)", () => {
  it("holds at least 500 cases", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
  });

  it("estimate and exact interval equal R's", () => {
    fixture.cases.forEach((c, k) => {
      const t = hodgesLehmann(c.x, c.y, c.level);
      expect(close(t.estimate, c.estimate), `case ${k}: estimate ${t.estimate} vs ${c.estimate}`).toBe(true);
      expect(close(t.ciLow, c.ci[0]) && close(t.ciHigh, c.ci[1]), `case ${k} (${c.x.length}, ${c.y.length}, ${c.level}): [${t.ciLow}, ${t.ciHigh}] vs [${c.ci}]`).toBe(true);
    });
  });

  it("the doc example, as R gives it", () => {
    const t = hodgesLehmann([1.1, 2.3, 3.8], [0.2, 0.9, 1.4, 2.0], 0.9);
    expect([t.estimate, t.ciLow, t.ciHigh].map((v) => Number(v!.toFixed(12)))).toEqual([1.15, -0.9, 3.6]);
  });

  it("hand case, and null intervals with ties or large samples", () => {
    // Differences of [1, 2, 4] − [0, 3]: 1, −2, 2, −1, 4, 1 → sorted −2, −1, 1, 1, 2, 4; median (1 + 1)/2 = 1.
    expect(hodgesLehmann([1, 2, 4], [0, 3]).estimate).toBe(1);
    // U of 2 vs 2 untied: C(4, 2) = 6 arrangements, U = 0, 1, 2, 2, 3, 4.
    expect(Array.from(untiedUCounts(2, 2))).toEqual([1, 1, 2, 1, 1]);
    expect(hodgesLehmann([1, 2, 2], [0, 3]).reason).toBe("ties: no exact interval");
    expect(hodgesLehmann([...Array(50).keys()], [0.5]).reason).toBe("a sample of 50 or more: no exact interval");
    expect(hodgesLehmann([], [1]).reason).toBe("a sample has no values");
  });
});
