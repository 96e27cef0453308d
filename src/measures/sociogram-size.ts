import { scalarMeasure } from "./measure-definition.js";

/**
 * `sociogram_size`: n, the nodes of the sociogram graph G = network_size − excluded_alters (thesis §4.3.4:
 * the alters placed on the sociogram). Never null.
 *
 * Example: 56 alters, 7 excluded → 49.
 */
export const sociogramSizeMeasure = scalarMeasure({
  id: "sociogram_size",
  label: "Sociogram size",
  description: "Alters on the sociogram: the nodes of the alter–alter graph G.",
  definition: "n = network_size − excluded_alters",
  family: "composition",
  compute: (c) => c.graph.adjacency.n,
});
