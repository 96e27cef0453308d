import type { Codebook, EgoNetwork, InputFormat, ProblemSink, StudyConfig } from "../model/index.js";

/** What every reader needs besides the input path. */
export interface ReaderContext {
  /** The resolved study configuration ({} when there is none). */
  config: StudyConfig;
  /** Path of the protocol (`.netcanvas`) to take the codebook from, when given or found beside the data. */
  protocol?: string;
  /** Which export identifier becomes the egoId (default `caseId`). */
  egoIdField: "caseId" | "sessionId" | "egoUUID";
  /** Every data problem goes here; reading continues so that all of them are reported. */
  problems: ProblemSink;
}

/**
 * An opened input. Opening reads only headers and the protocol; `egos()` then streams one interview at a
 * time, so memory depends on the largest ego, not on the number of egos.
 */
export interface Dataset {
  format: InputFormat;
  /** The input as given, and every file read (absolute paths, sorted), for provenance. */
  input: string;
  files: string[];
  codebook: Codebook;
  /** Streams interviews in input order. Iterate once. Problems found on the way go to the sink. */
  egos(): AsyncIterable<EgoNetwork>;
  /** When the reader can tell cheaply (without reading the interviews): about how many egos egos() will give. */
  expectedEgos?(): Promise<number>;
}
