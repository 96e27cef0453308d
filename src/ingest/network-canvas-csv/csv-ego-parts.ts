import type { Ego } from "../../model/index.js";
import type { ColumnPlan } from "../plan-columns.js";

/**
 * One Network Canvas CSV interview as read, before its alters and ties are decoded: what the reading
 * thread hands to whichever thread builds the ego (buildEgoNetwork). Plain, structured-cloneable data.
 */

/** What building an ego needs to know about a side file; plain data, so a worker thread can have it. */
export interface SideFile {
  /** The file's name, for problems and source references. */
  name: string;
  kind: "node" | "edge";
  type: string;
  plan: ColumnPlan;
  /** Fields in the header. */
  width: number;
}

/** Rows of one side file as the file holds them: CsvRun texts, each with the line it starts on. */
export interface SidePiece {
  text: string;
  line: number;
}

/**
 * One interview as read, before its alters and ties are decoded: the ego (decoded, since ego ids must be
 * checked across interviews) and, per side file, the text of the rows that belong to it. Plain data.
 */
export interface CsvEgoParts {
  kind: "network-canvas-csv";
  ego: Ego;
  sides: Array<{ file: SideFile; pieces: SidePiece[] }>;
}
