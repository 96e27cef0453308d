import { scalarMeasure } from "./measure-definition.js";

/**
 * Density of the alter–alter graph: the share of possible ties present, 2m / (n(n − 1)) (Wasserman & Faust
 * 1994; networkx.density; egor's ego_density when no alter is excluded). Null when n < 2: with fewer than
 * two alters no tie is possible (0/0; networkx returns 0 there, which would read as "no ties").
 *
 * Example: 4 alters, 3 ties → 6 / 12 = 0.5.
 */
export function density(n: number, m: number): number | null {
  return n < 2 ? null : (2 * m) / (n * (n - 1));
}

export const densityMeasure = scalarMeasure({
  id: "density",
  label: "Density",
  description: "Share of the possible alter–alter ties that are present.",
  definition: "2m / (n(n−1)); null when n < 2",
  family: "structure",
  compute: (c) => density(c.graph.adjacency.n, c.graph.adjacency.m),
});
