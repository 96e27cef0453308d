import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alterBetweenness, compactAdjacency, componentLabels, coreNumbers } from "../../src/graph/index.js";

/**
 * Each alter's place in its sociogram against networkx, on 307 graphs (hand-made and random). The fixture and
 * the script that made it: `python3 test/reference/make_alter_structure_cases.py` (seeded; networkx version
 * inside the JSON).
 */
interface Case {
  name: string;
  n: number;
  edges: Array<[number, number]>;
  expected: { degree: number[]; core_number: number[]; betweenness: number[]; component: number[]; component_size: number[] };
}
const fixture = JSON.parse(readFileSync(new URL("../reference/alter-structure-cases.json", import.meta.url), "utf8")) as {
  cases: Case[];
};

const adjacencyOf = (c: Case) => compactAdjacency(c.n, c.edges.flat());

describe("alter structure against networkx", () => {
  it("holds the hand-made and random cases", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(300);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s: degree, core number, component", (_, c) => {
    const adjacency = adjacencyOf(c);
    const degree = Array.from({ length: c.n }, (_, v) => adjacency.offsets[v + 1] - adjacency.offsets[v]);
    expect(degree).toEqual(c.expected.degree);
    expect(Array.from(coreNumbers(adjacency))).toEqual(c.expected.core_number);
    const { label, size } = componentLabels(adjacency);
    expect(Array.from(label)).toEqual(c.expected.component);
    expect(Array.from(size)).toEqual(c.expected.component_size);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s: betweenness within 1e-12 of networkx", (_, c) => {
    const between = alterBetweenness(adjacencyOf(c));
    c.expected.betweenness.forEach((want, v) => {
      expect(Math.abs(between[v] - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
    });
  });

  it("hand cases: a path, a star, equal components", () => {
    // Path 0–1–2: only 1 lies between (0, 2), on its one shortest path.
    expect(Array.from(alterBetweenness(compactAdjacency(3, [0, 1, 1, 2])))).toEqual([0, 1, 0]);
    // Star with hub 0 and 4 leaves: the hub is on the one shortest path of each of the C(4,2) = 6 leaf pairs.
    expect(Array.from(alterBetweenness(compactAdjacency(5, [0, 1, 0, 2, 0, 3, 0, 4])))).toEqual([6, 0, 0, 0, 0]);
    // Two triangles {0,1,2} and {3,4,5}: equal sizes, so the one holding node 0 is component 1.
    expect(Array.from(componentLabels(compactAdjacency(6, [3, 4, 4, 5, 3, 5, 0, 1, 1, 2, 0, 2])).label)).toEqual([1, 1, 1, 2, 2, 2]);
  });
});
