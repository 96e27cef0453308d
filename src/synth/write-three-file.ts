import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { OutputError } from "../errors.js";
import type { Codebook, Value, VariableSet } from "../model/index.js";
import { csvCell } from "../tables/index.js";
import type { SynthInterview } from "./synth-interview.js";

/** Column names of the three tables; `columns` in netsp.config.json must name the two type columns. */
export const THREE_FILE_COLUMNS = { egoId: "ego_id", alterId: "alter_id", nodeType: "node_type", source: "source", target: "target", edgeType: "edge_type" } as const;

/** Bytes gathered per table before one write. */
const FLUSH_BYTES = 1 << 20;

/**
 * Writes interviews in the three-table format (egor's `threefiles`), one interview at a time:
 * - egos.csv: ego_id, then every ego variable of the codebook;
 * - alters.csv: ego_id, alter_id (a1, a2, … within each ego), node_type, then the union of the node types'
 *   variables (layout left out; a categorical value as its options joined by `;`);
 * - ties.csv: ego_id, source, target, edge_type.
 * Comma-separated, LF line ends, cells quoted only when they must be (csvCell: formula guard included).
 *
 * Example: new ThreeFileWriter(dir, codebook).write(interview); …; close() → ["egos.csv", "alters.csv", "ties.csv"].
 */
export class ThreeFileWriter {
  private readonly egoVariables: string[];
  private readonly alterVariables: string[];
  private readonly files: OpenTable[] = [];
  private closed = false;

  constructor(
    private readonly dir: string,
    codebook: Codebook,
  ) {
    this.egoVariables = Object.keys(codebook.ego);
    const names = new Set<string>();
    for (const set of Object.values(codebook.node)) {
      for (const v of Object.values(set as VariableSet)) if (v.type !== "layout") names.add(v.name);
    }
    this.alterVariables = [...names];
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create ${dir}: ${(e as Error).message}`);
    }
    const c = THREE_FILE_COLUMNS;
    this.open("egos.csv", [c.egoId, ...this.egoVariables]);
    this.open("alters.csv", [c.egoId, c.alterId, c.nodeType, ...this.alterVariables]);
    this.open("ties.csv", [c.egoId, c.source, c.target, c.edgeType]);
  }

  write(interview: SynthInterview): void {
    if (this.closed) throw new Error("bug: ThreeFileWriter.write after close");
    const [egos, alters, ties] = this.files;
    const id = cell(interview.caseId);
    this.add(egos, [id, ...this.egoVariables.map((v) => cell(interview.ego[v] ?? null))].join(","));
    interview.alters.forEach((alter, i) => {
      const values = this.alterVariables.map((v) => cell(alter.attributes[v] ?? null));
      this.add(alters, [id, `a${i + 1}`, cell(alter.nodeType), ...values].join(","));
    });
    for (const tie of interview.ties) this.add(ties, `${id},a${tie.source + 1},a${tie.target + 1},${cell(tie.edgeType)}`);
  }

  /** Flushes and closes the three files; returns their names. */
  close(): string[] {
    if (!this.closed) {
      this.closed = true;
      for (const f of this.files) {
        this.flush(f);
        try {
          closeSync(f.fd);
        } catch (e) {
          throw new OutputError(`cannot write ${path.join(this.dir, f.name)}: ${(e as Error).message}`);
        }
      }
    }
    return this.files.map((f) => f.name);
  }

  private open(name: string, header: string[]): void {
    const file = path.join(this.dir, name);
    let fd: number;
    try {
      fd = openSync(file, "w");
    } catch (e) {
      throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
    }
    const entry = { name, fd, buffer: [] as string[], size: 0 };
    this.files.push(entry);
    this.add(entry, header.map(cell).join(","));
  }

  private add(file: OpenTable, line: string): void {
    file.buffer.push(line);
    file.size += line.length + 1;
    if (file.size >= FLUSH_BYTES) this.flush(file);
  }

  private flush(file: OpenTable): void {
    if (file.buffer.length === 0) return;
    try {
      writeSync(file.fd, file.buffer.join("\n") + "\n");
    } catch (e) {
      throw new OutputError(`cannot write ${path.join(this.dir, file.name)}: ${(e as Error).message}`);
    }
    file.buffer = [];
    file.size = 0;
  }
}

interface OpenTable {
  name: string;
  fd: number;
  buffer: string[];
  size: number;
}

/** A value as one CSV cell: lists joined by `;`, quoted when it holds a comma, quote or line break. */
function cell(value: Value): string {
  const text = Array.isArray(value) ? value.join(";") : csvCell(value as string | number | boolean | null);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
