import type { ProblemSink } from "../model/index.js";
import { csvRecords } from "./csv/csv-records.js";
import { csvRuns } from "./csv/csv-rows.js";
import { openCsvFile } from "./csv/csv-file.js";
import { NearIds } from "./near-id.js";
import { readCsvRows, type CsvRow } from "./three-file-csv.js";
import type { TableScan, ThreeFileTable } from "./three-file-scan.js";

/** Consecutive rows of one ego as the file holds them, not yet split into cells (see csvRuns). */
export interface RowsText {
  text: string;
  line: number;
}

/** What the join hands out: split rows, or (a comma-separated table) runs of rows still text. */
export type JoinedRows = Array<CsvRow | RowsText>;

/** The rows of joined units, split as readCsvRows splits them: a row of the wrong width is reported and left out. */
export function splitJoined(units: JoinedRows, width: number, file: string, problems: ProblemSink): CsvRow[] {
  if (units.every((u) => "cells" in u)) return units as CsvRow[];
  const rows: CsvRow[] = [];
  for (const u of units) {
    if ("cells" in u) rows.push(u);
    else for (const r of csvRecords(u.text, u.line, width, file, (p) => problems.report(p))) if (r.fields.length === width) rows.push({ cells: r.fields, line: r.line });
  }
  return rows;
}

type Unit = { key: string; unit: CsvRow | RowsText };

/**
 * The data rows of a table as units keyed by ego id: runs of text from the fast lexer when the table is
 * comma-separated with decimal points (the cells are split where the ego is built), else split rows.
 */
async function* tableUnits(table: ThreeFileTable, egoIdIndex: number, problems: ProblemSink): AsyncGenerator<Unit> {
  if (table.delimiter === "," && table.decimal !== ",") {
    const source = await openCsvFile(table.path, table.file);
    for await (const runs of csvRuns(source, egoIdIndex, (p) => problems.report(p))) {
      for (const run of runs) {
        for (const p of run.before ?? []) problems.report(p);
        yield { key: run.key, unit: { text: run.text, line: run.line } };
      }
    }
    return;
  }
  let header = true;
  for await (const row of readCsvRows(table, table.delimiter, problems)) {
    if (header) header = false;
    else yield { key: row.cells[egoIdIndex], unit: row };
  }
}

/**
 * Hands out the rows of one table (alters or ties) ego by ego, in whatever order the egos are asked for.
 *
 * When the table's rows are grouped by ego (each ego's rows contiguous, as the scan found), it streams:
 * groups read past while looking for the wanted ego are buffered until asked for, so memory stays at one
 * group when the table follows the ego file's order and grows only with groups that come early. When rows
 * are not grouped, the whole table is buffered on first use (the only way to be sure an ego is complete).
 * Rows of an ego not in the ego file are reported (error `unknown-ego`) and dropped.
 */
export class EgoRowJoin {
  private readonly rows: AsyncGenerator<Unit>;
  private readonly buffered = new Map<string, JoinedRows>();
  /** For the hint when a row's ego id nearly matches a known one. */
  private readonly near: NearIds;
  private exhausted = false;
  /** The ego whose row was read last (its group may go on). */
  private current: string | undefined;

  constructor(
    private readonly table: ThreeFileTable,
    private readonly scan: TableScan,
    private readonly egoIdIndex: number,
    private readonly knownEgoIds: ReadonlySet<string>,
    private readonly what: "alter" | "tie",
    /** The ego file's name, for messages. */
    private readonly egoFileName: string,
    private readonly problems: ProblemSink,
  ) {
    this.rows = tableUnits(table, egoIdIndex, problems);
    this.near = new NearIds(knownEgoIds);
  }

  /** Every row of `egoId`, in file order. */
  async take(egoId: string): Promise<JoinedRows> {
    if (!this.scan.egoIds.has(egoId)) return [];
    if (!this.scan.grouped) {
      if (!this.exhausted) await this.readAll();
      const all = this.buffered.get(egoId) ?? [];
      this.buffered.delete(egoId);
      return all;
    }
    const ready = this.buffered.get(egoId);
    if (ready !== undefined) {
      this.buffered.delete(egoId);
      // A buffered group is complete unless it is the one the reader stopped in.
      if (this.exhausted || this.current !== egoId) return ready;
      return [...ready, ...(await this.readGroup(egoId, true))];
    }
    return this.readGroup(egoId);
  }

  /** Reads what no ego asked for, so rows of unknown egos at the end are reported too. */
  async finish(): Promise<void> {
    await this.readAll();
    this.buffered.clear();
  }

  /** Closes the file (also when the consumer stops early). */
  async close(): Promise<void> {
    await this.rows.return(undefined);
  }

  /**
   * Reads on until the group of `egoId` has been read whole (`started`: its first row was read already);
   * other groups met on the way are buffered.
   */
  private async readGroup(egoId: string, started = false): Promise<JoinedRows> {
    const out: JoinedRows = [];
    let seen = started;
    for (;;) {
      const next = await this.next();
      if (next === undefined) return out;
      const id = next.key;
      this.current = id;
      if (id === egoId) {
        seen = true;
        out.push(next.unit);
        continue;
      }
      this.buffer(id, next.unit);
      if (seen) return out;
    }
  }

  private async readAll(): Promise<void> {
    for (;;) {
      const next = await this.next();
      if (next === undefined) return;
      this.buffer(next.key, next.unit);
    }
  }

  private buffer(egoId: string, row: CsvRow | RowsText): void {
    const list = this.buffered.get(egoId);
    if (list === undefined) this.buffered.set(egoId, [row]);
    else list.push(row);
  }

  /** The next unit of a known ego; rows of unknown egos are reported. */
  private async next(): Promise<Unit | undefined> {
    for (;;) {
      if (this.exhausted) return undefined;
      const r = await this.rows.next();
      if (r.done) {
        this.exhausted = true;
        this.current = undefined;
        return undefined;
      }
      const { key, unit } = r.value;
      if (this.knownEgoIds.has(key)) return r.value;
      for (const row of splitJoined([unit], this.table.width, this.table.file, this.problems)) {
        // A row too short to have the ego id column was reported as short by the split.
        const id = row.cells[this.egoIdIndex];
        this.problems.report({
          severity: "error",
          code: "unknown-ego",
          file: this.table.file,
          line: row.line,
          message:
            id === ""
              ? `this ${this.what} row has no ego id`
              : `this ${this.what} row belongs to ego "${id}", which is not in ${this.egoFileName}${this.near.hint(id, "ego")}`,
        });
      }
    }
  }
}
