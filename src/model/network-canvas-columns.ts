/**
 * The fixed columns of a Network Canvas CSV export, in the order Interviewer writes them (the format spec,
 * "Columns, in order"). Readers treat them as ids and metadata, never as variables; the synthetic-study
 * writer writes them in this order.
 */
export const EGO_COLUMNS = [
  "networkCanvasEgoUUID",
  "networkCanvasCaseID",
  "networkCanvasSessionID",
  "networkCanvasProtocolName",
  "sessionStart",
  "sessionFinish",
  "sessionExported",
] as const;

/** Ego metadata columns Fresco inserts before the variables (newer versions add the last two). */
export const FRESCO_EGO_COLUMNS = ["APP_VERSION", "COMMIT_HASH", "networkCanvasInterviewLocale", "networkCanvasFinishOutcome"] as const;

export const NODE_COLUMNS = ["nodeID", "networkCanvasEgoUUID", "networkCanvasUUID"] as const;

export const EDGE_COLUMNS = [
  "edgeID",
  "from",
  "to",
  "networkCanvasEgoUUID",
  "networkCanvasUUID",
  "networkCanvasSourceUUID",
  "networkCanvasTargetUUID",
] as const;

/** The id column of exports older than Interviewer 6.0, in place of nodeID / edgeID. */
export const LEGACY_ID_COLUMN = "id";
