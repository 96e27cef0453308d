import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactAdjacency } from "../../src/graph/index.js";
import { egoBetweenness, egoConstraint } from "../../src/measures/index.js";
import { connectedComponents } from "../../src/graph/index.js";
import { coreNumbers } from "../../src/graph/index.js";

/**
 * The fast algorithms against the textbook definitions, written the slow, direct way, on random graphs.
 * (networkx agreement is in test/reference/networkx-cases.test.ts.)
 */
const graphs = fc
  .integer({ min: 1, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      p: fc.double({ min: 0, max: 1, noNaN: true }),
      seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }),
    }),
  )
  .map(({ n, p, seed }) => {
    const edges: number[] = [];
    const matrix = Array.from({ length: n }, () => new Array<boolean>(n).fill(false));
    let k = 0;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (seed[k++] < p) {
          edges.push(i, j);
          matrix[i][j] = matrix[j][i] = true;
        }
    return { n, matrix, adjacency: compactAdjacency(n, edges) };
  });

describe("structural algorithms match their definitions", () => {
  it("ego betweenness = Σ over untied pairs of 1/(1 + common neighbours)", () => {
    fc.assert(
      fc.property(graphs, ({ n, matrix, adjacency }) => {
        let direct = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            if (matrix[i][j]) continue;
            let common = 0;
            for (let q = 0; q < n; q++) if (matrix[i][q] && matrix[q][j]) common++;
            direct += 1 / (1 + common);
          }
        expect(egoBetweenness(adjacency)).toBeCloseTo(direct, 10);
      }),
    );
  });

  it("constraint = Σ_j (p_ej + Σ_q p_eq p_qj)² in G + ego, p_ij = 1/deg(i)", () => {
    fc.assert(
      fc.property(graphs, ({ n, matrix, adjacency }) => {
        // Node n is the ego, tied to everyone.
        const tied = (a: number, b: number) => a !== b && (a === n || b === n || matrix[a][b]);
        const degree = (a: number) => Array.from({ length: n + 1 }, (_, b) => b).filter((b) => tied(a, b)).length;
        const p = (a: number, b: number) => (tied(a, b) ? 1 / degree(a) : 0);
        let direct = 0;
        for (let j = 0; j < n; j++) {
          let local = p(n, j);
          for (let q = 0; q < n; q++) if (q !== j) local += p(n, q) * p(q, j);
          direct += local * local;
        }
        expect(egoConstraint(adjacency)).toBeCloseTo(direct, 10);
      }),
    );
  });

  it("core number = the largest k for which naive peeling (delete nodes of degree < k until none) keeps the node", () => {
    fc.assert(
      fc.property(graphs, ({ n, matrix, adjacency }) => {
        const cores = coreNumbers(adjacency);
        // Naive k-core: repeatedly delete nodes of degree < k; a node's core number is the largest k it survives.
        for (let v = 0; v < n; v++) {
          const survives = (k: number) => {
            const alive = new Array<boolean>(n).fill(true);
            let changed = true;
            while (changed) {
              changed = false;
              for (let a = 0; a < n; a++) {
                if (!alive[a]) continue;
                let d = 0;
                for (let b = 0; b < n; b++) if (alive[b] && matrix[a][b]) d++;
                if (d < k) {
                  alive[a] = false;
                  changed = true;
                }
              }
            }
            return alive[v];
          };
          expect(survives(cores[v])).toBe(true);
          expect(survives(cores[v] + 1)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("components: the count and largest size agree with a union–find over the matrix", () => {
    fc.assert(
      fc.property(graphs, ({ n, matrix, adjacency }) => {
        const parent = Array.from({ length: n }, (_, i) => i);
        const find = (a: number): number => (parent[a] === a ? a : (parent[a] = find(parent[a])));
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (matrix[i][j]) parent[find(i)] = find(j);
        const sizes = new Map<number, number>();
        for (let i = 0; i < n; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
        expect(connectedComponents(adjacency)).toEqual({ count: sizes.size, largest: Math.max(...sizes.values()) });
      }),
    );
  });
});
