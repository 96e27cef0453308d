import { EDGE_COLUMNS, EGO_COLUMNS, NODE_COLUMNS } from "../model/network-canvas-columns.js";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { OutputError } from "../errors.js";
import type { Codebook, Value, Variable, VariableSet } from "../model/index.js";
import { csvCell } from "../tables/index.js";
import type { SynthAlter, SynthInterview, SynthTie } from "./synth-interview.js";

/** Network Canvas writes one set of files per session, or (merged) one set for all sessions. */
export type ExportLayout = "per-session" | "merged";

export interface NetworkCanvasCsvOptions {
  /** Folder to write into (created when missing). */
  dir: string;
  codebook: Codebook;
  protocolName: string;
  /** `sessionExported` of every row (ISO timestamp). */
  exportedAt: string;
  layout: ExportLayout;
}

/** The fixed leading columns, in order: the format's own (src/model/network-canvas-columns.ts). */
export { EDGE_COLUMNS, EGO_COLUMNS, NODE_COLUMNS };

/**
 * Writes interviews as Network Canvas Interviewer 6 exports them to CSV, one interview at a time (memory
 * holds one interview, so it can write cohorts of any size):
 * - per session: `<caseId>_<sessionId>_ego.csv`, `…_attributeList_<NodeType>.csv` per node type present,
 *   `…_edgeList_<EdgeType>.csv` per edge type present; a session without alters gets a header-only
 *   `…_attributeList.csv`, one without ties a header-only `…_edgeList.csv`;
 * - merged: the same files once, prefixed with the protocol name, one ego row per session.
 * Columns: the fixed ones above, then the codebook's variables in codebook order (a categorical variable
 * as one `<name>_<option>` true/false column per option, a layout variable as `<name>_x`, `<name>_y`).
 * nodeID and edgeID count from 1 per session across all types (across sessions when merged); edge ids run
 * through the edge types in codebook order. Cells: CRLF line ends; `""`-escaped quotes; missing is empty;
 * text beginning with = + - @ tab or CR is prefixed with `'` (Fresco's spreadsheet formula guard).
 * File names: the type name with non-word characters removed; characters a file name cannot hold in the
 * case id become `_`.
 *
 * Example: new NetworkCanvasCsvWriter({...}).write(interview) writes `LW01_<uuid>_ego.csv` and the rest.
 */
export class NetworkCanvasCsvWriter {
  private readonly options: NetworkCanvasCsvOptions;
  private readonly egoHeader: string[];
  private readonly nodeHeaders = new Map<string, string[]>();
  private readonly edgeHeaders = new Map<string, string[]>();
  private readonly written: string[] = [];
  /** Merged export: open files, running ids, and whether any alter or tie was written. */
  private readonly open = new Map<string, number>();
  private nextNodeId = 1;
  private nextEdgeId = 1;
  private anyNodes = false;
  private anyEdges = false;
  private closed = false;

  constructor(options: NetworkCanvasCsvOptions) {
    this.options = options;
    this.egoHeader = [...EGO_COLUMNS, ...variableColumns(options.codebook.ego)];
    for (const [type, set] of Object.entries(options.codebook.node)) this.nodeHeaders.set(type, [...NODE_COLUMNS, ...variableColumns(set)]);
    for (const [type, set] of Object.entries(options.codebook.edge)) this.edgeHeaders.set(type, [...EDGE_COLUMNS, ...variableColumns(set)]);
    try {
      mkdirSync(options.dir, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create ${options.dir}: ${(e as Error).message}`);
    }
  }

  /** Writes one interview. */
  write(interview: SynthInterview): void {
    if (this.closed) throw new Error("bug: NetworkCanvasCsvWriter.write after close");
    const merged = this.options.layout === "merged";
    const prefix = merged ? fileSafe(this.options.protocolName) : `${fileSafe(interview.caseId)}_${fileSafe(interview.sessionId)}`;
    const firstNodeId = merged ? this.nextNodeId : 1;
    const firstEdgeId = merged ? this.nextEdgeId : 1;
    const { codebook } = this.options;

    const egoRow = [
      interview.egoUUID,
      interview.caseId,
      interview.sessionId,
      this.options.protocolName,
      interview.sessionStart,
      interview.sessionFinish,
      this.options.exportedAt,
      ...variableCells(codebook.ego, interview.ego, undefined, `ego of ${interview.caseId}`),
    ];
    const files: Array<{ name: string; header: string[]; rows: string[][] }> = [
      { name: `${prefix}_ego.csv`, header: this.egoHeader, rows: [egoRow] },
    ];

    const nodeId = (i: number) => String(firstNodeId + i);
    for (const alter of interview.alters) {
      if (!this.nodeHeaders.has(alter.nodeType)) {
        throw new OutputError(`${interview.caseId}: node type "${alter.nodeType}" is not in the codebook`);
      }
    }
    for (const [type, set] of Object.entries(codebook.node)) {
      const rows: string[][] = [];
      interview.alters.forEach((alter, i) => {
        if (alter.nodeType !== type) return;
        rows.push([nodeId(i), interview.egoUUID, alter.uuid, ...variableCells(set, alter.attributes, alter, `${interview.caseId} ${type}`)]);
      });
      if (rows.length > 0) files.push({ name: `${prefix}_attributeList_${typeFileName(type)}.csv`, header: this.nodeHeaders.get(type)!, rows });
    }

    let edgeId = firstEdgeId;
    for (const tie of interview.ties) {
      checkTie(tie, interview);
      if (!this.edgeHeaders.has(tie.edgeType)) {
        throw new OutputError(`${interview.caseId}: edge type "${tie.edgeType}" is not in the codebook`);
      }
    }
    for (const [type, set] of Object.entries(codebook.edge)) {
      const rows: string[][] = [];
      for (const tie of interview.ties) {
        if (tie.edgeType !== type) continue;
        const source = interview.alters[tie.source];
        const target = interview.alters[tie.target];
        rows.push([
          String(edgeId++),
          nodeId(tie.source),
          nodeId(tie.target),
          interview.egoUUID,
          tie.uuid,
          source.uuid,
          target.uuid,
          ...variableCells(set, tie.attributes ?? {}, undefined, `${interview.caseId} ${type}`),
        ]);
      }
      if (rows.length > 0) files.push({ name: `${prefix}_edgeList_${typeFileName(type)}.csv`, header: this.edgeHeaders.get(type)!, rows });
    }

    if (merged) {
      this.nextNodeId += interview.alters.length;
      this.nextEdgeId = edgeId;
      this.anyNodes ||= interview.alters.length > 0;
      this.anyEdges ||= interview.ties.length > 0;
      for (const f of files) this.append(f.name, f.header, f.rows);
    } else {
      if (interview.alters.length === 0) files.push({ name: `${prefix}_attributeList.csv`, header: [...NODE_COLUMNS], rows: [] });
      if (interview.ties.length === 0) files.push({ name: `${prefix}_edgeList.csv`, header: [...EDGE_COLUMNS], rows: [] });
      for (const f of files) this.writeWhole(f.name, f.header, f.rows);
    }
  }

  /** Finishes the export (merged: header-only files when nothing of a kind was written) and lists the files. */
  close(): string[] {
    if (this.closed) return [...this.written];
    if (this.options.layout === "merged") {
      const prefix = fileSafe(this.options.protocolName);
      if (!this.anyNodes) this.append(`${prefix}_attributeList.csv`, [...NODE_COLUMNS], []);
      if (!this.anyEdges) this.append(`${prefix}_edgeList.csv`, [...EDGE_COLUMNS], []);
    }
    this.closed = true;
    for (const [name, fd] of this.open) {
      try {
        closeSync(fd);
      } catch (e) {
        throw new OutputError(`cannot write ${path.join(this.options.dir, name)}: ${(e as Error).message}`);
      }
    }
    this.open.clear();
    return [...this.written];
  }

  private writeWhole(name: string, header: string[], rows: string[][]): void {
    const fd = this.openFile(name);
    this.writeText(name, fd, csvText([header, ...rows]));
    try {
      closeSync(fd);
    } catch (e) {
      throw new OutputError(`cannot write ${path.join(this.options.dir, name)}: ${(e as Error).message}`);
    }
  }

  private append(name: string, header: string[], rows: string[][]): void {
    let fd = this.open.get(name);
    const lines = fd === undefined ? [header, ...rows] : rows;
    if (fd === undefined) {
      fd = this.openFile(name);
      this.open.set(name, fd);
    }
    if (lines.length > 0) this.writeText(name, fd, csvText(lines));
  }

  private openFile(name: string): number {
    const file = path.join(this.options.dir, name);
    try {
      const fd = openSync(file, "w");
      this.written.push(name);
      return fd;
    } catch (e) {
      throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
    }
  }

  private writeText(name: string, fd: number, text: string): void {
    try {
      writeSync(fd, text);
    } catch (e) {
      throw new OutputError(`cannot write ${path.join(this.options.dir, name)}: ${(e as Error).message}`);
    }
  }
}

/** The column names of a variable set, in codebook order. */
export function variableColumns(set: VariableSet): string[] {
  const columns: string[] = [];
  for (const variable of Object.values(set)) {
    if (variable.type === "categorical") for (const o of variable.options ?? []) columns.push(`${variable.name}_${o.value}`);
    else if (variable.type === "layout") columns.push(`${variable.name}_x`, `${variable.name}_y`);
    else columns.push(variable.name);
  }
  return columns;
}

/** The type name as Network Canvas puts it in a file name: non-word characters removed. */
export function typeFileName(type: string): string {
  return type.replace(/\W/g, "");
}

function variableCells(set: VariableSet, values: Record<string, Value>, alter: SynthAlter | undefined, where: string): string[] {
  const cells: string[] = [];
  for (const variable of Object.values(set)) {
    if (variable.type === "layout") {
      const point = alter?.layout?.[variable.name];
      cells.push(point ? csvCell(point.x) : "", point ? csvCell(point.y) : "");
      continue;
    }
    const value = values[variable.name] ?? null;
    if (variable.type === "categorical") {
      const chosen = value === null ? null : Array.isArray(value) ? value : [String(value)];
      for (const o of variable.options ?? []) cells.push(chosen === null ? "" : chosen.includes(o.value) ? "true" : "false");
      continue;
    }
    cells.push(scalarCell(variable, value, where));
  }
  return cells;
}

function scalarCell(variable: Variable, value: Value, where: string): string {
  if (Array.isArray(value)) throw new OutputError(`${where}: ${variable.name} is ${variable.type} but holds a list`);
  return csvCell(value as string | number | boolean | null);
}

/** Refuses a tie whose ends are not alters of the interview. */
export function checkTie(tie: SynthTie, interview: SynthInterview): void {
  const n = interview.alters.length;
  for (const end of [tie.source, tie.target]) {
    if (!Number.isInteger(end) || end < 0 || end >= n) {
      throw new OutputError(`${interview.caseId}: a ${tie.edgeType} tie points at alter ${end}, which does not exist`);
    }
  }
}

/** CSV text with CRLF line ends, quoting cells that hold a comma, quote, CR or LF. */
function csvText(rows: string[][]): string {
  return stringify(rows, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** Characters a file name cannot hold (Windows' set, control characters) become `_`. */
export function fileSafe(text: string): string {
  return text.replace(/[/\\?%*:|"<>\u0000-\u001f]/g, "_");
}
