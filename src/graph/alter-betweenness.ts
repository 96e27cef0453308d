import type { CompactAdjacency } from "./compact-adjacency.js";

/**
 * Betweenness of every node of an undirected graph, unnormalised: for node v, the sum over unordered pairs
 * {s, t} (s, t ≠ v) of the share of shortest s–t paths through v. Brandes' algorithm (Brandes 2001, "A
 * faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)), O(nm): one breadth-first search per
 * source, dependencies accumulated in reverse order of distance; each pair is met from both ends, so the
 * sums are halved. Equals networkx.betweenness_centrality(G, normalized=False).
 *
 * Example: the path 0–1–2 → [0, 1, 0] (1 is on the one shortest path between 0 and 2).
 */
export function alterBetweenness(adjacency: CompactAdjacency): Float64Array {
  const { n, offsets, neighbours } = adjacency;
  const between = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const distance = new Int32Array(n);
  const order = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    for (let i = 0; i < n; i++) {
      sigma[i] = 0;
      delta[i] = 0;
      distance[i] = -1;
    }
    sigma[s] = 1;
    distance[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++];
      const next = distance[v] + 1;
      const paths = sigma[v];
      for (let e = offsets[v], end = offsets[v + 1]; e < end; e++) {
        const w = neighbours[e];
        const dw = distance[w];
        if (dw < 0) {
          distance[w] = next;
          order[tail++] = w;
          sigma[w] += paths;
        } else if (dw === next) {
          sigma[w] += paths;
        }
      }
    }
    // Nodes in order of non-increasing distance; a node's predecessors are its neighbours one step closer.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i];
      const share = (1 + delta[w]) / sigma[w];
      const previous = distance[w] - 1;
      for (let e = offsets[w], end = offsets[w + 1]; e < end; e++) {
        const v = neighbours[e];
        if (distance[v] === previous) delta[v] += sigma[v] * share;
      }
      between[w] += delta[w];
    }
  }
  for (let v = 0; v < n; v++) between[v] /= 2;
  return between;
}
