import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mannWhitney } from "../../src/stats/mann-whitney.js";
import { rankBiserialInterval } from "../../src/stats/rank-biserial-interval.js";
import { expectClose, ZERO_FLOOR } from "./close.js";

/**
 * The rank-biserial correlation and its interval against R effectsize on 520 seeded cases, with and without
 * ties: `Rscript test/reference/stats/make_rank_biserial.R > test/reference/stats/rank-biserial.json`.
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/rank-biserial.json", import.meta.url), "utf8")) as {
  cases: Array<{ x: number[]; y: number[]; level: number; r: number; ci: [number, number] }>;
};

describe("rank-biserial correlation and interval against R effectsize::rank_biserial", () => {
  it("holds at least 500 cases, most with an interval", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
    expect(fixture.cases.filter((c) => Math.abs(c.r) < 1).length).toBeGreaterThanOrEqual(500);
  });

  it("r and its interval equal R's", () => {
    fixture.cases.forEach((c, k) => {
      const t = mannWhitney(c.x, c.y);
      expectClose(t.rankBiserial, c.r, `case ${k}: r`, ZERO_FLOOR);
      const ci = rankBiserialInterval(t.rankBiserial!, c.x.length, c.y.length, c.level);
      if (Math.abs(c.r) >= 1) {
        expect(ci.low, `case ${k}`).toBeNull();
        return;
      }
      expectClose(ci.low, c.ci[0], `case ${k}: low`, ZERO_FLOOR);
      expectClose(ci.high, c.ci[1], `case ${k}: high`, ZERO_FLOOR);
    });
  });

  it("the doc example, as R gives it", () => {
    // R: print(tanh(atanh(0.5) + c(-1, 1) * qnorm(0.975) * sqrt(23 / 360)), digits = 17)
    //    → 0.053848580243322848 0.779741811354933145
    const ci = rankBiserialInterval(0.5, 10, 12);
    expectClose(ci.low, 0.053848580243322848, "low");
    expectClose(ci.high, 0.779741811354933145, "high");
  });

  it("null with a reason at complete separation and for an empty sample", () => {
    expect(rankBiserialInterval(1, 3, 4).reason).toMatch(/complete separation/);
    expect(rankBiserialInterval(0, 0, 4).reason).toBe("a sample has no values");
  });
});
