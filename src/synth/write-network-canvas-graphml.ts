import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { OutputError } from "../errors.js";
import type { Codebook } from "../model/index.js";
import { GraphmlKeyPlan, xmlText } from "./graphml-keys.js";
import type { SynthInterview } from "./synth-interview.js";
import { checkTie, fileSafe, type ExportLayout } from "./write-network-canvas-csv.js";

export interface NetworkCanvasGraphmlOptions {
  /** Folder to write into (created when missing). */
  dir: string;
  codebook: Codebook;
  protocolName: string;
  /** `nc:sessionExported` of every graph (ISO timestamp). */
  exportedAt: string;
  layout: ExportLayout;
}

const HEADER =
  `<?xml version="1.0" encoding="UTF-8"?>\n` +
  `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
  ` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"` +
  ` xmlns:nc="http://schema.networkcanvas.com/xmlns">\n`;
const FOOTER = "</graphml>\n";

/** Characters of a merged export's graphs gathered before one write. */
const FLUSH_CHARS = 1 << 20;

/**
 * Writes interviews as Network Canvas exports them to GraphML, one interview at a time:
 * - per session: `<caseId>_<sessionId>.graphml`, one `<graph>` each;
 * - merged: `<protocol name>.graphml`, one `<graph>` per session under one set of keys, node and edge ids
 *   counted across sessions. The key types follow every value in the file, so the graphs go to a hidden
 *   `.part` file first and are copied after the keys on close (memory holds one interview).
 * Each `<graph edgedefault="undirected">` carries `nc:caseId`, `nc:sessionUUID`, `nc:protocolName`,
 * `nc:sessionStart`, `nc:sessionFinish` (left out when empty) and `nc:sessionExported`; the ego's UUID and
 * variables are its `<data>`; `<node id>` (the CSV's nodeID) has networkCanvasType, networkCanvasUUID,
 * label (the alter's name) and its variables; `<edge id source target>` (the CSV's edgeID and from/to,
 * edge types in codebook order) has networkCanvasType, networkCanvasUUID and the two ends' UUIDs.
 *
 * Example: new NetworkCanvasGraphmlWriter({...layout: "merged"}).write(interview); close() → ["cohort.graphml"].
 */
export class NetworkCanvasGraphmlWriter {
  private readonly options: NetworkCanvasGraphmlOptions;
  private readonly keys: GraphmlKeyPlan;
  private readonly written: string[] = [];
  private nextNodeId = 1;
  private nextEdgeId = 1;
  /** Merged export: the graphs written so far, and those not yet flushed. */
  private part: { file: string; fd: number } | undefined;
  private pending: string[] = [];
  private pendingChars = 0;
  private closed = false;

  constructor(options: NetworkCanvasGraphmlOptions) {
    this.options = options;
    this.keys = new GraphmlKeyPlan(options.codebook);
    try {
      mkdirSync(options.dir, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create ${options.dir}: ${(e as Error).message}`);
    }
  }

  /** The merged file's name. */
  private get mergedName(): string {
    return `${fileSafe(this.options.protocolName)}.graphml`;
  }

  /** Writes one interview. */
  write(interview: SynthInterview): void {
    if (this.closed) throw new Error("bug: NetworkCanvasGraphmlWriter.write after close");
    if (this.options.layout === "merged") {
      if (this.part === undefined) {
        const file = path.join(this.options.dir, `.${this.mergedName}.part`);
        this.part = { file, fd: openFile(file) };
      }
      const graph = this.graph(interview, this.nextNodeId, this.nextEdgeId);
      this.nextNodeId += interview.alters.length;
      this.nextEdgeId += interview.ties.length;
      this.pending.push(graph);
      this.pendingChars += graph.length;
      if (this.pendingChars >= FLUSH_CHARS) this.flush();
      return;
    }
    this.keys.reset();
    const graph = this.graph(interview, 1, 1);
    const name = `${fileSafe(interview.caseId)}_${fileSafe(interview.sessionId)}.graphml`;
    const file = path.join(this.options.dir, name);
    const fd = openFile(file);
    this.written.push(name);
    try {
      writeText(file, fd, HEADER + this.keys.keyLines() + graph + FOOTER);
    } finally {
      closeFile(file, fd);
    }
  }

  /** Finishes the export (merged: the keys, then the graphs) and lists the files written. */
  close(): string[] {
    if (this.closed) return [...this.written];
    this.closed = true;
    if (this.options.layout !== "merged") return [...this.written];
    const name = this.mergedName;
    const file = path.join(this.options.dir, name);
    const part = this.part;
    try {
      if (part) {
        this.flush();
        closeFile(part.file, part.fd);
      }
      const fd = openFile(file);
      this.written.push(name);
      try {
        writeText(file, fd, HEADER + this.keys.keyLines());
        if (part) copyInto(part.file, file, fd);
        writeText(file, fd, FOOTER);
      } finally {
        closeFile(file, fd);
      }
    } finally {
      if (part) rmSync(part.file, { force: true });
    }
    return [...this.written];
  }

  /** Closes and deletes the merged export's `.part` file after a failure (nothing else is reported). */
  abandon(): void {
    this.closed = true;
    if (!this.part) return;
    try {
      closeSync(this.part.fd);
    } catch {
      // already closed
    }
    rmSync(this.part.file, { force: true });
  }

  private flush(): void {
    if (!this.part || this.pending.length === 0) return;
    writeText(this.part.file, this.part.fd, this.pending.join(""));
    this.pending = [];
    this.pendingChars = 0;
  }

  /** One `<graph>`, its node and edge ids counted from the given ones. */
  private graph(interview: SynthInterview, firstNodeId: number, firstEdgeId: number): string {
    const { keys, options } = this;
    const attribute = (name: string, value: string) => ` nc:${name}="${xmlText(value)}"`;
    const lines = [
      `  <graph edgedefault="undirected"` +
        attribute("caseId", interview.caseId) +
        attribute("sessionUUID", interview.sessionId) +
        attribute("protocolName", options.protocolName) +
        attribute("sessionStart", interview.sessionStart) +
        (interview.sessionFinish === "" ? "" : attribute("sessionFinish", interview.sessionFinish)) +
        attribute("sessionExported", options.exportedAt) +
        ">",
      `    <data key="networkCanvasUUID">${xmlText(interview.egoUUID)}</data>`,
    ];
    keys.data(lines, "    ", keys.ego, interview.ego, undefined, `ego of ${interview.caseId}`);
    interview.alters.forEach((alter, i) => {
      const entity = keys.node.get(alter.nodeType);
      if (!entity) throw new OutputError(`${interview.caseId}: node type "${alter.nodeType}" is not in the codebook`);
      lines.push(
        `    <node id="${firstNodeId + i}">`,
        `      <data key="networkCanvasType">${xmlText(alter.nodeType)}</data>`,
        `      <data key="networkCanvasUUID">${xmlText(alter.uuid)}</data>`,
      );
      const name = alter.attributes.name;
      if (typeof name === "string" && name !== "") lines.push(`      <data key="label">${xmlText(name)}</data>`);
      keys.data(lines, "      ", entity, alter.attributes, alter.layout, `${interview.caseId} ${alter.nodeType}`);
      lines.push("    </node>");
    });
    for (const tie of interview.ties) {
      checkTie(tie, interview);
      if (!keys.edge.has(tie.edgeType)) throw new OutputError(`${interview.caseId}: edge type "${tie.edgeType}" is not in the codebook`);
    }
    let edgeId = firstEdgeId;
    for (const [type, entity] of keys.edge) {
      for (const tie of interview.ties) {
        if (tie.edgeType !== type) continue;
        const source = interview.alters[tie.source];
        const target = interview.alters[tie.target];
        lines.push(
          `    <edge id="${edgeId++}" source="${firstNodeId + tie.source}" target="${firstNodeId + tie.target}">`,
          `      <data key="networkCanvasType">${xmlText(type)}</data>`,
          `      <data key="networkCanvasUUID">${xmlText(tie.uuid)}</data>`,
          `      <data key="networkCanvasSourceUUID">${xmlText(source.uuid)}</data>`,
          `      <data key="networkCanvasTargetUUID">${xmlText(target.uuid)}</data>`,
        );
        keys.data(lines, "      ", entity, tie.attributes ?? {}, undefined, `${interview.caseId} ${type}`);
        lines.push("    </edge>");
      }
    }
    lines.push("  </graph>");
    return lines.join("\n") + "\n";
  }
}

function openFile(file: string): number {
  try {
    return openSync(file, "w");
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

function closeFile(file: string, fd: number): void {
  try {
    closeSync(fd);
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

function writeText(file: string, fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** Appends the bytes of `from` to the open file `fd`, a megabyte at a time. */
function copyInto(from: string, file: string, fd: number): void {
  let input: number;
  try {
    input = openSync(from, "r");
  } catch (e) {
    throw new OutputError(`cannot read ${from}: ${(e as Error).message}`);
  }
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (;;) {
      const n = readSync(input, buffer, 0, buffer.length, null);
      if (n === 0) break;
      try {
        for (let done = 0; done < n; ) done += writeSync(fd, buffer, done, n - done);
      } catch (e) {
        throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
      }
    }
  } finally {
    closeSync(input);
  }
}
