import type { CompactAdjacency } from "./compact-adjacency.js";

/** Each node's connected component, numbered from 1 = the largest, and that component's size. */
export interface ComponentLabels {
  /** 1-based component of node i; components in order of size, largest first, ties to the one holding the lower node. */
  readonly label: Int32Array;
  /** Nodes in node i's component (1 for an isolate). */
  readonly size: Int32Array;
}

/**
 * Labels the connected components of an undirected graph: found by breadth-first search from each node in
 * turn (so each component is first met at its lowest node), then numbered by size, largest first, equal
 * sizes in order of their lowest node. The numbering is what networkx gives with
 * `sorted(connected_components(G), key=lambda c: (-len(c), min(c)))`.
 *
 * Example: a path 0–1–2 and an isolate 3 → label [1, 1, 1, 2], size [3, 3, 3, 1].
 */
export function componentLabels(adjacency: CompactAdjacency): ComponentLabels {
  const { n, offsets, neighbours } = adjacency;
  const found = new Int32Array(n).fill(-1); // component index in order found
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let start = 0; start < n; start++) {
    if (found[start] >= 0) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    found[start] = c;
    while (head < tail) {
      const v = queue[head++];
      for (let e = offsets[v]; e < offsets[v + 1]; e++) {
        const w = neighbours[e];
        if (found[w] < 0) {
          found[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  // Found in order of lowest node; a stable sort by size keeps that order among equals.
  const ranked = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a]);
  const number = new Int32Array(sizes.length);
  ranked.forEach((c, i) => (number[c] = i + 1));
  const label = new Int32Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    label[v] = number[found[v]];
    size[v] = sizes[found[v]];
  }
  return { label, size };
}
