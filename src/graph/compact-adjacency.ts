/**
 * A simple undirected graph as compressed sparse rows: the neighbours of node i are
 * `neighbours[offsets[i] .. offsets[i + 1])`, in ascending order. Built once per ego and shared by every
 * structural measure, so that measuring 100,000 egos allocates a few typed arrays per ego and nothing else.
 *
 * Example: compactAdjacency(3, [0, 1, 1, 2]) is the path 0–1–2: offsets [0, 1, 3, 4], neighbours [1, 0, 2, 1].
 */
export interface CompactAdjacency {
  /** Number of nodes. */
  readonly n: number;
  /** Number of edges. */
  readonly m: number;
  /** Length n + 1. */
  readonly offsets: Int32Array;
  /** Length 2m; each node's slice sorted ascending. */
  readonly neighbours: Int32Array;
}

/**
 * Builds the adjacency from a flat list of edges `[u0, v0, u1, v1, ...]`. The caller guarantees a simple
 * graph: every edge distinct, no self-loops, endpoints in 0..n−1.
 */
export function compactAdjacency(n: number, edges: ArrayLike<number>): CompactAdjacency {
  const m = edges.length >> 1;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < edges.length; e++) offsets[edges[e] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * m);
  for (let e = 0; e < edges.length; e += 2) {
    const u = edges[e];
    const v = edges[e + 1];
    neighbours[fill[u]++] = v;
    neighbours[fill[v]++] = u;
  }
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] - offsets[i] > 1) neighbours.subarray(offsets[i], offsets[i + 1]).sort();
  }
  return { n, m, offsets, neighbours };
}

/** The number of neighbours of node i. */
export function degreeOf(adjacency: CompactAdjacency, i: number): number {
  return adjacency.offsets[i + 1] - adjacency.offsets[i];
}
