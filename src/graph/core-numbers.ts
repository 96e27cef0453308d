import type { CompactAdjacency } from "./compact-adjacency.js";

/**
 * Core number of every node: the largest k such that the node belongs to a k-core (a maximal subgraph in
 * which every node has degree ≥ k). Isolates have core number 0.
 *
 * Algorithm: Batagelj & Zaversnik (2003), "An O(m) algorithm for cores decomposition of networks":
 * nodes sit in buckets by current degree; repeatedly take a node of least degree, fix its core number,
 * and move each neighbour with a larger degree down one bucket (a swap in the sorted vertex array).
 * O(n + m). Same result as networkx.core_number.
 *
 * Example: a triangle with a pendant node (0–1, 1–2, 0–2, 2–3) → [2, 2, 2, 1].
 */
export function coreNumbers(adjacency: CompactAdjacency): Int32Array {
  const { n, offsets, neighbours } = adjacency;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) {
    degree[v] = offsets[v + 1] - offsets[v];
    if (degree[v] > maxDegree) maxDegree = degree[v];
  }
  // bin[d] = first position in `vertices` of the nodes whose current degree is d.
  const bin = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v++) bin[degree[v]]++;
  for (let d = 0, start = 0; d <= maxDegree; d++) {
    const count = bin[d];
    bin[d] = start;
    start += count;
  }
  const position = new Int32Array(n);
  const vertices = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    position[v] = bin[degree[v]]++;
    vertices[position[v]] = v;
  }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;

  for (let i = 0; i < n; i++) {
    const v = vertices[i];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const u = neighbours[e];
      if (degree[u] > degree[v]) {
        const du = degree[u];
        const pu = position[u];
        const pw = bin[du];
        const w = vertices[pw];
        if (u !== w) {
          position[u] = pw;
          vertices[pu] = w;
          position[w] = pu;
          vertices[pw] = u;
        }
        bin[du]++;
        degree[u]--;
      }
    }
  }
  return degree;
}
