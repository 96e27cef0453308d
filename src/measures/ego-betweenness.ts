import type { CompactAdjacency } from "../graph/index.js";
import { ExactSum } from "./exact-sum.js";
import { scalarMeasure } from "./measure-definition.js";

/**
 * Betweenness of the ego in G plus the ego tied to every sociogram alter (Everett & Borgatti 2005),
 * unnormalised: = networkx.betweenness_centrality(G + ego, normalized=False)[ego]. Two alters that are not
 * tied are at distance 2, joined by the path through the ego and one path through each common neighbour,
 * so the ego lies on 1/(1 + c_ij) of their shortest paths; tied alters contribute nothing:
 *   b = Σ_{i<j, i and j not tied} 1 / (1 + c_ij),  c_ij = common neighbours of i and j in G.
 *
 * Algorithm, O(Σ_q d_q²) (not the O(d³) of testing every pair): for each alter i, mark its neighbours,
 * then walk every two-step path i–q–j with j > i, counting c_ij in a scratch array; each non-tied j reached
 * adds 1/(1 + c_ij). Every other non-tied pair has no common neighbour and adds 1: their number is
 * brokerage_pairs minus the pairs reached. Null when n = 0: there is no pair of alters (networkx gives 0).
 *
 * Example: a star with hub h and leaves a, b, c, d: the 6 leaf pairs share h → 6 × 1/2 = 3.
 */
export function egoBetweenness(adjacency: CompactAdjacency): number | null {
  const { n, m, offsets, neighbours } = adjacency;
  if (n === 0) return null;
  const common = new Int32Array(n);
  const adjacent = new Uint8Array(n);
  const reached = new Int32Array(n);
  const sharedSum = new ExactSum(); // rounded once: the value does not depend on the order of the alters
  let sharedPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) adjacent[neighbours[e]] = 1;
    let reachedCount = 0;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const q = neighbours[e];
      // Neighbour lists are sorted: skip to the first j > i.
      for (let f = offsets[q + 1] - 1; f >= offsets[q]; f--) {
        const j = neighbours[f];
        if (j <= i) break;
        if (adjacent[j]) continue;
        if (common[j] === 0) reached[reachedCount++] = j;
        common[j]++;
      }
    }
    for (let r = 0; r < reachedCount; r++) {
      const j = reached[r];
      sharedSum.add(1 / (1 + common[j]));
      common[j] = 0;
    }
    sharedPairs += reachedCount;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) adjacent[neighbours[e]] = 0;
  }
  const untiedPairs = (n * (n - 1)) / 2 - m;
  return untiedPairs - sharedPairs + sharedSum.value();
}

export const egoBetweennessMeasure = scalarMeasure({
  id: "ego_betweenness",
  label: "Ego betweenness",
  description: "Betweenness of the ego among its alters: the share of their shortest paths running through the ego.",
  definition: "Σ over untied pairs of alters of 1 / (1 + their common neighbours in G); null when n = 0",
  family: "structural-holes",
  compute: (c) => egoBetweenness(c.graph.adjacency),
});
