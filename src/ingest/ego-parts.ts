import type { Codebook, EgoNetwork, ProblemSink } from "../model/index.js";
import { buildEgoNetwork } from "./network-canvas-csv/build-ego-network.js";
import type { CsvEgoParts } from "./network-canvas-csv/csv-ego-parts.js";

/**
 * Interviews handed from the thread that reads a dataset to the thread that builds and measures each ego
 * (see Dataset.parts): plain, structured-cloneable data, so that a worker thread can have them.
 */

/**
 * One interview as a reader hands it on: the rows of a Network Canvas CSV export, still to be decoded
 * (the slow part, done where the ego is built), or an ego network already built and checked (GraphML and
 * the three tables, whose readers build each ego as they read it).
 */
export type EgoParts = CsvEgoParts | BuiltEgoParts;

/** An interview its reader has built and checked: buildEgo gives it as it is. */
export interface BuiltEgoParts {
  kind: "built";
  network: EgoNetwork;
}

/** A reader's egos as parts (Dataset.parts of a reader that builds each ego as it reads it). */
export async function* builtParts(networks: AsyncIterable<EgoNetwork>): AsyncGenerator<BuiltEgoParts> {
  for await (const network of networks) yield { kind: "built", network };
}

/** How Dataset.parts reads. */
export interface PartsOptions {
  /**
   * Read each merged Network Canvas export in one pass, taking every side file's rows to be grouped by ego
   * in the ego file's order (as Network Canvas writes them). When a file turns out not to be, reading stops
   * with RowsOutOfOrder: whatever was read is wrong, and must be read again without this option (which
   * first counts each ego's rows in each file, and then accepts any order). Other readers ignore it.
   */
  inOrder: boolean;
  /** Reading again after RowsOutOfOrder (the one case in which a dataset is read twice). */
  again?: boolean;
}

/**
 * The EgoNetwork of one interview's parts, exactly as the dataset's egos() would have given it, in any
 * thread: a Network Canvas CSV interview is decoded and checked now (its problems go to `problems`, in a
 * fixed order), a built one is returned as it is (its problems were reported when it was read).
 */
export function buildEgo(parts: EgoParts, codebook: Codebook, problems: ProblemSink): EgoNetwork {
  return parts.kind === "built" ? parts.network : buildEgoNetwork(parts, codebook, problems);
}
