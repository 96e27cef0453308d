import type { Codebook, Ego, EgoNetwork, ProblemSink } from "../model/index.js";
import { buildGraphmlEgo, graphmlConversion, GraphmlMemory, type GraphmlEgoParts, type GraphmlSetup } from "./graphml-build.js";
import { buildThreeFileEgo, type ThreeFileEgoParts, type ThreeFileSetup } from "./three-file-build.js";
import { buildEgoNetwork } from "./network-canvas-csv/build-ego-network.js";
import type { CsvEgoParts } from "./network-canvas-csv/csv-ego-parts.js";

/**
 * Interviews handed from the thread that reads a dataset to the thread that builds and measures each ego
 * (see Dataset.parts): plain, structured-cloneable data, so that a worker thread can have them.
 */

/**
 * One interview as a reader hands it on, its slow part still to do where the ego is built: the rows of a
 * Network Canvas CSV export or of the three tables, still text, or a GraphML `<graph>` still to be parsed.
 */
export type EgoParts = CsvEgoParts | GraphmlEgoParts | ThreeFileEgoParts;

/** What building any dataset's parts needs, as plain data (a worker gets it once). */
export interface BuildSetup {
  codebook: Codebook;
  graphml?: GraphmlSetup;
  threeFile?: ThreeFileSetup;
}

/**
 * Builds one reading's parts in the reading thread, with what that reading remembers across interviews.
 * `build` gives each EgoNetwork exactly as the dataset's egos() does; `builtElsewhere` takes an ego a worker
 * built (with no problems and no memory of other egos) and reports what only the memory can tell.
 */
export interface EgoBuilder {
  readonly setup: BuildSetup;
  build(parts: EgoParts, problems: ProblemSink): EgoNetwork;
  builtElsewhere(ego: Pick<Ego, "egoId" | "source">, problems: ProblemSink): void;
}

/** The builder of a dataset whose parts need no memory beyond checkNetwork's (Network Canvas CSV). */
export function plainBuilder(codebook: Codebook): EgoBuilder {
  const setup = { codebook };
  return { setup, build: (parts, problems) => buildEgo(parts, setup, problems), builtElsewhere: () => undefined };
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
 * The EgoNetwork of one interview's parts in any thread, with no memory of other interviews: a Network
 * Canvas CSV or three-table interview is decoded and checked now (its problems go to `problems`, in a fixed
 * order), a GraphML graph parsed, converted and checked (without the duplicate-ego-id check, which needs the
 * reading's memory: see EgoBuilder).
 */
export function buildEgo(parts: EgoParts, setup: BuildSetup, problems: ProblemSink): EgoNetwork {
  if (parts.kind === "graphml") {
    if (setup.graphml === undefined) throw new Error("bug: GraphML parts without a GraphML setup");
    const memory = new GraphmlMemory();
    return buildGraphmlEgo(parts, graphmlConversion(setup.graphml, setup.codebook, memory, problems), setup.codebook, memory);
  }
  if (parts.kind === "three-file") {
    if (setup.threeFile === undefined) throw new Error("bug: three-table parts without a three-table setup");
    return buildThreeFileEgo(parts, setup.threeFile, setup.codebook, new Set(), problems);
  }
  return buildEgoNetwork(parts, setup.codebook, problems);
}
