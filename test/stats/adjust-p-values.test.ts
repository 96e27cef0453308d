import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adjustPValues, benjaminiHochbergAdjust, type PAdjustMethod } from "../../src/stats/index.js";

/**
 * --adjust against R's p.adjust on 600 seeded families (ties, NA, 0 and 1 included). The values and the script
 * that made them: `Rscript test/reference/stats/make_p_adjust.R > test/reference/stats/p-adjust.json`.
 */
interface Case {
  id: number;
  p: Array<number | null>;
  holm: Array<number | null>;
  bonferroni: Array<number | null>;
  bh: Array<number | null>;
}
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/p-adjust.json", import.meta.url), "utf8")) as { cases: Case[] };

describe("adjustPValues against R p.adjust", () => {
  it("holds at least 500 families", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
  });

  for (const method of ["holm", "bonferroni", "bh"] as const satisfies readonly PAdjustMethod[]) {
    it(`${method}: every value within 1e-9 relative, nulls where R has NA`, () => {
      for (const c of fixture.cases) {
        const got = adjustPValues(c.p, method);
        c[method].forEach((want, i) => {
          if (want === null) expect(got[i], `case ${c.id} [${i}]`).toBeNull();
          else expect(Math.abs(got[i]! - want), `case ${c.id} [${i}]`).toBeLessThanOrEqual(1e-9 * Math.max(want, 1e-300));
        });
      }
    });
  }

  it("none leaves the values as they are; a hand case for BH", () => {
    expect(adjustPValues([0.2, null, 0.01], "none")).toEqual([0.2, null, 0.01]);
    // m = 3: 0.04 → 0.04; 0.03 → min(0.04, 3/2 × 0.03 = 0.045) = 0.04; 0.01 → min(0.04, 3 × 0.01) = 0.03.
    expect(benjaminiHochbergAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.04, 0.04]);
  });
});
