import { EGO_COLUMNS, FRESCO_EGO_COLUMNS } from "../model/network-canvas-columns.js";
import path from "node:path";
import type { Alter, EgoNetwork, ProblemSink, Tie } from "../model/index.js";
import { decodeRecord } from "./decode-record.js";
import type { ColumnPlan } from "./plan-columns.js";
import type { GraphmlData, GraphmlGraph, GraphmlKey } from "./graphml-stream.js";

/** Key names Network Canvas uses for identifiers; they are never variables. */
export const GRAPHML_FIXED_NAMES: readonly string[] = [
  "label",
  "networkCanvasType",
  "networkCanvasUUID",
  "networkCanvasSourceUUID",
  "networkCanvasTargetUUID",
  ...EGO_COLUMNS,
  ...FRESCO_EGO_COLUMNS,
];

/** Node type of nodes without `networkCanvasType`; edge type of edges without it. */
export const GRAPHML_DEFAULT_NODE_TYPE = "Alter";
export const GRAPHML_DEFAULT_EDGE_TYPE = "tie";

export type GraphmlElementKind = "graph" | "node" | "edge";

/** A header of key names and the column plan made from it, for the ego or one node or edge type. */
export interface GraphmlPlan {
  header: string[];
  plan: ColumnPlan;
  /** What the plan is for, in messages: `ego`, `node type Person`, `edge type Close`. */
  label: string;
}

/** What turning a graph into an EgoNetwork needs besides the graph. */
export interface GraphmlConversion {
  egoIdField: "caseId" | "sessionId" | "egoUUID";
  /** The header and plan for the ego (`type` undefined) or one node / edge type. */
  plan(kind: GraphmlElementKind, type: string | undefined): GraphmlPlan;
  /** The type name to use for a `networkCanvasType` value (the codebook's name when it lists the type). */
  typeName(kind: "node" | "edge", value: string): string;
  /** Where problems go. */
  problems: ProblemSink;
  /** The same sink for decoded values: their "column" is a position in a made-up row, so it is dropped. */
  valueProblems: ProblemSink;
  /** Warns once per file and code (or per `key` when given). */
  warnOnce(file: string, code: string, line: number, message: string, key?: string): void;
}

/** Whether a key declared `for` this value applies to an element of this kind. */
export function keyApplies(key: GraphmlKey, kind: GraphmlElementKind): boolean {
  return key.for === kind || key.for === "all";
}

/**
 * One `<graph>` as an EgoNetwork, shaped exactly as the CSV reader shapes the same interview: the ego's
 * variables from the `<data>` directly inside `<graph>`, ids from `nc:caseId` / `nc:sessionUUID` /
 * `nc:protocolName` and the graph's `networkCanvasUUID`; alters keyed by `networkCanvasUUID` with the node
 * type from `networkCanvasType`; ties joined on `networkCanvasSourceUUID`/`TargetUUID`, else on the
 * `source`/`target` node ids mapped to those nodes' UUIDs. Every `<data>` is laid out as a row under the
 * key names and decoded with the same column plan and cell decoding as a CSV row.
 */
export function graphToNetwork(g: GraphmlGraph, c: GraphmlConversion): EgoNetwork {
  const file = g.file;
  const named = (data: GraphmlData, kind: GraphmlElementKind, line: number) => byName(g, data, kind, line, c);

  // The ego.
  const egoData = named(g.data, "graph", g.line);
  const meta: EgoNetwork["ego"]["meta"] = {};
  const egoUUID = egoData.get("networkCanvasUUID") ?? egoData.get("networkCanvasEgoUUID");
  const caseId = g.attributes.caseId ?? egoData.get("networkCanvasCaseID");
  const sessionId = g.attributes.sessionUUID ?? egoData.get("networkCanvasSessionID");
  const protocolName = g.attributes.protocolName ?? egoData.get("networkCanvasProtocolName");
  if (egoUUID !== undefined) meta.egoUUID = egoUUID;
  if (caseId !== undefined) meta.caseId = caseId;
  if (sessionId !== undefined) meta.sessionId = sessionId;
  if (protocolName !== undefined) meta.protocolName = protocolName;
  Object.assign(meta, finishMeta(g.attributes, egoData));
  let egoId = c.egoIdField === "caseId" ? caseId : c.egoIdField === "sessionId" ? sessionId : egoUUID;
  if (egoId === undefined || egoId === "") {
    const where = { caseId: "nc:caseId", sessionId: "nc:sessionUUID", egoUUID: "networkCanvasUUID data" }[c.egoIdField];
    egoId = g.attributes.id || `${path.basename(file)}#${g.index + 1}`;
    c.problems.report({
      severity: "error",
      code: "missing-ego-id",
      file,
      line: g.line,
      egoId,
      message: `this <graph> has no ${where} to take the ego id (${c.egoIdField}) from; called it ${egoId} here`,
    });
  }
  const egoPlan = c.plan("graph", undefined);
  const ego = {
    egoId,
    attributes: decode(egoPlan, egoData, file, g.line, egoId, c).attributes,
    meta,
    source: { file, line: g.line },
  };
  if (g.attributes.edgedefault === "directed")
    c.warnOnce(file, "graphml-directed", g.line, "the graph is declared directed; ties are read as undirected, as Network Canvas writes them");

  // Alters.
  const uuidOfNode = new Map<string, string>();
  const alters: Alter[] = [];
  for (const node of g.nodes) {
    const data = named(node.data, "node", node.line);
    let alterId = data.get("networkCanvasUUID");
    if (alterId === undefined || alterId === "") {
      c.warnOnce(file, "graphml-no-uuid", node.line, "nodes without networkCanvasUUID are identified by their GraphML node id");
      alterId = node.id;
    }
    uuidOfNode.set(node.id, alterId);
    const nodeType = typeName(data.get("networkCanvasType"), GRAPHML_DEFAULT_NODE_TYPE, "node", file, node.line, c);
    const plan = c.plan("node", nodeType);
    const decoded = decode(plan, data, file, node.line, egoId, c);
    const alter: Alter = { egoId, alterId, nodeType, attributes: decoded.attributes, source: { file, line: node.line } };
    if (decoded.layout) alter.layout = decoded.layout;
    alters.push(alter);
  }

  // Ties.
  const ties: Tie[] = [];
  for (const edge of g.edges) {
    const data = named(edge.data, "edge", edge.line);
    const edgeType = typeName(data.get("networkCanvasType"), GRAPHML_DEFAULT_EDGE_TYPE, "edge", file, edge.line, c);
    const plan = c.plan("edge", edgeType);
    const decoded = decode(plan, data, file, edge.line, egoId, c);
    ties.push({
      egoId,
      sourceId: data.get("networkCanvasSourceUUID") || (uuidOfNode.get(edge.source) ?? edge.source),
      targetId: data.get("networkCanvasTargetUUID") || (uuidOfNode.get(edge.target) ?? edge.target),
      edgeType,
      attributes: decoded.attributes,
      source: { file, line: edge.line },
    });
  }
  return { ego, alters, ties };
}

/**
 * How the interview ended, as the CSV reader gives it: `nc:finishOutcome` (Fresco), else a graph `<data>`
 * named networkCanvasFinishOutcome; `nc:sessionFinishTime` / `nc:sessionFinish`, else a `<data>` named
 * sessionFinish. The exporter leaves the finish time out for an interview that was not finished, so a graph
 * with a start time and no finish time gets sessionFinish "" (as the CSV's empty cell); one with neither
 * says nothing.
 */
function finishMeta(attributes: Record<string, string>, egoData: Map<string, string>): Pick<EgoNetwork["ego"]["meta"], "sessionFinish" | "finishOutcome"> {
  const out: Pick<EgoNetwork["ego"]["meta"], "sessionFinish" | "finishOutcome"> = {};
  const outcome = attributes.finishOutcome ?? egoData.get("networkCanvasFinishOutcome");
  if (outcome !== undefined) out.finishOutcome = outcome;
  const finish = attributes.sessionFinishTime ?? attributes.sessionFinish ?? egoData.get("sessionFinish");
  const started = attributes.sessionStartTime ?? attributes.sessionStart ?? egoData.get("sessionStart");
  if (finish !== undefined) out.sessionFinish = finish;
  else if (started !== undefined) out.sessionFinish = "";
  return out;
}

/** The `<data>` of one element by key name; a key's `<default>` fills in when the element has no value. */
function byName(g: GraphmlGraph, data: GraphmlData, kind: GraphmlElementKind, line: number, c: GraphmlConversion): Map<string, string> {
  const out = new Map<string, string>();
  for (const key of g.keys.values()) if (key.default !== undefined && keyApplies(key, kind) && !out.has(key.name)) out.set(key.name, key.default);
  const given = new Set<string>();
  for (const [id, text] of data) {
    const key = g.keys.get(id);
    if (key === undefined) {
      c.warnOnce(g.file, "graphml-undeclared-key", line, `<data key="${id}"> names no declared <key>; its values were ignored`);
      continue;
    }
    if (given.has(key.name)) {
      c.warnOnce(g.file, "graphml-repeated-name", line, `two keys named "${key.name}" both have a value on one element; the first was kept`);
      continue;
    }
    given.add(key.name);
    out.set(key.name, text);
  }
  return out;
}

/** Decodes an element's values, laid out as a row under the plan's header (`""` where it has none). */
function decode(p: GraphmlPlan, values: Map<string, string>, file: string, line: number, egoId: string, c: GraphmlConversion) {
  const { header, plan } = p;
  const fields = header.map((name, i) => (plan.columns[i] === null ? "" : (values.get(name) ?? "")));
  const decoded = decodeRecord(plan, fields, { file, line, egoId }, c.valueProblems);
  // A key this type's codebook does not describe (its type inferred, with one warning when the study was
  // opened) is an attribute of this element only when it has a value here.
  for (const name of plan.undescribed) if (decoded.attributes[name] === null) delete decoded.attributes[name];
  return decoded;
}

function typeName(value: string | undefined, fallback: string, kind: "node" | "edge", file: string, line: number, c: GraphmlConversion): string {
  if (value === undefined || value === "") {
    c.warnOnce(file, `graphml-no-${kind}-type`, line, `${kind}s without networkCanvasType are read as type "${fallback}"`);
    return fallback;
  }
  return c.typeName(kind, value);
}
