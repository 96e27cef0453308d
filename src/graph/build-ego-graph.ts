import type { UndirectedGraph } from "graphology";
import { lazyModule } from "../lazy-module.js";
import type { Alter, Ego, EgoNetwork } from "../model/index.js";
import type { StudyPlan } from "../model/study-plan.js";
import { compactAdjacency, type CompactAdjacency } from "./compact-adjacency.js";
import { isExcludedAlter } from "./exclude-alter.js";

const graphology = lazyModule<typeof import("graphology")>("graphology");

/** Node attributes of the public graph: the alter's node type and its variables. */
export interface EgoGraphNode {
  nodeType: string;
  attributes: Alter["attributes"];
}

/** Edge attributes of the public graph: every counted edge type that ties the pair, sorted. */
export interface EgoGraphEdge {
  edgeTypes: string[];
}

/** One ego's sociogram, as the measures see it. */
export interface EgoGraph {
  ego: Ego;
  /** Alters of the counted node types, in input order: `network_size` of them. */
  alters: readonly Alter[];
  /** Counted alters an exclusion rule leaves off the sociogram. */
  excludedAlters: readonly Alter[];
  /** The sociogram's nodes: node i of `adjacency` is `nodes[i]` (input order). */
  nodes: readonly Alter[];
  /** The simple alter–alter graph G (the ego is not a node). */
  adjacency: CompactAdjacency;
  /** G's ties as node pairs u < v, in the order first met: tie e joins `edgeEnds[2e]` and `edgeEnds[2e + 1]`. */
  edgeEnds: readonly number[];
  /** For tie row i of the network, the tie e of G it is part of, or -1 (dropped, ignored or not on G). */
  tieEdge: Int32Array;
  /** Distinct (pair, edge type) combinations among G's ties: a pair tied by three types counts 3. */
  multiplexTies: number;
  /** Tie rows joining an alter to itself, dropped. */
  selfLoops: number;
  /** Tie rows naming an alter the ego does not have, ignored (the reader reports them as errors). */
  unknownEndpoints: number;
  /** G as a graphology graph keyed by alterId; built on first use, since the measures only need `adjacency`. */
  readonly graph: UndirectedGraph<EgoGraphNode, EgoGraphEdge>;
}

/**
 * Builds one ego's graph G exactly as the measures specification says: alters of the counted node types
 * make up network_size; alters matching an exclusion rule are off the graph; ties of the counted edge types
 * among the remaining alters are merged into one simple undirected graph (duplicate and reciprocal rows are
 * one tie); self-loops are dropped and ties naming an unknown alter ignored. Ties touching an excluded alter
 * or an alter of an uncounted node type are not part of G (no alter–alter ties exist for them by design).
 *
 * Example: alters a, b, c; rows a–b (work), b–a (work), a–b (advice), c–c ⇒ G has one tie a–b,
 * multiplexTies = 2, selfLoops = 1.
 */
export function buildEgoGraph(network: EgoNetwork, plan: StudyPlan): EgoGraph {
  const countedTypes = plan.nodeTypes === null ? null : new Set(plan.nodeTypes);
  const countedEdges = plan.edgeTypes === null ? null : new Set(plan.edgeTypes);
  const alters: Alter[] = [];
  const excludedAlters: Alter[] = [];
  const nodes: Alter[] = [];
  // alterId → node index in G, or OFF_GRAPH for an alter the ego has that is not on G.
  const index = new Map<string, number>();
  for (const alter of network.alters) {
    const counted = countedTypes === null || countedTypes.has(alter.nodeType);
    if (counted) alters.push(alter);
    const excluded = counted && plan.exclude.length > 0 && isExcludedAlter(alter, plan.exclude);
    if (excluded) excludedAlters.push(alter);
    if (index.has(alter.alterId)) continue; // a repeated id is the reader's error; the first one stands
    if (counted && !excluded) {
      index.set(alter.alterId, nodes.length);
      nodes.push(alter);
    } else {
      index.set(alter.alterId, OFF_GRAPH);
    }
  }

  const n = nodes.length;
  const edges: number[] = [];
  // Edge types seen, and for each pair the set of its types as a bit mask (pairs keyed u·n + v, u < v).
  const typeIndex = new Map<string, number>();
  const pairTypes = new Map<number, number>();
  const extraTypes = new Set<string>(); // (pair, type) keys beyond 31 edge types, rare enough to be slow
  let multiplexTies = 0;
  let selfLoops = 0;
  let unknownEndpoints = 0;
  // Pair key → tie index in G, and each tie row's tie (for the tie-level table).
  const edgeOf = new Map<number, number>();
  const tieEdge = new Int32Array(network.ties.length).fill(-1);
  for (let row = 0; row < network.ties.length; row++) {
    const tie = network.ties[row];
    const s = index.get(tie.sourceId);
    const t = index.get(tie.targetId);
    if (s === undefined || t === undefined) {
      unknownEndpoints++;
      continue;
    }
    if (tie.sourceId === tie.targetId) {
      selfLoops++;
      continue;
    }
    if (s === OFF_GRAPH || t === OFF_GRAPH) continue;
    if (countedEdges !== null && !countedEdges.has(tie.edgeType)) continue;
    const key = s < t ? s * n + t : t * n + s;
    let type = typeIndex.get(tie.edgeType);
    if (type === undefined) typeIndex.set(tie.edgeType, (type = typeIndex.size));
    const mask = pairTypes.get(key);
    if (mask === undefined) {
      edgeOf.set(key, edges.length / 2);
      edges.push(s < t ? s : t, s < t ? t : s);
      pairTypes.set(key, type < 31 ? 1 << type : 0);
      if (type >= 31) extraTypes.add(`${key}\u0000${tie.edgeType}`);
      multiplexTies++;
    } else if (type < 31) {
      if ((mask & (1 << type)) === 0) {
        pairTypes.set(key, mask | (1 << type));
        multiplexTies++;
      }
    } else {
      const extra = `${key}\u0000${tie.edgeType}`;
      if (!extraTypes.has(extra)) {
        extraTypes.add(extra);
        multiplexTies++;
      }
    }
    tieEdge[row] = edgeOf.get(key)!;
  }

  const adjacency = compactAdjacency(n, edges);
  let graph: UndirectedGraph<EgoGraphNode, EgoGraphEdge> | undefined;
  return {
    ego: network.ego,
    alters,
    excludedAlters,
    nodes,
    adjacency,
    edgeEnds: edges,
    tieEdge,
    multiplexTies,
    selfLoops,
    unknownEndpoints,
    get graph() {
      graph ??= toGraphology(nodes, edges, n, typeIndex, pairTypes, extraTypes);
      return graph;
    },
  };
}

const OFF_GRAPH = -1;

function toGraphology(
  nodes: readonly Alter[],
  edges: readonly number[],
  n: number,
  typeIndex: Map<string, number>,
  pairTypes: Map<number, number>,
  extraTypes: Set<string>,
): UndirectedGraph<EgoGraphNode, EgoGraphEdge> {
  const graph = new (graphology().UndirectedGraph)<EgoGraphNode, EgoGraphEdge>({ allowSelfLoops: false, multi: false });
  for (const alter of nodes) graph.addNode(alter.alterId, { nodeType: alter.nodeType, attributes: alter.attributes });
  const types = [...typeIndex.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let e = 0; e < edges.length; e += 2) {
    const key = edges[e] * n + edges[e + 1];
    const mask = pairTypes.get(key)!;
    const edgeTypes = types
      .filter(([name, i]) => (i < 31 ? (mask & (1 << i)) !== 0 : extraTypes.has(`${key}\u0000${name}`)))
      .map(([name]) => name);
    graph.addEdge(nodes[edges[e]].alterId, nodes[edges[e + 1]].alterId, { edgeTypes });
  }
  return graph;
}
