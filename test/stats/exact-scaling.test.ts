/** The building blocks of careful means and variances: their doc examples and the cases they exist for. */
import { describe, expect, it } from "vitest";
import {
  allEqual,
  centredCrossProduct,
  centredValues,
  exactSum,
  quantileType7,
  scaleExponent,
  timesPowerOfTwo,
} from "../../src/stats/index.js";
import { expectClose } from "./close.js";

describe("timesPowerOfTwo", () => {
  it("is exact into and out of the subnormals and past 2¹⁰²³ in steps", () => {
    expect(timesPowerOfTwo(3, -1074)).toBe(1.5e-323);
    expect(timesPowerOfTwo(1.5e-323, 1074)).toBe(3);
    expect(timesPowerOfTwo(1e300, -997)).toBe(0.7466108948025751);
    expect(timesPowerOfTwo(timesPowerOfTwo(1e300, -997), 997)).toBe(1e300);
    expect(timesPowerOfTwo(5e-324, 2097)).toBe(2 ** 1023); // two steps up
    expect(timesPowerOfTwo(2 ** 1023, -2097)).toBe(5e-324); // two steps down
    expect(timesPowerOfTwo(1, -1075)).toBe(0); // half the smallest subnormal, to even
    expect(timesPowerOfTwo(1, 1024)).toBe(Infinity);
  });
});

describe("scaleExponent", () => {
  it("brings the largest |x| into [½, 1)", () => {
    expect(scaleExponent([3, -5])).toBe(3);
    expect(scaleExponent([1e300])).toBe(997);
    expect(scaleExponent([5e-324])).toBe(-1073);
    expect(scaleExponent([-Number.MAX_VALUE])).toBe(1024);
    expect(scaleExponent([0.5, 1 - 2 ** -53])).toBe(0);
    expect(scaleExponent([1])).toBe(1);
    expect(scaleExponent([0, -0])).toBe(0);
    expect(scaleExponent([])).toBe(0);
    for (const v of [2 ** 600, 2 ** 600 * (1 - 2 ** -53), 2 ** -1022, 2 ** -1023 * 3, 1e-310, 7]) {
      const m = timesPowerOfTwo(v, -scaleExponent([v]));
      expect(m >= 0.5 && m < 1, String(v)).toBe(true);
    }
  });
});

describe("allEqual", () => {
  it("is decided on the values", () => {
    expect(allEqual([0.1, 0.1, 0.1])).toBe(true);
    expect(allEqual([1, 1, 1.0000000000000002])).toBe(false);
    expect(allEqual([0, -0])).toBe(true);
    expect(allEqual([])).toBe(true);
    expect(allEqual(new Float64Array([5e-324, 5e-324]))).toBe(true);
  });
});

describe("exactSum (in src/stats, re-exported by src/measures)", () => {
  it("rounds once", () => {
    // python3 -c "import math; print(math.fsum([0.1, 0.2, 0.3]))" → 0.6
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    // python3 -c "import math; print(math.fsum([1e300, 1.0, -1e300]))" → 1.0
    expect(exactSum([1e300, 1, -1e300])).toBe(1);
  });
});

describe("centredValues and centredCrossProduct", () => {
  it("the doc examples", () => {
    const c = centredValues([1, 2, 3, 4]);
    expect(c).toMatchObject({ n: 4, exponent: 3, mean: 2.5, residual: 0 });
    expect([...c.deviations]).toEqual([-0.1875, -0.0625, 0.0625, 0.1875]);
    expect(centredCrossProduct(c, centredValues([1, 2, 4, 3]))).toBe(0.0625);
  });
  it("the residual carries what the rounded mean leaves over", () => {
    // Exact mean of 0.1 + 0.2, 0.3, 0.3 is 0.3 + 2⁻⁵⁴/3, which rounds to 0.3 (as python3 statistics.mean says).
    const c = centredValues([0.1 + 0.2, 0.3, 0.3]);
    expect(c.mean).toBe(0.3);
    expect(timesPowerOfTwo(c.residual, c.exponent)).toBe(2 ** -54); // Σ(x − 0.3), exactly
    // Σd² = 2⁻¹⁰⁸ less r²/n = 2⁻¹⁰⁸/3: the exact 2⁻¹⁰⁸·2/3.
    expectClose(timesPowerOfTwo(centredCrossProduct(c, c), 2 * c.exponent), (2 ** -108 * 2) / 3, "sum of squares");
    expect(centredValues([]).mean).toBeNull();
  });
  it("a mean of values near the largest double does not overflow", () => {
    expect(centredValues([Number.MAX_VALUE, Number.MAX_VALUE, Number.MAX_VALUE]).mean).toBe(Number.MAX_VALUE);
    expect(centredValues([-Number.MAX_VALUE, Number.MAX_VALUE]).mean).toBe(0);
  });
});

describe("quantileType7 of opposite signs near overflow", () => {
  it("interpolates as R does, without overflowing", () => {
    // quantile(c(-1.7e308, 1.7e308), c(0.25, 0.75)) → -8.4999999999999987e+307 8.4999999999999987e+307
    expect(quantileType7([-1.7e308, 1.7e308], 0.25)).toBe(-8.4999999999999987e307);
    expect(quantileType7([-1.7e308, 1.7e308], 0.75)).toBe(8.4999999999999987e307);
    expect(quantileType7([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});
