import type { CompactAdjacency } from "../graph/compact-adjacency.js";

/** One alter as a sociogram shows it: its label, its categories and its position, nothing else of its data. */
export interface SociogramAlter {
  /** The node's label: the alter's name (`--show-names`) or its pseudonym A1 … An. */
  label: string;
  /** The alter's categories of the colour variable; empty when colouring by core number. */
  categories: readonly string[];
  /** Where the participant placed the alter on the Network Canvas sociogram (its first layout variable), or null. */
  position: { x: number; y: number } | null;
}

/** One ego's sociogram graph with its core numbers, as the study hands it to the report. */
export interface SociogramGraph {
  /** The ego's id as the tables show it (a pseudonym when the analysis replaced ids). */
  egoId: string;
  /** Counted alters (network_size). */
  networkSize: number;
  /** The sociogram's simple alter–alter graph: node i is `nodes[i]`. */
  adjacency: CompactAdjacency;
  /** Core number of each node of `adjacency` (0 for isolates). */
  coreNumbers: Int32Array;
  nodes: readonly SociogramAlter[];
  /** Counted alters the study's exclusion rules leave off the sociogram. */
  excluded: readonly SociogramAlter[];
}

/**
 * One analysed ego in the stream of sociograms: its id, and its graph built only when asked for, so that
 * passing over an ego that is not drawn costs no graph.
 */
export interface SociogramEgo {
  egoId: string;
  graph(): SociogramGraph;
}
