import { averageDegree } from "./average-degree.js";
import { scalarMeasure } from "./measure-definition.js";

/**
 * `average_degree_multiplex`: 2 × multiplex_ties / n — the average degree when each relation type counts
 * as its own tie. The thesis's published average degrees (Tables 10–11) are only reachable this way: on the
 * simple graph the k-core bounds rule them out (fixtures/thesis/published/published_tables.md).
 * Null when n = 0.
 *
 * Example: 3 alters, a–b tied by two types and b–c by one → 2 × 3 / 3 = 2 (simple average degree 4/3).
 */
export const averageDegreeMultiplexMeasure = scalarMeasure({
  id: "average_degree_multiplex",
  label: "Average degree (multiplex)",
  description: "Mean number of typed ties per sociogram alter, each relation type counted separately.",
  definition: "2 × multiplex_ties / n; null when n = 0",
  family: "structure",
  compute: (c) => averageDegree(c.graph.adjacency.n, c.graph.multiplexTies),
});
