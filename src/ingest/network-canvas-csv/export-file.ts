import { EDGE_COLUMNS, EGO_COLUMNS, FRESCO_EGO_COLUMNS, LEGACY_ID_COLUMN, NODE_COLUMNS } from "../../model/network-canvas-columns.js";
import type { ColumnPlan } from "../plan-columns.js";
import type { SourceFile } from "../source-file.js";
import type { SideFile } from "./csv-ego-parts.js";

/**
 * The files of a Network Canvas CSV export as the reader sees them: each file's role (ego, node or edge
 * file), its type, header and column plan, and the exports (units) they group into. Shared by every step
 * of reading an export, from discovery to streaming.
 */

/** Ego columns that identify the interview or describe the export; never ego variables. */
export const EGO_FIXED_COLUMNS: readonly string[] = [...EGO_COLUMNS, ...FRESCO_EGO_COLUMNS];
/** attributeList id columns (`id` in exports older than Interviewer 6.0). */
export const NODE_FIXED_COLUMNS: readonly string[] = [...NODE_COLUMNS, LEGACY_ID_COLUMN];
/** edgeList id columns (`id` in exports older than Interviewer 6.0). */
export const EDGE_FIXED_COLUMNS: readonly string[] = [...EDGE_COLUMNS, LEGACY_ID_COLUMN];

/** The export column each choice of `--ego-id` takes the ego id from. */
export const EGO_ID_COLUMN = {
  caseId: "networkCanvasCaseID",
  sessionId: "networkCanvasSessionID",
  egoUUID: "networkCanvasEgoUUID",
} as const;

/** Which export identifier becomes the egoId (`--ego-id`). */
export type EgoIdField = keyof typeof EGO_ID_COLUMN;

export type ExportKind = "ego" | "node" | "edge";

/** One file of an export, filled in as opening goes (header, then plan). */
export interface ExportFile {
  source: SourceFile;
  kind: ExportKind;
  /** The type as named in the file name (null for the header-only `_attributeList.csv`). */
  named: string | null;
  /** The type: the codebook's name for it when the protocol lists it. "" for ego files. */
  type: string;
  header?: string[];
  plan?: ColumnPlan;
  /** What building an ego needs to know about this file (node and edge files with a plan). */
  side?: SideFile;
}

/** One export: the files of one folder and file-name prefix (one interview, or many in a merged export). */
export interface ExportUnit {
  key: string;
  ego?: ExportFile;
  nodes: ExportFile[];
  edges: ExportFile[];
}

/** The columns of a kind of file that are never variables. */
export function fixedColumns(kind: ExportKind): readonly string[] {
  return kind === "ego" ? EGO_FIXED_COLUMNS : kind === "node" ? NODE_FIXED_COLUMNS : EDGE_FIXED_COLUMNS;
}

/** How a file's type is named in messages. */
export function describeType(file: ExportFile): string {
  return file.kind === "ego" ? "the ego" : `${file.kind} type ${file.type}`;
}
