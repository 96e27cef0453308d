import { scalarMeasure } from "./measure-definition.js";

/**
 * `brokerage_pairs`: pairs of sociogram alters not tied to each other — the pairs only the ego connects
 * directly (the structural holes the ego spans; Burt 1992): n(n − 1)/2 − m. Never null (0 for n < 2).
 *
 * Example: a star of 5 alters (4 ties) → 10 − 4 = 6.
 */
export function brokeragePairs(n: number, m: number): number {
  return (n * (n - 1)) / 2 - m;
}

export const brokeragePairsMeasure = scalarMeasure({
  id: "brokerage_pairs",
  label: "Brokerage pairs",
  description: "Pairs of sociogram alters with no tie between them.",
  definition: "n(n−1)/2 − m",
  family: "structural-holes",
  compute: (c) => brokeragePairs(c.graph.adjacency.n, c.graph.adjacency.m),
});
