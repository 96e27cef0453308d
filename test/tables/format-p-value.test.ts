import { describe, expect, it } from "vitest";
import { formatCell, formatPValue } from "../../src/tables/index.js";

describe("formatPValue: APA style (Publication Manual, 7th ed., 6.36)", () => {
  it("no leading zero; three decimals by default; below .001 as < .001", () => {
    expect(formatPValue(0.04213)).toBe(".042");
    expect(formatPValue(0.2152013637519419)).toBe(".215");
    expect(formatPValue(0.001)).toBe(".001");
    expect(formatPValue(0.0009999)).toBe("< .001");
    expect(formatPValue(0.0000281809)).toBe("< .001");
    expect(formatPValue(0)).toBe("< .001");
    expect(formatPValue(1)).toBe("1.000");
    expect(formatPValue(0.9996)).toBe("1.000");
  });

  it("with other decimals", () => {
    expect(formatPValue(0.04213, 2)).toBe(".04");
    expect(formatPValue(0.004, 2)).toBe("< .01");
  });

  it("is how formatCell shows a p-value column (null stays NA; other columns as before)", () => {
    expect(formatCell(0.00002, { id: "p", pValue: true })).toBe("< .001");
    expect(formatCell(null, { id: "p", pValue: true })).toBe("NA");
    expect(formatCell(0.00002, { id: "r", decimals: 3 })).toBe("0.000");
  });
});
