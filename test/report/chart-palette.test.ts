import { describe, expect, it } from "vitest";
import {
  categoryColour,
  EXCLUDED_FILL,
  ISOLATE_FILL,
  MISSING_FILL,
  OKABE_ITO,
  relativeLuminance,
  shellColour,
  textColourOn,
  viridis,
  VIRIDIS_SAMPLES,
} from "../../src/report/chart-palette.js";

describe("relativeLuminance (WCAG 2.1)", () => {
  it("is 1 for white, 0 for black, and 0.1845 for #777777", () => {
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    // By hand: 0x77/255 = 0.46667; ((0.46667 + 0.055)/1.055)^2.4 = 0.49447^2.4 = 0.18447; the three channels
    // are equal, so L = 0.18447. WebAIM's contrast checker gives #777777 on white 4.48:1 = 1.05/(L + 0.05).
    expect(relativeLuminance("#777777")).toBeCloseTo(0.18447, 4);
    expect(1.05 / (relativeLuminance("#777777") + 0.05)).toBeCloseTo(4.48, 2);
  });
});

describe("viridis", () => {
  it("passes through its samples and interpolates between them", () => {
    expect(viridis(0)).toBe("#440154");
    expect(viridis(1)).toBe("#fde725");
    expect(viridis(0.5)).toBe(VIRIDIS_SAMPLES[5]);
    expect(viridis(-1)).toBe("#440154");
    // Halfway between #440154 and #482475: (0x44+0x48)/2 = 0x46, (0x01+0x24)/2 = 18.5 → 0x13, (0x54+0x75)/2 = 100.5 → 0x65.
    expect(viridis(0.05)).toBe("#461365");
  });

  it("has luminance rising strictly in steps of 0.01 along the whole palette (so it prints as ordered greys)", () => {
    // Finer steps can meet 8-bit rounding: where red falls as green rises (0.1–0.2), two colours 0.001 apart
    // may differ by one unit of red only, a dip of under 0.001 in luminance. Shells are never that close.
    let previous = -1;
    for (let i = 0; i <= 100; i++) {
      const l = relativeLuminance(viridis(i / 100));
      expect(l).toBeGreaterThan(previous);
      previous = l;
    }
  });
});

describe("shellColour", () => {
  it("makes every deeper shell strictly darker, for 2 to 40 shells, all distinct", () => {
    for (let shells = 2; shells <= 40; shells++) {
      const colours = Array.from({ length: shells }, (_, i) => shellColour(i + 1, shells));
      expect(new Set(colours).size).toBe(shells);
      for (let rank = 2; rank <= shells; rank++) {
        expect(relativeLuminance(colours[rank - 1])).toBeLessThan(relativeLuminance(colours[rank - 2]));
      }
      expect(colours[shells - 1]).toBe("#440154");
    }
  });

  it("keeps every shell apart from the isolate and excluded fills in grey (and the isolates are squares besides)", () => {
    for (let shells = 1; shells <= 12; shells++) {
      for (let rank = 1; rank <= shells; rank++) {
        const l = relativeLuminance(shellColour(rank, shells));
        expect(Math.abs(l - relativeLuminance(ISOLATE_FILL))).toBeGreaterThan(0.05);
        expect(l).toBeLessThan(relativeLuminance(EXCLUDED_FILL));
      }
    }
  });
});

describe("category colours", () => {
  it("are seven distinct Okabe–Ito colours, then one grey, none equal to the missing fill", () => {
    const colours = Array.from({ length: 7 }, (_, i) => categoryColour(i));
    expect(new Set(colours).size).toBe(7);
    expect(colours).toEqual([...OKABE_ITO]);
    expect(categoryColour(7)).toBe(categoryColour(20));
    expect(colours).not.toContain(categoryColour(7));
    expect([...colours, categoryColour(7)]).not.toContain(MISSING_FILL);
  });

  it("puts white text on dark fills and black on light ones", () => {
    expect(textColourOn("#440154")).toBe("#ffffff");
    expect(textColourOn("#fde725")).toBe("#000000");
    expect(textColourOn("#0072b2")).toBe("#ffffff");
    expect(textColourOn("#e69f00")).toBe("#000000");
  });
});
