import { describe, expect, it } from "vitest";
import { niceTicks } from "../../src/report/chart-axis.js";

describe("niceTicks", () => {
  it("covers the data with steps of 1, 2 or 5 × 10^e", () => {
    // 94/5 = 18.8 → step 10 gives 11 ticks (> 6), step 20 gives 0, 20, …, 100 (6 ticks).
    expect(niceTicks(3, 97).values).toEqual([0, 20, 40, 60, 80, 100]);
    // 0.29/5 = 0.058 → 0.01, 0.02, 0.05 give 30, 16, 8 ticks; 0.1 gives 0 … 0.4 (5).
    const t = niceTicks(0.02, 0.31);
    expect(t.values).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(t.labels).toEqual(["0", "0.1", "0.2", "0.3", "0.4"]);
    expect(niceTicks(-7, 12).values).toEqual([-10, -5, 0, 5, 10, 15]);
  });

  it("widens a range of zero width, and never gives a tick label in exponent form", () => {
    const single = niceTicks(5, 5);
    expect(single.min).toBeLessThanOrEqual(5);
    expect(single.max).toBeGreaterThanOrEqual(5);
    expect(single.min).toBeLessThan(single.max);
    expect(niceTicks(0, 0).values[0]).toBe(0);
    expect(niceTicks(0.0000012, 0.0000049).labels.every((l) => !/e/i.test(l))).toBe(true);
  });

  it("always spans [min, max] with at most maxTicks ticks", () => {
    const cases: Array<[number, number]> = [[0, 1], [1, 133], [0.017, 0.29], [2, 28], [-3.5, -0.1], [1e6, 3.3e6]];
    for (const [lo, hi] of cases) {
      const t = niceTicks(lo, hi, 6);
      expect(t.min).toBeLessThanOrEqual(lo);
      expect(t.max).toBeGreaterThanOrEqual(hi);
      expect(t.values.length).toBeLessThanOrEqual(6);
    }
  });
});
