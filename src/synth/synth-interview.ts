import type { Attributes } from "../model/index.js";

/**
 * One synthetic interview, as Network Canvas would hold it before export: what the writers take, one at a
 * time. Alters are in the order they were named (this becomes the nodeID order); ties point at alters by
 * their index in `alters`.
 */
export interface SynthInterview {
  caseId: string;
  sessionId: string;
  egoUUID: string;
  /** ISO 8601 timestamps (UTC, milliseconds), as Network Canvas writes them. */
  sessionStart: string;
  sessionFinish: string;
  /** Ego variables by codebook name. */
  ego: Attributes;
  alters: SynthAlter[];
  ties: SynthTie[];
}

export interface SynthAlter {
  uuid: string;
  /** Codebook node type name, e.g. `Person`. */
  nodeType: string;
  attributes: Attributes;
  /** Sociogram position (0–1) per layout variable; absent when the alter was not placed. */
  layout?: Record<string, { x: number; y: number }>;
}

export interface SynthTie {
  uuid: string;
  /** Codebook edge type name, e.g. `referrals`. */
  edgeType: string;
  /** Indices into the interview's `alters`. */
  source: number;
  target: number;
  attributes?: Attributes;
}
