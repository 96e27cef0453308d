import type { Codebook, EgoNetwork, InputFormat, ProblemSink, StudyConfig } from "../model/index.js";
import type { EgoParts, PartsOptions } from "./ego-parts.js";

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
  /**
   * The same interviews as EgoParts (plain data a worker thread can have), in input order, instead of
   * egos(): iterate one or the other, once (again only after RowsOutOfOrder, with `again`). buildEgo(parts,
   * codebook, problems) then gives each EgoNetwork exactly as egos() would have, in this thread or in a
   * worker. Problems met while reading go to `problems` (not the ReaderContext's sink), each before the
   * interview it was met in, so that a caller can keep them with it. Absent when a reader cannot do this
   * (a dataset that wraps another, whose egos() may add to them).
   */
  parts?(problems: ProblemSink, options?: PartsOptions): AsyncIterable<EgoParts>;
  /** When the reader can tell cheaply (without reading the interviews): about how many egos egos() will give. */
  expectedEgos?(): Promise<number>;
}
