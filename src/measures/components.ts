import { scalarMeasure } from "./measure-definition.js";

/** `components`: connected components of G, each isolate counting as one; 0 when G is empty. */
export const componentsMeasure = scalarMeasure({
  id: "components",
  label: "Components",
  description: "Connected components of the sociogram; each isolate counts as one.",
  definition: "number of connected components of G (an isolate is a component); 0 when n = 0",
  family: "structure",
  compute: (c) => c.components.count,
});

/** `largest_component`: nodes in the largest component of G; 0 when G is empty. */
export const largestComponentMeasure = scalarMeasure({
  id: "largest_component",
  label: "Largest component",
  description: "Number of alters in the largest connected component of the sociogram.",
  definition: "nodes in the largest connected component of G; 0 when n = 0",
  family: "structure",
  compute: (c) => c.components.largest,
});
