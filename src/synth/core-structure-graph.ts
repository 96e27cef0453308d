import { DataError } from "../errors.js";
import type { Random } from "../random.js";

/** A simple undirected graph on nodes 0 … nodeCount−1, built to a prescribed k-core structure. */
export interface CoreStructureGraph {
  nodeCount: number;
  /** The core number each node was built to have (0 for the isolates, which come last). */
  shell: number[];
  /** Each tie once, as [a, b] with a < b; no self-loops, no duplicates. */
  edges: Array<[number, number]>;
}

/**
 * Builds a simple graph whose Batagelj–Zaversnik core numbers are exactly `shells` ({k: nodes with core
 * number k}; entries with 0 nodes are allowed and ignored) plus `isolates` nodes of core number 0.
 *
 * Construction, top-down. K is the largest k with nodes and c = shells[K] (c ≥ K + 1 is required):
 * 1. The main core: a K-regular circulant graph on c nodes (offsets 1 … ⌊K/2⌋, plus the diameter when K is
 *    odd and c even). When K and c are both odd no K-regular graph exists: the odd-K circulant is completed
 *    by a matching on c − 1 nodes and one tie from the last node, so every degree is K except one K + 1.
 *    Degree-preserving random double-edge swaps then vary it, and its labels are shuffled.
 * 2. Every other shell, from K − 1 down to 1, one node at a time: the node is tied to exactly k distinct
 *    nodes placed before it (the higher shells and the earlier nodes of its own shell; the main core alone
 *    has more than k nodes, so there are always enough).
 * 3. The isolates, untied.
 *
 * Proof that node v of shell k gets core number k. Let H_k be the nodes of shells ≥ k. Within H_k every
 * main-core node has degree ≥ K ≥ k and every other node has its k earlier neighbours, all in H_k; so H_k
 * has minimum degree ≥ k and core(v) ≥ k. Conversely take the (k+1)-core C and suppose it holds a node
 * outside the main core with shell ≤ k; let u be the last placed of those. A neighbour of u placed after u
 * has shell ≤ shell(u) ≤ k, so it is not in C (u was the last such node in C): u has at most shell(u) ≤ k
 * neighbours in C, contradicting C's minimum degree k + 1. Hence C ⊆ main core for k < K, so core(v) ≤ k.
 * For the main core itself: min degree K gives core ≥ K, and a (K+1)-core inside it would need K + 2
 * nodes of degree ≥ K + 1, but at most one node has degree K + 1. Swaps keep every degree, so all of this
 * holds after them. Reference: V. Batagelj, M. Zaversnik (2003), "An O(m) algorithm for cores
 * decomposition of networks", arXiv:cs/0310049.
 *
 * Example: shells {1: 2, 3: 4}, 1 isolate → K4, two nodes tied once each to earlier nodes, one isolate
 * (7 nodes, 8 ties).
 */
export function buildCoreStructureGraph(
  shells: ReadonlyMap<number, number>,
  isolates: number,
  rng: Random,
): CoreStructureGraph {
  checkCount(isolates, "isolates");
  for (const [k, count] of shells) {
    if (!Number.isInteger(k) || k < 1) throw new DataError(`core distribution: shell ${k} is not a whole number ≥ 1`, 1);
    checkCount(count, `shell ${k}`);
  }
  const present = [...shells].filter(([, count]) => count > 0).sort((a, b) => b[0] - a[0]);
  const shell: number[] = [];
  const edges: Array<[number, number]> = [];
  if (present.length > 0) {
    const [K, c] = present[0];
    if (c < K + 1) {
      throw new DataError(
        `core distribution: the main core (k = ${K}) has ${c} node${c === 1 ? "" : "s"}, but a ${K}-core needs at least ${K + 1}`,
        1,
      );
    }
    for (const [a, b] of mainCore(K, c, rng)) edges.push(a < b ? [a, b] : [b, a]);
    for (let i = 0; i < c; i++) shell.push(K);
    for (const [k, count] of present.slice(1)) {
      for (let i = 0; i < count; i++) {
        const v = shell.length;
        for (const u of rng.sampleIndices(v, k)) edges.push([u, v]);
        shell.push(k);
      }
    }
  }
  for (let i = 0; i < isolates; i++) shell.push(0);
  return { nodeCount: shell.length, shell, edges };
}

/** The main core: c nodes, every degree K (one K + 1 when K·c is odd), randomised by swaps and relabelling. */
function mainCore(K: number, c: number, rng: Random): Array<[number, number]> {
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < c; i++) {
    for (let d = 1; d <= Math.floor(K / 2); d++) edges.push([i, (i + d) % c]);
  }
  if (K % 2 === 1) {
    if (c % 2 === 0) {
      for (let i = 0; i < c / 2; i++) edges.push([i, i + c / 2]);
    } else {
      const h = (c - 1) / 2;
      for (let i = 0; i < h; i++) edges.push([i, i + h]);
      edges.push([c - 1, h]);
    }
  }
  swapEdges(edges, 10 * edges.length, rng);
  const label = rng.shuffle(Array.from({ length: c }, (_, i) => i));
  return edges.map(([a, b]) => [label[a], label[b]]);
}

/** Degree-preserving double-edge swaps (a–b, x–y → a–y, x–b or a–x, b–y) that keep the graph simple. */
function swapEdges(edges: Array<[number, number]>, attempts: number, rng: Random): void {
  if (edges.length < 2) return;
  const key = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
  const present = new Set(edges.map(([a, b]) => key(a, b)));
  for (let t = 0; t < attempts; t++) {
    const i = rng.int(0, edges.length - 1);
    const j = rng.int(0, edges.length - 1);
    const [a, b] = edges[i];
    let [x, y] = edges[j];
    if (rng.next() < 0.5) [x, y] = [y, x];
    if (a === x || a === y || b === x || b === y) continue;
    if (present.has(key(a, y)) || present.has(key(x, b))) continue;
    present.delete(key(a, b));
    present.delete(key(x, y));
    present.add(key(a, y));
    present.add(key(x, b));
    edges[i] = [a, y];
    edges[j] = [x, b];
  }
}

function checkCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new DataError(`core distribution: ${what} must be a whole number ≥ 0, got ${n}`, 1);
}
