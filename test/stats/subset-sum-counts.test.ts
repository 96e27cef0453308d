import { describe, expect, it } from "vitest";
import { subsetSumCounts } from "../../src/stats/index.js";

describe("subsetSumCounts", () => {
  it("counts the subsets of a size by their sum (hand cases)", () => {
    // Pairs of 1 … 4: 1+2 = 3, 1+3 = 4, 1+4 = 5, 2+3 = 5, 2+4 = 6, 3+4 = 7.
    expect(Array.from(subsetSumCounts([1, 2, 3, 4], 2, 7))).toEqual([0, 0, 0, 1, 1, 2, 1, 1]);
    // Repeated scores (tied midranks doubled): {2, 2, 5} in pairs → 4 once, 7 twice.
    expect(Array.from(subsetSumCounts([2, 2, 5], 2, 7))).toEqual([0, 0, 0, 0, 1, 0, 0, 2]);
    // Every subset of size 0 sums to 0; C(5, 5) = 1 subset sums to 15.
    expect(Array.from(subsetSumCounts([1, 2, 3, 4, 5], 0, 3))).toEqual([1, 0, 0, 0]);
    expect(subsetSumCounts([1, 2, 3, 4, 5], 5, 15)[15]).toBe(1);
  });
});
