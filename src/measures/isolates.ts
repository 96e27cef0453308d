import type { CompactAdjacency } from "../graph/index.js";
import { scalarMeasure } from "./measure-definition.js";

/**
 * Isolates: sociogram alters with no tie to another alter (the ego's own ties ignored; networkx.isolates
 * on G). Excluded alters are not on G, so they are never isolates (thesis §4.3.4). Never null.
 *
 * Example: path a–b plus c → 1.
 */
export function countIsolates(adjacency: CompactAdjacency): number {
  let count = 0;
  for (let i = 0; i < adjacency.n; i++) if (adjacency.offsets[i + 1] === adjacency.offsets[i]) count++;
  return count;
}

/**
 * Percentage of isolates with the thesis's denominator, network size (excluded alters included):
 * 100 × isolates / network_size. Null when network_size = 0 (0/0).
 *
 * Example: LW01 in thesis Table 12: 15 isolates of 56 alters → 26.79 (printed 26.8).
 */
export function isolatesPercent(isolates: number, networkSize: number): number | null {
  return networkSize === 0 ? null : (100 * isolates) / networkSize;
}

export const isolatesMeasure = scalarMeasure({
  id: "isolates",
  label: "Isolates",
  description: "Sociogram alters with no alter–alter tie (excluded alters are never isolates).",
  definition: "nodes of G with degree 0",
  family: "structure",
  compute: (c) => countIsolates(c.graph.adjacency),
});

export const isolatesPctMeasure = scalarMeasure({
  id: "isolates_pct",
  label: "Isolates (% of network size)",
  description: "Isolates as a percentage of all alters (the thesis's denominator).",
  definition: "100 × isolates / network_size; null when network_size = 0",
  family: "structure",
  compute: (c) => isolatesPercent(countIsolates(c.graph.adjacency), c.graph.alters.length),
});
