import { describe, expect, it } from "vitest";
import { fitToBox } from "../../src/report/layout-fit.js";
import { forceAtlasLayout } from "../../src/report/layout-force-atlas.js";
import { coord } from "../../src/report/svg-coordinate.js";
import { symbolPath } from "../../src/report/svg-symbol.js";

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe("forceAtlasLayout", () => {
  it("gives the same positions for the same seed, and other positions for another seed", () => {
    const edges = [0, 1, 1, 2, 2, 0, 2, 3, 4, 5];
    const a = forceAtlasLayout(6, edges, 42);
    expect(forceAtlasLayout(6, edges, 42)).toEqual(a);
    expect(forceAtlasLayout(6, edges, 43)).not.toEqual(a);
    for (const p of a) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("puts the middle node of a path between its ends, and tied nodes closer than untied ones", () => {
    const [a, b, c] = forceAtlasLayout(3, [0, 1, 1, 2], 7);
    expect(distance(a, c)).toBeGreaterThan(distance(a, b));
    expect(distance(a, c)).toBeGreaterThan(distance(b, c));
    // Two triangles joined by one tie (2–3): within-triangle ties are shorter than the farthest cross pair.
    const p = forceAtlasLayout(6, [0, 1, 1, 2, 0, 2, 3, 4, 4, 5, 3, 5, 2, 3], 1);
    expect(distance(p[0], p[1])).toBeLessThan(distance(p[0], p[5]));
    expect(distance(p[4], p[5])).toBeLessThan(distance(p[1], p[4]));
  });

  it("handles no nodes and one node", () => {
    expect(forceAtlasLayout(0, [], 1)).toEqual([]);
    expect(forceAtlasLayout(1, [], 1)).toEqual([{ x: 0, y: 0 }]);
  });
});

describe("fitToBox", () => {
  it("scales both axes alike and centres (the doc example, by hand)", () => {
    // Inner box 80 × 80; spans 2 and 1 → scale min(40, 80) = 40; centre (50, 50) ± (40, 20).
    expect(fitToBox([{ x: 0, y: 0 }, { x: 2, y: 1 }], { x: 0, y: 0, width: 100, height: 100 }, 10)).toEqual([
      { x: 10, y: 30 },
      { x: 90, y: 70 },
    ]);
  });

  it("puts a single point, or coincident points, at the centre", () => {
    expect(fitToBox([{ x: 5, y: 5 }, { x: 5, y: 5 }], { x: 10, y: 20, width: 100, height: 50 }, 5)).toEqual([
      { x: 60, y: 45 },
      { x: 60, y: 45 },
    ]);
  });
});

describe("SVG numbers and shapes", () => {
  it("rounds coordinates to 0.1 and prints them shortest, with no negative zero", () => {
    expect(coord(12.345)).toBe("12.3");
    expect(coord(12.35)).toBe("12.4");
    expect(coord(7)).toBe("7");
    expect(coord(-0.04)).toBe("0");
    expect(coord(1e-9)).toBe("0");
  });

  it("draws a square of the circle's area (side 2 × 0.89 r) centred on the point", () => {
    // r = 5: half side 4.45 → corners 5.55 (5.6) and 14.45; side 8.9.
    expect(symbolPath("square", 10, 10, 5)).toBe("M5.6 5.6h8.9v8.9h-8.9z");
    expect(symbolPath("circle", 10, 10, 5)).toBe("M5 10a5 5 0 1 0 10 0a5 5 0 1 0 -10 0z");
  });
});
