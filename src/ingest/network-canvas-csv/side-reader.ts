import type { ProblemSink } from "../../model/index.js";
import type { CsvRun } from "../csv/csv-lexer.js";
import { csvRecords, widthProblem } from "../csv/csv-records.js";
import { csvRuns } from "../csv/csv-rows.js";
import { RowsOutOfOrder } from "../rows-out-of-order.js";
import type { SidePiece } from "./csv-ego-parts.js";
import type { ExportFile } from "./export-file.js";
import { largeChunks } from "./file-chunks.js";

/**
 * Reads one side file (node or edge rows) in step with the ego file, a run of rows at a time. How it knows
 * an ego's rows are all read: a one-ego export's are all its rows; for a merged export, either counts per
 * ego (from a first pass, so any order works: rows of later egos met on the way are kept for them) or, in
 * one pass, the rows of a later ego (then rows of an earlier ego met after it throw RowsOutOfOrder).
 */
export class SideReader {
  private readonly runs: AsyncGenerator<CsvRun[]>;
  private batch: CsvRun[] = [];
  private at = 0;
  private done = false;
  private readonly pending = new Map<string, CsvRun[]>();
  private readonly noEgoColumn: boolean;

  constructor(
    readonly file: ExportFile,
    private readonly egoFile: ExportFile,
    private readonly known: Map<string, number>,
    /** One-ego export: undefined. Merged: rows per egoUUID, or "in-order" (no counts, one pass). */
    private readonly counts: Map<string, number> | "in-order" | undefined,
    private readonly problems: ProblemSink,
  ) {
    const col = file.plan!.fixed.networkCanvasEgoUUID;
    this.noEgoColumn = col === undefined;
    this.runs = csvRuns(largeChunks(file.source), col, (p) => problems.report(p));
  }

  /** The next run, left unread. */
  private async peek(): Promise<CsvRun | undefined> {
    while (this.at >= this.batch.length) {
      if (this.done) return undefined;
      const r = await this.runs.next();
      if (r.done) {
        this.done = true;
        this.batch = [];
        return undefined;
      }
      this.batch = r.value;
      this.at = 0;
    }
    return this.batch[this.at];
  }

  /** The next run, read (problems found just before it are reported now). */
  private async next(): Promise<CsvRun | undefined> {
    const run = await this.peek();
    if (run === undefined) return undefined;
    this.at++;
    if (run.before) for (const p of run.before) this.problems.report(p);
    return run;
  }

  /** The rows of ego `uuid` (the `index`-th of the ego file), as pieces of the file's text. */
  async take(uuid: string, index: number): Promise<SidePiece[]> {
    const mine: SidePiece[] = [];
    if (!this.counts) {
      // One ego in this export: every row is its, or belongs to an unknown ego.
      for (let run = await this.next(); run; run = await this.next()) {
        if (this.noEgoColumn || run.key === uuid) mine.push({ text: run.text, line: run.line });
        else this.unknownEgo(run);
      }
      return mine;
    }
    if (this.counts === "in-order") {
      for (let run = await this.peek(); run; run = await this.peek()) {
        if (run.key !== uuid) {
          const owner = this.known.get(run.key);
          if (owner !== undefined && owner > index) break; // the next ego's rows: this one's are all read
          if (owner !== undefined) throw new RowsOutOfOrder(this.file.source.name);
          await this.next();
          this.unknownEgo(run);
          continue;
        }
        await this.next();
        mine.push({ text: run.text, line: run.line });
      }
      return mine;
    }
    let need = this.counts.get(uuid) ?? 0;
    const ready = this.pending.get(uuid);
    if (ready) {
      this.pending.delete(uuid);
      for (const run of ready) {
        mine.push({ text: run.text, line: run.line });
        need -= run.rows;
      }
    }
    while (need > 0) {
      const run = await this.next();
      if (!run) break;
      if (run.key === uuid) {
        mine.push({ text: run.text, line: run.line });
        need -= run.rows;
      } else if (this.known.has(run.key)) {
        // Out of ego-file order: keep it for its ego.
        const list = this.pending.get(run.key);
        if (list) list.push(run);
        else this.pending.set(run.key, [run]);
      } else this.unknownEgo(run);
    }
    return mine;
  }

  /** After the last ego: whatever is left belongs to no ego of the ego file. */
  async drain(): Promise<void> {
    for (let run = await this.next(); run; run = await this.next()) {
      if (this.counts === "in-order" && this.known.has(run.key)) throw new RowsOutOfOrder(this.file.source.name);
      if (!this.counts || !this.known.has(run.key)) this.unknownEgo(run);
    }
  }

  async close(): Promise<void> {
    await this.runs.return(undefined);
  }

  private unknownEgo(run: CsvRun): void {
    const what = this.file.kind === "node" ? "alter" : "tie";
    const width = this.file.header!.length;
    for (const row of csvRecords(run.text, run.line, width, this.file.source.name)) {
      const mismatch = row.fields.length === width ? undefined : widthProblem(this.file.source.name, row.line, row.fields.length, width);
      if (mismatch) this.problems.report(mismatch);
      this.problems.report({
        severity: "error",
        code: "unknown-ego",
        file: this.file.source.name,
        line: row.line,
        message: `${what} of an unknown ego: this row's networkCanvasEgoUUID ${run.key ? run.key : "(empty)"} is not in ${this.egoFile.source.name}`,
      });
    }
  }
}
