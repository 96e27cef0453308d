import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactSum, exactSum } from "../../src/measures/exact-sum.js";

describe("exactSum (correctly rounded, order-free summation)", () => {
  it("agrees with Python's math.fsum", () => {
    // python3 -c "import math; print(repr(math.fsum([0.1,0.2,0.3])))"                                   → 0.6
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    // python3 -c "import math; print(repr(math.fsum([1e100,1.0,-1e100,1e-100,1e50,-1.0,-1e50])))"       → 1e-100
    expect(exactSum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])).toBe(1e-100);
    // python3 -c "import math; print(repr(math.fsum([1/3,1/7,1/11,1/13,2/3,1/9,1e-17,0.7])))"            → 2.1218004218004216
    expect(exactSum([1 / 3, 1 / 7, 1 / 11, 1 / 13, 2 / 3, 1 / 9, 1e-17, 0.7])).toBe(2.1218004218004216);
    // python3 -c "import math; print(repr(math.fsum([1.0,1e-16,1e-16])))"                              → 1.0000000000000002
    expect(exactSum([1.0, 1e-16, 1e-16])).toBe(1.0000000000000002);
    // python3 -c "import math; print(repr(math.fsum([0.29,0.3333333333333333,0.25]*7)))"                → 6.113333333333333
    expect(exactSum(Array.from({ length: 7 }, () => [0.29, 0.3333333333333333, 0.25]).flat())).toBe(6.113333333333333);
    expect(exactSum([])).toBe(0);
  });

  it("does not depend on the order of the terms", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 40 }), (values) => {
        const forward = exactSum(values);
        const backward = exactSum([...values].reverse());
        const sorted = exactSum([...values].sort((a, b) => a - b));
        expect(Object.is(backward, forward) || backward === forward).toBe(true);
        expect(sorted === forward).toBe(true);
      }),
      { seed: 77, numRuns: 300 },
    );
  });

  it("the accumulator gives the same as the function", () => {
    const sum = new ExactSum();
    for (const v of [0.1, 0.2, 0.3]) sum.add(v);
    expect(sum.value()).toBe(exactSum([0.1, 0.2, 0.3]));
  });
});
