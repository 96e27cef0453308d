import type { Codebook, EgoNetwork, InputFormat, ProblemSink, StudyConfig } from "../model/index.js";
import type { EgoBuilder, EgoParts, PartsOptions } from "./ego-parts.js";
import type { GraphmlScanPool } from "./graphml-scan.js";
import type { TableScanPool } from "./three-file-scan.js";

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
  /**
   * Worker threads for the GraphML reader's opening scan, when the caller allows them; the reader uses them
   * for large inputs only (the result is the same without).
   */
  graphmlScanPool?: GraphmlScanPool;
  /** Likewise for the three-table reader's opening scan of its large tables. */
  tableScanPool?: TableScanPool;
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
   * egos(): iterate one or the other, once (again only after RowsOutOfOrder, with `again`). A builder()
   * then gives each EgoNetwork exactly as egos() would have (and buildEgo with the builder's setup, in a
   * worker, as long as it reports no problem). Problems met while reading go to `problems` (not the ReaderContext's sink), each before the
   * interview it was met in, so that a caller can keep them with it. Absent when a reader cannot do this
   * (a dataset that wraps another, whose egos() may add to them).
   */
  parts?(problems: ProblemSink, options?: PartsOptions): AsyncIterable<EgoParts>;
  /** A builder for one reading of parts() (plainBuilder when absent): call once per reading. */
  builder?(): EgoBuilder;
  /** When the reader can tell cheaply (without reading the interviews): about how many egos egos() will give. */
  expectedEgos?(): Promise<number>;
}
