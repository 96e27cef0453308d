import { scalarMeasure } from "./measure-definition.js";

/**
 * `network_size`: the number of alters the ego named, of every counted node type, excluded alters included
 * (thesis §4.3.4: link-worker colleagues count in network size; Wasserman & Faust 1994 "network size").
 * Never null: an ego with no alters has 0.
 *
 * Example: 49 people and 7 organisations named, 7 of them link-worker colleagues → 56.
 */
export const networkSizeMeasure = scalarMeasure({
  id: "network_size",
  label: "Network size",
  description: "Number of alters the ego named (every counted node type, excluded alters included).",
  definition: "number of alters",
  family: "composition",
  compute: (c) => c.graph.alters.length,
});
