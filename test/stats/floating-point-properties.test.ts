/**
 * Properties over the whole range of doubles (fast-check, seeded): means, standard deviations and Pearson's
 * r against their exact values in integer arithmetic (exact-moments.ts), exact invariance under scaling by
 * powers of two, and no NaN or Infinity in any result or any output format.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareGroups,
  correlatePairs,
  descriptives,
  partialCorrelation,
  pearson,
  spearman,
  timesPowerOfTwo,
} from "../../src/stats/index.js";
import { compareJson, type ComparisonReport } from "../../src/tables/compare-report.js";
import { compareCsvTable, compareTables } from "../../src/tables/compare-tables.js";
import { compareSpssTables } from "../../src/tables/compare-spss-tables.js";
import { correlateJson, correlateTable } from "../../src/tables/correlate-tables.js";
import { toCsv } from "../../src/tables/write-csv.js";
import { toMarkdown } from "../../src/tables/write-markdown.js";
import { exactMean, exactPearson, exactSd } from "./exact-moments.js";

const seed = { seed: 20250114, numRuns: 400 };

/** Any finite double, subnormals and ±1.8e308 included. */
const anyDouble = fc.double({ noNaN: true, noDefaultInfinity: true });
/** A large or tiny offset plus a few ulps to a few per cent of it: the cancellation cases. */
const offsetSample = (minLength: number, maxLength: number) =>
  fc
    .tuple(
      fc.constantFrom(1e12, -3e15, 0.1, 1e300, -1e-300, 7e-310, 2 ** 1000, 1e16),
      fc.array(fc.integer({ min: -8, max: 8 }), { minLength, maxLength }),
      fc.integer({ min: -55, max: -5 }),
    )
    .map(([offset, ks, j]) => ks.map((k) => offset + offset * k * 2 ** j));
/** Magnitudes from 1e-320 to 1e308 mixed, with both signs. */
const mixedSample = fc.array(
  fc.oneof(anyDouble, fc.integer({ min: -5, max: 5 }).map((k) => k * 1e-320), fc.integer({ min: -5, max: 5 }).map((k) => k * 1e307)),
  { minLength: 2, maxLength: 20 },
);
const sample = fc.oneof(offsetSample(2, 30), mixedSample, fc.array(anyDouble, { minLength: 2, maxLength: 12 }));

function close(actual: number, expected: number, relative: number, absolute: number, label: string): void {
  if (!(Math.abs(actual - expected) <= relative * Math.abs(expected) + absolute)) {
    expect.fail(`${label}: ${actual} differs from the exact ${expected}`);
  }
}

describe("against exact arithmetic", () => {
  it("the integer reference agrees with Python's fractions (exact_sd.py) to the bit", () => {
    // statistics.stdev / statistics.mean / exact Pearson r from test/reference/stats/exact_sd.py
    expect(exactSd([1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007])).toBe(0.00054931640625);
    expect(exactSd([-1e308, 1e308, 1e308])).toBe(1.1547005383792515e308);
    expect(exactSd([1e-310, 2e-310, 4e-310])).toBe(1.5275252316519e-310);
    expect(exactSd([0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3])).toBe(3.0404709722440586e-17);
    expect(exactSd([-1.7e308, 1.7e308])).toBe(Infinity); // OverflowError in Python
    expect(exactMean([1e300, 1, -1e300])).toBe(0.3333333333333333);
    expect(exactMean([1e-310, 2e-310, 4e-310])).toBe(2.3333333333333e-310);
    expect(exactPearson([1e300, 2e300, 3e300, 4e300], [1e160, 3e160, 2e160, 5e160])).toBe(0.8315218406202999);
    expect(exactPearson([1e-300, 2e-300, 3e-300, 4e-300, 6e-300], [5e300, 1e300, 4e300, 2e300, 3e300])).toBe(-0.2465984809580359);
  });
  it("the sd is within 1e-9 of the exact sd of the doubles, or null past the largest double", () => {
    fc.assert(
      fc.property(sample, (x) => {
        const d = descriptives(x);
        const exact = exactSd(x);
        if (!Number.isFinite(exact)) {
          expect(d.sd).toBeNull();
          expect(d.reason).toMatch(/largest double/);
        } else {
          expect(d.sd, `sd of ${x}`).not.toBeNull();
          close(d.sd as number, exact, 1e-9, exact < 1e-300 ? 1e-323 : 0, `sd of [${x}]`);
        }
        close(d.mean as number, exactMean(x), 1e-12, 1e-322, `mean of [${x}]`);
      }),
      seed,
    );
  });
  it("Pearson's r is the exact r to 1e-9 (absolute 1e-12 near 0), or null exactly when a variable is constant", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 20 }).chain((n) =>
          fc.tuple(
            fc.oneof(fc.array(anyDouble, { minLength: n, maxLength: n }), offsetSample(n, n)),
            fc.oneof(fc.array(anyDouble, { minLength: n, maxLength: n }), offsetSample(n, n), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: n, maxLength: n })),
          ),
        ),
        ([x, y]) => {
        const r = pearson(x, y);
        const exact = exactPearson(x, y);
        if (exact === null) {
          expect(r.r).toBeNull();
          expect(r.reason).toMatch(/constant/);
        } else {
          expect(r.r, `r of [${x}] and [${y}]`).not.toBeNull();
          close(r.r as number, exact, 1e-9, 1e-12, `r of [${x}] and [${y}]`);
        }
        },
      ),
      seed,
    );
  });
});

describe("scaling by a power of two changes nothing", () => {
  it("r, rho, partial r and p are the same bits; the sd scales exactly", () => {
    const ints = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 5, maxLength: 15 });
    fc.assert(
      fc.property(ints, ints, ints, fc.integer({ min: -1000, max: 960 }), (x, y, z, k) => {
        const n = Math.min(x.length, y.length, z.length);
        const [a, b, c] = [x.slice(0, n), y.slice(0, n), z.slice(0, n)];
        const scaled = a.map((v) => timesPowerOfTwo(v, k));
        expect(pearson(scaled, b)).toEqual(pearson(a, b));
        expect(spearman(scaled, b)).toEqual(spearman(a, b));
        const partial = partialCorrelation(scaled, b, [c.map((v) => timesPowerOfTwo(v, -k))]);
        const plain = partialCorrelation(a, b, [c]);
        if (plain.r === null) expect(partial.r).toBeNull();
        else close(partial.r as number, plain.r, 1e-12, 1e-14, "partial r");
        const sd = descriptives(a).sd;
        expect(descriptives(scaled).sd).toBe(sd === null ? null : timesPowerOfTwo(sd, k));
      }),
      seed,
    );
  });
});

/** Every number anywhere in a result is finite. */
function assertFinite(result: unknown, path = "result"): void {
  if (typeof result === "number") expect(Number.isFinite(result), path).toBe(true);
  else if (Array.isArray(result)) result.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (result !== null && typeof result === "object") for (const [k, v] of Object.entries(result)) assertFinite(v, `${path}.${k}`);
}

describe("no output path meets a non-finite number", () => {
  const group = fc.array(fc.oneof({ weight: 8, arbitrary: anyDouble }, { weight: 1, arbitrary: fc.constant(null) }), { minLength: 0, maxLength: 8 });
  it("compare: results, JSON, CSV, Markdown and the SPSS layout", () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 2, maxLength: 4 }), (groups) => {
        const levels = groups.map((_, i) => `L${i}`);
        const comparison = compareGroups(levels, groups);
        assertFinite(comparison);
        const report: ComparisonReport = {
          by: "g", levels, labels: Object.fromEntries(levels.map((l) => [l, l])), results: [{ measure: "m", comparison }],
        };
        expect(() => JSON.parse(compareJson(report))).not.toThrow();
        expect(toCsv(compareCsvTable(report))).not.toMatch(/NaN|Infinity/);
        for (const table of [...compareTables(report), ...compareSpssTables(report)]) expect(toMarkdown(table)).not.toMatch(/NaN|Infinity/);
      }),
      { ...seed, numRuns: 200 },
    );
  });
  it("correlate: results, JSON, CSV and Markdown", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyDouble, anyDouble, anyDouble), { minLength: 0, maxLength: 12 }), (rows) => {
        const data = { a: rows.map((r) => r[0]), b: rows.map((r) => r[1]), c: rows.map((r) => r[2]) };
        for (const control of [[], ["c"]]) {
          const pairs = correlatePairs(data, control.length > 0 ? ["a", "b"] : ["a", "b", "c"], ["pearson", "spearman"], control);
          assertFinite(pairs);
          for (const p of pairs) if (p.r === null || p.p === null) expect(p.reason).not.toBeNull();
          expect(() => JSON.parse(correlateJson(pairs, "both", control))).not.toThrow();
          expect(toCsv(correlateTable(pairs))).not.toMatch(/NaN|Infinity/);
          expect(toMarkdown(correlateTable(pairs, 3))).not.toMatch(/NaN|Infinity/);
        }
      }),
      { ...seed, numRuns: 200 },
    );
  });
});
