import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { assignRelationTypes } from "../../src/synth/assign-relation-types.js";
import { Random } from "../../src/random.js";

const FOUR = ["a", "b", "c", "d"];
const TWO = ["x", "y"];

describe("assignRelationTypes", () => {
  it("gives every pair at least one allowed type, no type twice, and exactly the rows asked for", () => {
    const allowed = (i: number) => (i % 3 === 0 ? TWO : FOUR); // capacity: 4 pairs × 2 + 6 pairs × 4 = 32
    for (let rows = 10; rows <= 32; rows++) {
      const types = assignRelationTypes(10, allowed, rows, new Random(rows));
      expect(types).toHaveLength(10);
      types.forEach((t, i) => {
        expect(t.length).toBeGreaterThanOrEqual(1);
        expect(new Set(t).size).toBe(t.length);
        for (const type of t) expect(allowed(i)).toContain(type);
      });
      expect(types.reduce((sum, t) => sum + t.length, 0)).toBe(rows);
    }
  });

  it("uses every allowed type at full capacity, one per pair at the minimum", () => {
    const full = assignRelationTypes(3, () => FOUR, 12, new Random(1));
    for (const t of full) expect([...t].sort()).toEqual(FOUR);
    const single = assignRelationTypes(3, () => FOUR, 3, new Random(1));
    for (const t of single) expect(t).toHaveLength(1);
  });

  it("refuses rows outside [pairs, capacity]", () => {
    expect(() => assignRelationTypes(3, () => TWO, 2, new Random(1))).toThrow(DataError);
    expect(() => assignRelationTypes(3, () => TWO, 7, new Random(1))).toThrow(/between 3 .* and 6/);
    expect(() => assignRelationTypes(1, () => [], 1, new Random(1))).toThrow(DataError);
  });

  it("handles a graph without ties", () => {
    expect(assignRelationTypes(0, () => FOUR, 0, new Random(1))).toEqual([]);
  });
});
