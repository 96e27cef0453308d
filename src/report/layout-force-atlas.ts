import { lazyModule } from "../lazy-module.js";
import { Random } from "../random.js";

const graphology = lazyModule<typeof import("graphology")>("graphology");
// A CommonJS module whose types declare an ES default export; required, it is the layout function itself.
const forceAtlas2 = lazyModule<typeof import("graphology-layout-forceatlas2").default>("graphology-layout-forceatlas2");

/** Positions of nodes 0 … n−1, in the layout's own units (fit them to a box with `fitToBox`). */
export interface Point {
  x: number;
  y: number;
}

/**
 * A ForceAtlas2 layout (Jacomy et al. 2014, PLoS ONE 9(6): e98679) of a simple undirected graph given as a
 * flat edge list `[u0, v0, u1, v1, …]`, reproducible: the initial positions are drawn from the seeded
 * mulberry32 generator (src/synth/random.ts), and graphology's implementation is deterministic from there
 * (it iterates in Float32Array arithmetic with no randomness). Settings are graphology's `inferSettings`
 * (strong gravity, so separate components stay close), with Barnes–Hut only above 2,000 nodes.
 *
 * Example: forceAtlasLayout(3, [0, 1, 1, 2], 7) places the middle node of the path between the other two,
 * and gives the same numbers on every run.
 */
export function forceAtlasLayout(n: number, edges: ArrayLike<number>, seed: number): Point[] {
  if (n === 0) return [];
  const random = new Random(seed);
  const spread = 10 * Math.sqrt(n);
  const graph = new (graphology().UndirectedGraph)();
  for (let i = 0; i < n; i++) {
    graph.addNode(String(i), { x: (random.next() - 0.5) * spread, y: (random.next() - 0.5) * spread });
  }
  for (let e = 0; e + 1 < edges.length; e += 2) graph.mergeEdge(String(edges[e]), String(edges[e + 1]));
  if (n === 1) return [{ x: 0, y: 0 }];
  const positions = forceAtlas2()(graph, {
    iterations: iterationsFor(n),
    settings: { ...forceAtlas2().inferSettings(n), adjustSizes: false },
  });
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const p = positions[String(i)];
    out.push({ x: p.x, y: p.y });
  }
  return out;
}

/** Enough iterations to settle small sociograms; fewer per node for very large ones, to bound the time. */
function iterationsFor(n: number): number {
  if (n <= 200) return 600;
  if (n <= 1000) return 300;
  return 100;
}
