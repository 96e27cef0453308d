/**
 * Measures depend on the network, not on how it was written down (fast-check, seeded): shuffling the
 * order of alter rows and tie rows, writing a tie the other way round, and renaming every alter (a
 * one-to-one relabelling) leave every measure of every ego unchanged. Networks are random, with several
 * node and edge types, excluded alters (left off the sociogram), missing and multiple categories,
 * duplicate, reciprocal and self-loop ties, and isolates.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MeasureContext, computeColumns, planMeasureColumns } from "../../src/measures/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { Alter, Attributes, EgoNetwork, StudyConfig, Tie, Value } from "../../src/model/index.js";
import { makeCodebook } from "../graph/network-builder.js";

const codebook = makeCodebook({
  node: {
    Person: { sector: ["a", "b", "c"], age: "number", colleague: "boolean" },
    Organisation: { sector: ["a", "b", "c"] },
  },
  ego: { sector: ["a", "b", "c"], caseload: "number" },
  edge: ["Close", "Work"],
});
const config: StudyConfig = {
  exclude: [{ variable: "colleague", equals: true }],
  composition: { sector: { categories: ["a", "b", "c"], egoVariable: "sector" } },
  denominators: ["caseload"],
};
const plan = makeStudyPlan(codebook, config);
const columns = planMeasureColumns(plan);

const sector: fc.Arbitrary<Value> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(["a"], ["b"], ["c"]) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(["a", "c"]) },
  { weight: 1, arbitrary: fc.constant([]) },
);

const network = fc
  .record({
    alters: fc.array(
      fc.record({
        type: fc.constantFrom("Person", "Person", "Organisation"),
        sector,
        age: fc.option(fc.integer({ min: 18, max: 90 }), { nil: null }),
        colleague: fc.boolean(),
      }),
      { maxLength: 14 },
    ),
    tiePicks: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), type: fc.constantFrom("Close", "Work") }), { maxLength: 40 }),
    egoSector: sector,
    caseload: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  })
  .map(({ alters, tiePicks, egoSector, caseload }): EgoNetwork => {
    const source = { file: "x.csv", line: 2 };
    const list: Alter[] = alters.map((a, i) => ({
      egoId: "e",
      alterId: `alter-${i}`,
      nodeType: a.type,
      attributes: (a.type === "Person" ? { sector: a.sector, age: a.age, colleague: a.colleague } : { sector: a.sector }) as Attributes,
      source: { file: "alters.csv", line: i + 2 },
    }));
    const ties: Tie[] =
      list.length === 0
        ? []
        : tiePicks.map((t, i) => ({
            egoId: "e",
            sourceId: list[t.a % list.length].alterId,
            targetId: list[t.b % list.length].alterId, // may equal the source: a self-loop, left out
            edgeType: t.type,
            attributes: {},
            source: { file: "ties.csv", line: i + 2 },
          }));
    return { ego: { egoId: "e", attributes: { sector: egoSector, caseload }, meta: {}, source }, alters: list, ties };
  });

/** The same network with rows shuffled, ties flipped and alters renamed, driven by `seed`. */
function rewritten(n: EgoNetwork, seed: number[]): EgoNetwork {
  let k = 0;
  const next = () => seed[k++ % seed.length];
  const shuffle = <T>(items: T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  // A one-to-one renaming: new ids in a shuffled order, unrelated to the old ones.
  const fresh = shuffle(n.alters.map((_, i) => `renamed-${(i * 7919 + next()) % 100_000}-${i}`));
  const rename = new Map(n.alters.map((a, i) => [a.alterId, fresh[i]]));
  const alters = shuffle(n.alters.map((a) => ({ ...a, alterId: rename.get(a.alterId)! })));
  const ties = shuffle(
    n.ties.map((t) => {
      const [s, d] = next() % 2 === 0 ? [t.sourceId, t.targetId] : [t.targetId, t.sourceId];
      return { ...t, sourceId: rename.get(s)!, targetId: rename.get(d)! };
    }),
  );
  return { ...n, alters, ties };
}

function measure(n: EgoNetwork): Record<string, unknown> {
  return computeColumns(new MeasureContext(plan, n), columns, {});
}

/** Equal, numbers up to rounding (sums taken in another order may differ in the last bits). */
function expectSameRow(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected)) {
    const [x, y] = [actual[key], expected[key]];
    if (typeof x === "number" && typeof y === "number") {
      expect(Math.abs(x - y), `${key}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y)));
    } else expect(x, key).toEqual(y);
  }
}

describe("measures are invariant to how a network is written down", () => {
  it("row order, tie direction and alter relabelling change no measure", () => {
    expect(columns.length).toBeGreaterThan(30); // every family is exercised, composition and E-I included
    fc.assert(
      fc.property(network, fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 50 }), (n, seed) => {
        expectSameRow(measure(rewritten(n, seed)), measure(n));
      }),
      { seed: 917, numRuns: 400 },
    );
  });

  it("the check can fail: dropping one tie between two distinct sociogram alters changes the measures", () => {
    const n: EgoNetwork = {
      ego: { egoId: "e", attributes: {}, meta: {}, source: { file: "x", line: 2 } },
      alters: ["a", "b", "c"].map((id, i) => ({ egoId: "e", alterId: id, nodeType: "Person", attributes: {}, source: { file: "x", line: i + 2 } })),
      ties: [
        { egoId: "e", sourceId: "a", targetId: "b", edgeType: "Close", attributes: {}, source: { file: "x", line: 2 } },
        { egoId: "e", sourceId: "b", targetId: "c", edgeType: "Close", attributes: {}, source: { file: "x", line: 3 } },
      ],
    };
    const fewer = { ...n, ties: n.ties.slice(0, 1) };
    expect(() => expectSameRow(measure(fewer), measure(n))).toThrow();
  });
});
