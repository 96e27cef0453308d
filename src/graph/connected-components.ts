import type { CompactAdjacency } from "./compact-adjacency.js";

export interface ComponentSummary {
  /** Connected components of G; each isolate is one. 0 for an empty graph. */
  count: number;
  /** Nodes in the largest component; 0 for an empty graph. */
  largest: number;
}

/**
 * Connected components of G by iterative depth-first search, O(n + m). Same counts as
 * networkx.number_connected_components and max(len(c) for c in networkx.connected_components(G)).
 *
 * Example: a path 0–1–2 plus an isolate 3 → {count: 2, largest: 3}.
 */
export function connectedComponents(adjacency: CompactAdjacency): ComponentSummary {
  const { n, offsets, neighbours } = adjacency;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let count = 0;
  let largest = 0;
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    count++;
    let size = 0;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const v = stack[--top];
      size++;
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const u = neighbours[e];
        if (!seen[u]) {
          seen[u] = 1;
          stack[top++] = u;
        }
      }
    }
    if (size > largest) largest = size;
  }
  return { count, largest };
}
