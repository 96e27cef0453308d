import { scalarMeasure } from "./measure-definition.js";

/**
 * Average degree of G: the mean number of alter–alter ties per sociogram alter, 2m / n (the ego's own ties
 * are not counted; Wasserman & Faust 1994, mean nodal degree). Null when n = 0: no alter to average over.
 *
 * Example: 4 alters, 3 ties → 6 / 4 = 1.5.
 */
export function averageDegree(n: number, ties: number): number | null {
  return n === 0 ? null : (2 * ties) / n;
}

export const averageDegreeMeasure = scalarMeasure({
  id: "average_degree",
  label: "Average degree",
  description: "Mean number of alter–alter ties per sociogram alter (simple graph).",
  definition: "2m / n; null when n = 0",
  family: "structure",
  compute: (c) => averageDegree(c.graph.adjacency.n, c.graph.adjacency.m),
});
