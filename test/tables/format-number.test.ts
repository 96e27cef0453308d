import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/tables/format-number.js";

describe("formatNumber", () => {
  it("prints full precision as the shortest round-trip decimal", () => {
    expect(formatNumber(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatNumber(42)).toBe("42");
    expect(formatNumber(-0)).toBe("0");
    expect(Number(formatNumber(Math.PI))).toBe(Math.PI);
  });

  it("never uses exponent notation", () => {
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(-1.5e-9)).toBe("-0.0000000015");
    expect(formatNumber(1.5e21)).toBe("1500000000000000000000");
    expect(Number(formatNumber(1.234567e-12))).toBe(1.234567e-12);
  });

  it("rounds half away from zero at fixed decimals, as SPSS and Excel print", () => {
    // 2.345 is stored as 2.34499999999999997335464740899624; a reader expects 2.35.
    expect(formatNumber(2.345, 2)).toBe("2.35");
    expect(formatNumber(-2.345, 2)).toBe("-2.35");
    expect(formatNumber(0.0675, 3)).toBe("0.068");
    expect(formatNumber(1.2389, 3)).toBe("1.239");
    expect(formatNumber(-0.0001, 2)).toBe("0.00");
    expect(formatNumber(55, 0)).toBe("55");
  });

  it("refuses NaN and infinities: an undefined value must be null before it reaches output", () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/bug/);
    expect(() => formatNumber(Infinity, 2)).toThrow(/bug/);
  });
});
