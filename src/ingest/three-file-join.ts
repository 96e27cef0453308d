import type { ProblemSink } from "../model/index.js";
import { NearIds } from "./near-id.js";
import { readCsvRows, type CsvRow } from "./three-file-csv.js";
import type { TableScan, ThreeFileTable } from "./three-file-scan.js";

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
  private readonly rows: AsyncGenerator<CsvRow>;
  private readonly buffered = new Map<string, CsvRow[]>();
  /** For the hint when a row's ego id nearly matches a known one. */
  private readonly near: NearIds;
  private exhausted = false;
  private started = false;
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
    this.rows = readCsvRows(table, table.delimiter, problems);
    this.near = new NearIds(knownEgoIds);
  }

  /** Every row of `egoId`, in file order. */
  async take(egoId: string): Promise<CsvRow[]> {
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
  private async readGroup(egoId: string, started = false): Promise<CsvRow[]> {
    const out: CsvRow[] = [];
    let seen = started;
    for (;;) {
      const row = await this.next();
      if (row === undefined) return out;
      const id = row.cells[this.egoIdIndex];
      this.current = id;
      if (id === egoId) {
        seen = true;
        out.push(row);
        continue;
      }
      this.buffer(id, row);
      if (seen) return out;
    }
  }

  private async readAll(): Promise<void> {
    for (;;) {
      const row = await this.next();
      if (row === undefined) return;
      this.buffer(row.cells[this.egoIdIndex], row);
    }
  }

  private buffer(egoId: string, row: CsvRow): void {
    const list = this.buffered.get(egoId);
    if (list === undefined) this.buffered.set(egoId, [row]);
    else list.push(row);
  }

  /** The next data row of a known ego; the header is skipped, rows of unknown egos are reported. */
  private async next(): Promise<CsvRow | undefined> {
    for (;;) {
      if (this.exhausted) return undefined;
      const r = await this.rows.next();
      if (r.done) {
        this.exhausted = true;
        this.current = undefined;
        return undefined;
      }
      if (!this.started) {
        this.started = true;
        continue;
      }
      const id = r.value.cells[this.egoIdIndex];
      if (this.knownEgoIds.has(id)) return r.value;
      this.problems.report({
        severity: "error",
        code: "unknown-ego",
        file: this.table.file,
        line: r.value.line,
        message:
          id === ""
            ? `this ${this.what} row has no ego id`
            : `this ${this.what} row belongs to ego "${id}", which is not in ${this.egoFileName}${this.near.hint(id, "ego")}`,
      });
    }
  }
}
