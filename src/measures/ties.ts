import { scalarMeasure } from "./measure-definition.js";

/**
 * `ties`: m, the alter–alter ties of the simple sociogram graph G (duplicate and reciprocal rows, and
 * several relation types between one pair, are one tie; Wasserman & Faust 1994, the size of the line set).
 * Never null: 0 for an empty graph.
 *
 * Example: rows a–b work, b–a work, a–b advice, b–c work → 2.
 */
export const tiesMeasure = scalarMeasure({
  id: "ties",
  label: "Ties",
  description: "Alter–alter ties in the sociogram, each pair counted once.",
  definition: "m = ties of the simple graph G",
  family: "structure",
  compute: (c) => c.graph.adjacency.m,
});
