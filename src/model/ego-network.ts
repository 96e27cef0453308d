import type { Attributes } from "./value.js";
import type { SourceRef } from "./source-ref.js";

/** The interviewee. `egoId` is the study's id for the ego (the Network Canvas case id by default). */
export interface Ego {
  egoId: string;
  attributes: Attributes;
  /** Identifiers from the export, kept for provenance and joins; never shown as data. */
  meta: {
    egoUUID?: string;
    caseId?: string;
    sessionId?: string;
    protocolName?: string;
    /** When the interview was finished, as exported; "" when the export says it was not finished. */
    sessionFinish?: string;
    /** Fresco's `networkCanvasFinishOutcome`: `completed`, `ineligible`, `terminated` ("" when not recorded). */
    finishOutcome?: string;
  };
  source: SourceRef;
}

/** A person or organisation the ego named. `alterId` is unique within the ego (the Network Canvas UUID). */
export interface Alter {
  egoId: string;
  alterId: string;
  nodeType: string;
  attributes: Attributes;
  /** Sociogram coordinates (0–1) per layout variable, when the export has them. */
  layout?: Record<string, { x: number; y: number }>;
  source: SourceRef;
}

/** An alter–alter tie as written in the export: undirected, of one edge type. */
export interface Tie {
  egoId: string;
  sourceId: string;
  targetId: string;
  edgeType: string;
  attributes: Attributes;
  source: SourceRef;
}

/** One interview: the unit that flows through netsp, one at a time. */
export interface EgoNetwork {
  ego: Ego;
  alters: Alter[];
  ties: Tie[];
}
