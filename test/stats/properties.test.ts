/** Properties that must hold for any data (fast-check, seeded so a failure reproduces). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  descriptives,
  dunnPairwise,
  kruskalWallis,
  mannWhitney,
  pairwiseMannWhitney,
  partialCorrelation,
  pearson,
  spearman,
} from "../../src/stats/index.js";

/** Values with heavy ties, and some missing. */
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 3, arbitrary: fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const sample = fc.array(value, { minLength: 0, maxLength: 25 });

/** Every number anywhere in a result is finite: undefined values are null, never NaN or Infinity. */
function assertNoNaN(result: unknown, path = "result"): void {
  if (typeof result === "number") {
    expect(Number.isFinite(result), path).toBe(true);
  } else if (Array.isArray(result)) {
    result.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  } else if (result !== null && typeof result === "object") {
    for (const [k, v] of Object.entries(result)) assertNoNaN(v, `${path}.${k}`);
  }
}

const seed = { seed: 20240611, numRuns: 300 };

describe("Mann–Whitney", () => {
  it("is symmetric in group order: U, |Z|, p and exact p unchanged; rank-biserial changes sign", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = mannWhitney(a, b);
        const ba = mannWhitney(b, a);
        expect(ba.u).toBe(ab.u);
        expect(ba.p).toBe(ab.p);
        expect(ba.z === null ? null : Math.abs(ba.z)).toBe(ab.z === null ? null : Math.abs(ab.z));
        if (ab.pExact === null) expect(ba.pExact).toBeNull();
        else expect(Math.abs((ba.pExact as number) - ab.pExact)).toBeLessThanOrEqual(1e-12 * ab.pExact);
        if (ab.rankBiserial !== null) expect((ba.rankBiserial as number) + ab.rankBiserial).toBeCloseTo(0, 12);
        expect(ba.groups[0]).toEqual(ab.groups[1]);
      }),
      seed,
    );
  });
  it("U₁ + U₂ = n₁n₂, 0 ≤ p ≤ 1, and never NaN", () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = mannWhitney(a, b);
        assertNoNaN(r);
        if (r.u1 !== null) expect(r.u1 + (r.u2 as number)).toBe(r.groups[0].n * r.groups[1].n);
        for (const p of [r.p, r.pExact]) if (p !== null) expect(p >= 0 && p <= 1).toBe(true);
        if (r.z === null || r.u === null) expect(r.reason).not.toBeNull();
      }),
      seed,
    );
  });
});

describe("never NaN, and a reason for every null test", () => {
  it("Kruskal–Wallis, Dunn, pairwise Mann–Whitney", () => {
    fc.assert(
      fc.property(fc.array(sample, { minLength: 0, maxLength: 5 }), (groups) => {
        const kw = kruskalWallis(groups);
        assertNoNaN(kw);
        if (kw.h === null) expect(kw.reason).not.toBeNull();
        else expect(kw.p! >= 0 && kw.p! <= 1).toBe(true);
        const dunn = dunnPairwise(groups);
        assertNoNaN(dunn);
        for (const pair of dunn.pairs) if (pair.p === null) expect(pair.reason).not.toBeNull();
        assertNoNaN(pairwiseMannWhitney(groups));
      }),
      seed,
    );
  });
  it("correlations and descriptives", () => {
    fc.assert(
      fc.property(sample, sample, sample, (x, y, z) => {
        for (const r of [pearson(x, y), spearman(x, y), partialCorrelation(x, y, [z]), partialCorrelation(x, y, [z], { ranks: true })]) {
          assertNoNaN(r);
          if (r.r === null || r.p === null || r.ciLow === null) expect(r.reason).not.toBeNull();
          if (r.r !== null) expect(Math.abs(r.r)).toBeLessThanOrEqual(1);
        }
        assertNoNaN(descriptives(x));
      }),
      seed,
    );
  });
});
