import { expect } from "vitest";

/**
 * Asserts |actual − expected| ≤ 1e-9·|expected| + absolute. `absolute` is 0 for p-values (so tiny tails are
 * checked relatively) and 1e-12 for signed statistics whose true value can be exactly 0 (r, Z, H), where a
 * relative test is meaningless. null must match null.
 */
export function expectClose(actual: number | null | undefined, expected: number | null, label: string, absolute = 0): void {
  if (expected === null) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(typeof actual, label).toBe("number");
  const a = actual as number;
  expect(Number.isFinite(a), label).toBe(true);
  const tolerance = 1e-9 * Math.abs(expected) + absolute;
  if (!(Math.abs(a - expected) <= tolerance)) {
    expect.fail(`${label}: ${a} differs from ${expected} by ${Math.abs(a - expected)} (tolerance ${tolerance})`);
  }
}

/** Tolerance floor for statistics that can be exactly zero. */
export const ZERO_FLOOR = 1e-12;
