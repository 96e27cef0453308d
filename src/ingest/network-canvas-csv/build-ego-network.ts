import type { Alter, Attributes, Codebook, Ego, EgoNetwork, Problem, ProblemSink, Tie } from "../../model/index.js";
import { checkNetwork } from "../check-network.js";
import { csvRecords } from "../csv/csv-records.js";
import type { CsvRow } from "../csv/csv-rows.js";
import { decodeRecord } from "../decode-record.js";
import { duplicateEgoIdMessage, type EgoIdSeen } from "../duplicate-ego-id.js";
import type { CsvEgoParts, SideFile } from "./csv-ego-parts.js";
import { EGO_ID_COLUMN, type EgoIdField, type ExportFile } from "./export-file.js";
import { own } from "./own-string.js";

/**
 * Decoding the records of a Network Canvas CSV export: the ego row (readEgo, in the reading thread, since
 * ego ids are checked across interviews), then, wherever the ego is built (buildEgoNetwork, in any
 * thread), its node rows as alters and its edge rows as ties.
 */

/**
 * Builds one interview from its parts, as egos() hands it on: node files' rows become alters, edge files'
 * rows ties (joined on the UUIDs, else on node ids), then checkNetwork runs. Rows whose field count differs
 * from the header are reported (short-row / long-row) as they are split. The same in any thread; its
 * problems go to `problems` in a fixed order.
 */
export function buildEgoNetwork(parts: CsvEgoParts, codebook: Codebook, problems: ProblemSink): EgoNetwork {
  const { ego } = parts;
  const report = (p: Problem) => problems.report(p);
  const alters: Alter[] = [];
  const ties: Tie[] = [];
  const nodeIds = new Map<string, string>();
  for (const kind of ["node", "edge"] as const) {
    for (const { file, pieces } of parts.sides) {
      if (file.kind !== kind) continue;
      const rows: CsvRow[] = [];
      for (const piece of pieces) for (const row of csvRecords(piece.text, piece.line, file.width, file.name, report)) rows.push(row);
      if (kind === "node") {
        for (const r of rows) {
          const alter = readAlter(r, file, ego.egoId, problems);
          if (!alter) continue;
          alters.push(alter.alter);
          if (alter.nodeId !== undefined) nodeIds.set(alter.nodeId, alter.alter.alterId);
        }
      } else {
        for (const r of rows) ties.push(readTie(r, file, ego.egoId, nodeIds, problems));
      }
    }
  }
  const network: EgoNetwork = { ego, alters, ties };
  checkNetwork(network, codebook, problems);
  return network;
}

/**
 * The ego of one ego-file row: its id (from the `--ego-id` column, else the networkCanvasEgoUUID, else its
 * place in the file), its variables and the export's identifiers. An empty or repeated ego id is reported.
 */
export function readEgo(row: CsvRow, file: ExportFile, egoIdField: EgoIdField, egoIds: Map<string, EgoIdSeen>, problems: ProblemSink): Ego {
  const plan = file.plan!;
  const cell = (name: string): string | undefined => {
    const i = plan.fixed[name];
    return i === undefined ? undefined : row.fields[i];
  };
  const egoUUID = cell("networkCanvasEgoUUID") ?? "";
  const meta: Ego["meta"] = { egoUUID };
  const caseId = cell("networkCanvasCaseID");
  const sessionId = cell("networkCanvasSessionID");
  const protocolName = cell("networkCanvasProtocolName");
  if (caseId !== undefined) meta.caseId = caseId;
  if (sessionId !== undefined) meta.sessionId = sessionId;
  if (protocolName !== undefined) meta.protocolName = protocolName;
  const [sessionFinish, finishOutcome] = [cell("sessionFinish"), cell("networkCanvasFinishOutcome")];
  if (sessionFinish !== undefined) meta.sessionFinish = sessionFinish;
  if (finishOutcome !== undefined) meta.finishOutcome = finishOutcome;
  const here = `${file.source.name}:${row.line}`;

  const column = EGO_ID_COLUMN[egoIdField];
  let egoId = cell(column) ?? egoUUID;
  if (egoId === "") {
    const fallback = egoUUID || here;
    if (plan.fixed[column] !== undefined) {
      problems.report({
        severity: "error",
        code: "missing-ego-id",
        file: file.source.name,
        line: row.line,
        message: `this ego has an empty ${column}; ${egoUUID ? "its networkCanvasEgoUUID" : "its place in the file"} (${fallback}) is used as the ego id`,
      });
    }
    egoId = fallback;
  }
  const first = egoIds.get(egoId);
  if (first !== undefined) {
    problems.report({
      severity: "error",
      code: "duplicate-ego-id",
      file: file.source.name,
      line: row.line,
      egoId,
      message: duplicateEgoIdMessage(egoId, { at: here, egoUUID }, first, egoIdField),
    });
  } else egoIds.set(own(egoId), { at: here, egoUUID: own(egoUUID) });

  const { attributes } = decodeRecord(plan, row.fields, { file: file.source.name, line: row.line, egoId }, problems);
  return { egoId, attributes, meta, source: { file: file.source.name, line: row.line } };
}

function readAlter(
  row: CsvRow,
  file: SideFile,
  egoId: string,
  problems: ProblemSink,
): { alter: Alter; nodeId?: string } | undefined {
  const plan = file.plan;
  const fixed = plan.fixed;
  const fields = row.fields;
  const nodeId = (fixed.nodeID === undefined ? undefined : fields[fixed.nodeID]) ?? (fixed.id === undefined ? undefined : fields[fixed.id]);
  const alterId = (fixed.networkCanvasUUID === undefined ? undefined : fields[fixed.networkCanvasUUID]) || nodeId || "";
  if (alterId === "") {
    problems.report(rowProblem("error", "missing-id", file, row, egoId, "this alter has no networkCanvasUUID (nor nodeID); it is not read"));
    return undefined;
  }
  const decoded = decodeRecord(plan, row.fields, { file: file.name, line: row.line, egoId }, problems);
  const alter: Alter = {
    egoId,
    alterId,
    nodeType: file.type,
    attributes: decoded.attributes,
    source: { file: file.name, line: row.line },
  };
  if (decoded.layout) alter.layout = decoded.layout;
  return nodeId ? { alter, nodeId } : { alter };
}

function readTie(row: CsvRow, file: SideFile, egoId: string, nodeIds: Map<string, string>, problems: ProblemSink): Tie {
  const plan = file.plan;
  const f = plan.fixed;
  const fields = row.fields;
  // Most edge types have no variables: nothing to decode (decodeRecord would give {} and report nothing).
  const attributes = plan.variables.length === 0 ? NO_ATTRIBUTES : decodeRecord(plan, fields, { file: file.name, line: row.line, egoId }, problems).attributes;
  return {
    egoId,
    sourceId: tieEnd(fields, f.networkCanvasSourceUUID, f.from, nodeIds),
    targetId: tieEnd(fields, f.networkCanvasTargetUUID, f.to, nodeIds),
    edgeType: file.type,
    attributes,
    source: { file: file.name, line: row.line },
  };
}

/** The attributes of a tie whose edge type has no variables: one shared, frozen, empty object (a tie row each). */
const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** A tie's endpoint: its UUID; exports without them (or with an empty one) fall back to from/to node ids. */
function tieEnd(fields: readonly string[], uuid: number | undefined, nodeId: number | undefined, nodeIds: Map<string, string>): string {
  const u = uuid === undefined ? undefined : fields[uuid];
  if (u) return u;
  const n = nodeId === undefined ? undefined : fields[nodeId];
  return n ? (nodeIds.get(n) ?? `nodeID ${n}`) : "";
}

function rowProblem(
  severity: Problem["severity"],
  code: string,
  file: SideFile,
  row: CsvRow,
  egoId: string,
  message: string,
): Problem {
  return { severity, code, file: file.name, line: row.line, egoId, message };
}
