import { scalarMeasure } from "./measure-definition.js";

/**
 * Burt's (1992) effective size of the ego, in G plus the ego tied to every sociogram alter, with Borgatti's
 * (1997) simplification for unweighted undirected graphs: n − 2m/n (the ego's alters minus their average
 * degree among themselves); = networkx.effective_size(G + ego)[ego]. Efficiency = effective size / n.
 * Both null when n = 0: the ego has no alter on the sociogram (networkx returns NaN).
 *
 * Example: a triangle (n 3, m 3) → 3 − 6/3 = 1, efficiency 1/3.
 */
export function effectiveSize(n: number, m: number): number | null {
  // n − 2m/n as (n² − 2m)/n: integers, one correctly rounded division.
  return n === 0 ? null : (n * n - 2 * m) / n;
}

export function efficiency(n: number, m: number): number | null {
  return n === 0 ? null : (n * n - 2 * m) / (n * n);
}

export const effectiveSizeMeasure = scalarMeasure({
  id: "effective_size",
  label: "Effective size",
  description: "Burt's effective size: non-redundant alters of the ego.",
  definition: "n − 2m/n (Borgatti 1997), ego tied to every sociogram alter; null when n = 0",
  family: "structural-holes",
  compute: (c) => effectiveSize(c.graph.adjacency.n, c.graph.adjacency.m),
});

export const efficiencyMeasure = scalarMeasure({
  id: "efficiency",
  label: "Efficiency",
  description: "Effective size per sociogram alter.",
  definition: "effective_size / n; null when n = 0",
  family: "structural-holes",
  compute: (c) => efficiency(c.graph.adjacency.n, c.graph.adjacency.m),
});
