import { expect } from "vitest";
import type { Cell } from "../../src/model/index.js";

/** Asserts each expected cell: numbers to 1e-12 (relative), everything else exactly; null must be null. */
export function expectCells(row: Record<string, Cell>, expected: Record<string, Cell>): void {
  const wrong: string[] = [];
  for (const [id, want] of Object.entries(expected)) {
    const got = row[id];
    const ok =
      typeof want === "number" && typeof got === "number"
        ? Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want))
        : got === want;
    if (!ok) wrong.push(`${id}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  expect(wrong).toEqual([]);
}
