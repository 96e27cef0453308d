import type { Tie } from "../model/index.js";
import type { EgoGraph } from "./build-ego-graph.js";

/** One tie of G (the sociogram) with the tie rows that make it up. */
export interface SociogramTie {
  /** Node indexes of G, source < target. */
  source: number;
  target: number;
  /** The network's tie rows merged into this tie (duplicates, reciprocal rows and other edge types), in input order. */
  rows: Tie[];
  /** The distinct edge types among `rows`, in order first met. */
  edgeTypes: string[];
}

/**
 * G's ties, in the order first met, each with the tie rows buildEgoGraph merged into it: what a tie-level
 * table lists (one row per tie of the sociogram). `ties` must be the rows G was built from.
 *
 * Example: rows a–b (work), b–a (work), a–b (advice) → one tie a–b, rows all three, edgeTypes [work, advice].
 */
export function sociogramTies(graph: EgoGraph, ties: readonly Tie[]): SociogramTie[] {
  const out: SociogramTie[] = [];
  for (let e = 0; e < graph.edgeEnds.length; e += 2) {
    out.push({ source: graph.edgeEnds[e], target: graph.edgeEnds[e + 1], rows: [], edgeTypes: [] });
  }
  for (let row = 0; row < ties.length; row++) {
    const e = graph.tieEdge[row];
    if (e < 0) continue;
    const tie = out[e];
    tie.rows.push(ties[row]);
    if (!tie.edgeTypes.includes(ties[row].edgeType)) tie.edgeTypes.push(ties[row].edgeType);
  }
  return out;
}

/**
 * Each node's multiplex degree: the sum, over its ties, of the number of edge types each carries (so
 * summed over the nodes it is twice `multiplexTies`).
 *
 * Example: a–b by work and advice, b–c by work → [2, 3, 1].
 */
export function multiplexDegrees(n: number, ties: readonly SociogramTie[]): Int32Array {
  const degree = new Int32Array(n);
  for (const t of ties) {
    degree[t.source] += t.edgeTypes.length;
    degree[t.target] += t.edgeTypes.length;
  }
  return degree;
}
