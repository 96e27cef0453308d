import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/errors.js";
import { buildCoreStructureGraph } from "../../src/synth/core-structure-graph.js";
import { Random } from "../../src/random.js";
import { peelCoreNumbers } from "./peel-core-numbers.js";

function distribution(core: number[]): { shells: Map<number, number>; isolates: number } {
  const shells = new Map<number, number>();
  let isolates = 0;
  for (const k of core) {
    if (k === 0) isolates++;
    else shells.set(k, (shells.get(k) ?? 0) + 1);
  }
  return { shells: new Map([...shells].sort((a, b) => a[0] - b[0])), isolates };
}

function expectSimple(n: number, edges: ReadonlyArray<readonly [number, number]>): void {
  const seen = new Set<string>();
  for (const [a, b] of edges) {
    expect(a).not.toBe(b);
    expect(a >= 0 && a < n && b >= 0 && b < n).toBe(true);
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
}

describe("the test's own core-number peeling", () => {
  it("agrees with networkx's core_number", () => {
    // Expected: python3 test/synth/reference/core_numbers.py > test/synth/reference/core-numbers-networkx.json
    const graphs = JSON.parse(readFileSync(new URL("./reference/core-numbers-networkx.json", import.meta.url), "utf8")) as Array<{
      name: string;
      n: number;
      edges: Array<[number, number]>;
      core: number[];
    }>;
    expect(graphs.length).toBeGreaterThan(5);
    for (const g of graphs) expect(peelCoreNumbers(g.n, g.edges), g.name).toEqual(g.core);
  });
});

describe("buildCoreStructureGraph", () => {
  it("gives exactly the requested core distribution and isolates, for many random distributions", () => {
    const spec = fc
      .record({
        K: fc.integer({ min: 1, max: 14 }),
        extraCore: fc.integer({ min: 0, max: 8 }),
        lower: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 13, maxLength: 13 }),
        isolates: fc.integer({ min: 0, max: 6 }),
        seed: fc.integer({ min: 0, max: 0xffffffff }),
      })
      .map(({ K, extraCore, lower, isolates, seed }) => {
        const shells = new Map<number, number>([[K, K + 1 + extraCore]]);
        for (let k = 1; k < K; k++) shells.set(k, lower[k - 1]);
        return { shells, isolates, seed };
      });
    fc.assert(
      fc.property(spec, ({ shells, isolates, seed }) => {
        const g = buildCoreStructureGraph(shells, isolates, new Random(seed));
        expectSimple(g.nodeCount, g.edges);
        const core = peelCoreNumbers(g.nodeCount, g.edges);
        expect(core).toEqual(g.shell);
        const wanted = new Map([...shells].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]));
        expect(distribution(core)).toEqual({ shells: wanted, isolates });
      }),
      { numRuns: 300, seed: 20240601 },
    );
  });

  it("handles the odd main cores (K and c both odd) and the smallest ones (c = K + 1)", () => {
    for (const [K, c] of [[1, 2], [1, 3], [1, 5], [3, 5], [5, 7], [5, 11], [7, 9], [2, 3], [4, 5], [9, 10], [20, 21], [20, 24]]) {
      const g = buildCoreStructureGraph(new Map([[K, c]]), 0, new Random(K * 100 + c));
      expectSimple(g.nodeCount, g.edges);
      expect(peelCoreNumbers(g.nodeCount, g.edges)).toEqual(new Array(c).fill(K));
      expect(g.edges.length).toBe(Math.ceil((K * c) / 2));
    }
  });

  it("reproduces every Table 12 distribution of the thesis", () => {
    // The thesis's printed distributions (fixtures/thesis/published/table12_subgroups.csv); empty shells such
    // as {3: 0} are accepted and generate no node.
    const table12: Array<[string, number]> = [
      ["1: 18, 2: 12, 3: 4, 4: 6", 15],
      ["1: 24, 2: 8, 3: 6, 4: 1, 5: 10, 6: 7", 2],
      ["1: 1, 2: 5, 3: 0, 4: 1, 5: 2, 6: 1, 8: 5, 9: 1, 10: 6, 11: 18", 2],
      ["1: 1, 3: 10, 4: 33, 7: 12, 8: 0, 9: 12", 0],
      ["1: 38, 2: 10, 8: 1, 9: 14", 47],
      ["1: 7, 2: 1, 3: 1, 13: 14, 14: 1, 19: 2, 20: 24", 8],
    ];
    for (const [text, isolates] of table12) {
      const shells = new Map(text.split(", ").map((p) => p.split(": ").map(Number) as [number, number]));
      const g = buildCoreStructureGraph(shells, isolates, new Random(1));
      const wanted = new Map([...shells].filter(([, c]) => c > 0));
      expect(distribution(peelCoreNumbers(g.nodeCount, g.edges))).toEqual({ shells: wanted, isolates });
    }
  });

  it("is deterministic for a seed", () => {
    const shells = new Map([[1, 5], [2, 4], [4, 7]]);
    expect(buildCoreStructureGraph(shells, 2, new Random(9))).toEqual(buildCoreStructureGraph(shells, 2, new Random(9)));
  });

  it("refuses distributions no graph can have", () => {
    expect(() => buildCoreStructureGraph(new Map([[4, 4]]), 0, new Random(1))).toThrow(DataError);
    expect(() => buildCoreStructureGraph(new Map([[4, 4]]), 0, new Random(1))).toThrow(/needs at least 5/);
    expect(() => buildCoreStructureGraph(new Map([[0, 3]]), 0, new Random(1))).toThrow(DataError);
    expect(() => buildCoreStructureGraph(new Map([[2, 3]]), -1, new Random(1))).toThrow(DataError);
    expect(() => buildCoreStructureGraph(new Map([[2, 2.5]]), 0, new Random(1))).toThrow(DataError);
  });

  it("builds only isolates when there are no shells", () => {
    const g = buildCoreStructureGraph(new Map([[3, 0]]), 4, new Random(1));
    expect(g).toEqual({ nodeCount: 4, shell: [0, 0, 0, 0], edges: [] });
  });
});
