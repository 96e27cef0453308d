import { parse, type CsvError, type Options } from "csv-parse";
import type { Problem } from "../../model/index.js";
import type { SourceFile } from "../source-file.js";
import { checkedText, type TextState } from "./checked-text.js";
import { CSV_MESSAGES, CsvInputError, widthProblem } from "./csv-problem-codes.js";
import { csvRecordText } from "./csv-records.js";
import { CsvLexer, MAX_RECORD_CHARS, type CsvRow, type CsvRun } from "./csv-lexer.js";
import type { Delimiter } from "./csv-file.js";

export type { CsvRow } from "./csv-lexer.js";

/** How csvRows reads: the Network Canvas export takes the defaults. */
export interface CsvReadOptions {
  /** The field delimiter (default `,`, the only one the fast lexer handles; others go to csv-parse). */
  delimiter?: Delimiter;
  /** Stop at the first problem other than a short or long row, throwing it as a CsvInputError. */
  strict?: boolean;
  /** A short or long row: yielded (default), reported and skipped, or thrown as a CsvInputError. */
  widthRows?: "keep" | "skip" | "stop";
}

/**
 * Streams the records of a CSV file, header first: the one CSV reader. Accepts a UTF-8 BOM and CRLF, LF
 * or CR line ends (even mixed); quoted fields may hold newlines. Every problem (the codes of
 * csv-problem-codes.ts) is reported, when `report` is given, as an error with file and line, and the rows
 * before it are still yielded; a csv-syntax record is skipped and reading goes on, short and long rows are
 * yielded. `options` makes it strict (the tables), stopping instead. Blank lines are skipped. Never hangs,
 * never throws for bad content unless strict. Memory: one chunk plus one record.
 */
export async function* csvRows(file: SourceFile, report?: (problem: Problem) => void, options: CsvReadOptions = {}): AsyncGenerator<CsvRow> {
  yield* csvStream(file, report, null, options) as AsyncGenerator<CsvRow>;
}

/**
 * The data records of a CSV file (header left out) as CsvRuns keyed by column `keyColumn` (undefined: the
 * file has no such column, every key is ""), one array per piece read. Problems are those of csvRows
 * except `short-row` / `long-row`, which csvRecords reports when the runs' text is split into rows.
 */
export function csvRuns(
  file: SourceFile,
  keyColumn: number | undefined,
  report?: (problem: Problem) => void,
): AsyncGenerator<CsvRun[]> {
  return csvStream(file, report, keyColumn, {}) as AsyncGenerator<CsvRun[]>;
}

async function* csvStream(
  file: SourceFile,
  report: ((problem: Problem) => void) | undefined,
  keyColumn: number | undefined | null,
  { delimiter = ",", strict = false, widthRows = "keep" }: CsvReadOptions,
): AsyncGenerator<CsvRow | CsvRun[]> {
  const problem = (code: string, line: number, message: string, column?: number): Problem => {
    const p: Problem = { severity: "error", code, file: file.name, line, message };
    if (column !== undefined) p.column = column;
    return p;
  };
  const emit = (p: Problem) => {
    const width = p.code === "short-row" || p.code === "long-row";
    if (width ? widthRows === "stop" : strict) throw new CsvInputError(p);
    report?.(p);
  };
  if (file.size === 0) {
    emit(problem("empty-file", 1, CSV_MESSAGES.emptyFile));
    return;
  }

  const state: TextState = { fault: undefined, stop: false };
  const pending: Problem[] = []; // syntax problems found ahead of the rows consumed so far
  let lastEnd = 0; // true line of the end of the last record
  let extra = 0; // csv-parse counts a CRLF inside a quoted field as two lines; this corrects for it
  let lineOffset = 0; // lines read by the fast path before csv-parse took over
  let syntaxErrors = 0;
  let lastSyntaxLine = -1;
  // A strict reader stops at the fault, so its message says the file is refused, as the tables always said.
  const unterminated = strict ? `not valid CSV: ${CSV_MESSAGES.unterminatedQuote}` : CSV_MESSAGES.unterminatedQuote;
  const options: Options = {
    delimiter,
    relax_column_count: true,
    bom: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (err: CsvError | undefined) => {
      if (state.stop || !err) return undefined;
      const code = err.code;
      if (code === "CSV_QUOTE_NOT_CLOSED") {
        if (state.fault) return undefined; // the text fault already explains the cut
        pending.push(
          problem(
            "unterminated-quote",
            lastEnd + 1,
            syntaxErrors > 0 ? CSV_MESSAGES.unreadableAfterSyntax : unterminated,
          ),
        );
        return undefined;
      }
      if (code === "CSV_MAX_RECORD_SIZE") {
        state.stop = true;
        pending.push(problem("csv-syntax", lastEnd + 1, `a record longer than ${MAX_RECORD_CHARS} characters: not an export file, or an unclosed quote`));
        return undefined;
      }
      syntaxErrors++;
      const line = typeof err.lines === "number" && err.lines > 0 ? Math.max(err.lines + lineOffset - extra, lastEnd + 1) : lastEnd + 1;
      const column = typeof err.index === "number" ? err.index + 1 : undefined;
      const what = err.message.replace(/\s+at line \d+.*$/s, "");
      if (line === lastSyntaxLine) return undefined; // one message per malformed row
      lastSyntaxLine = line;
      pending.push(problem("csv-syntax", line, strict ? `not valid CSV: ${what}` : `not valid CSV (${what}); the row is skipped`, column));
      lastEnd = line;
      return undefined;
    },
  };
  // Text goes to the fast lexer; at the first record it does not handle, that record and the rest of the
  // file go to csv-parse, which reports the fault exactly (its line count then starts where the lexer stopped).
  const lexer = new CsvLexer(keyColumn);
  const parsed: Array<CsvRow | CsvRun> = [];
  // The parser is fed text by hand and hands back records as they complete (a Transform in flowing mode
  // emits "data" during write), so no stream pipeline, back-pressure or abort machinery is involved.
  let parser: ReturnType<typeof parse> | undefined;
  let finished: Promise<void> = Promise.resolve();
  let failure: unknown;
  let received = 0;
  const startParser = (text: string) => {
    lastEnd = lexer.lastEnd;
    lineOffset = lexer.line - 1;
    const p = (parser = parse(options));
    p.on("data", (record: string[]) => {
      // Delivered while the parser stands at the end of this record, so its line count is this record's.
      if (p.info.records !== ++received) {
        failure ??= new Error("bug: records arrived out of step with the parser");
        return;
      }
      extra += quotedCrlfs(record);
      const end = p.info.lines + lineOffset - extra;
      lastEnd = end;
      parsed.push({ fields: record, line: end - lineBreaks(record) });
    });
    p.on("error", (e) => (failure = e));
    finished = new Promise<void>((resolve) => {
      p.on("end", resolve);
      p.on("close", resolve);
      p.on("error", () => resolve());
    });
    p.write(text);
  };
  const feed = (text: string, final: boolean) => {
    if (parser) {
      if (text.length > 0) parser.write(text);
      return;
    }
    if (delimiter !== ",") {
      startParser(text); // the lexer knows only `,`
      return;
    }
    const rest = lexer.push(text, final, parsed);
    if (rest === undefined) lastEnd = lexer.lastEnd;
    else startParser(rest);
  };

  const flushBefore = (line: number) => {
    while (pending.length > 0 && (pending[0].line ?? 0) < line) emit(pending.shift()!);
  };
  let width = -1;
  let stopped = false;
  /** Checks the rows parsed so far and passes them on; false once the file can be read no further. */
  function* deliver(): Generator<CsvRow, boolean> {
    const rows = parsed.splice(0, parsed.length) as CsvRow[];
    for (const row of rows) {
      if (width === -1 && pending.length > 0 && (pending[0].line ?? 0) < row.line) {
        emit(pending[0]); // the header line itself is malformed: nothing after it can be placed
        return false;
      }
      flushBefore(row.line);
      const fields = row.fields;
      if (fields.length === 1 && fields[0] === "") {
        if (width === -1) {
          emit(problem("empty-file", row.line, CSV_MESSAGES.blankFirstLine));
          return false;
        }
        continue;
      }
      if (width === -1) width = fields.length;
      else if (fields.length !== width) {
        emit(widthProblem(file.name, row.line, fields.length, width, { delimiter, skipped: widthRows === "skip" })!);
        if (widthRows === "skip") continue;
      }
      yield row;
    }
    return true;
  }
  /** Run mode: the header, then runs (records csv-parse read become runs of one); false once reading must stop. */
  function* deliverRuns(): Generator<CsvRun[], boolean> {
    const items = parsed.splice(0, parsed.length);
    const out: CsvRun[] = [];
    let ok = true;
    for (const item of items) {
      let run: CsvRun;
      if ("fields" in item) {
        if (width === -1 && pending.length > 0 && (pending[0].line ?? 0) < item.line) {
          emit(pending[0]); // the header line itself is malformed: nothing after it can be placed
          ok = false;
          break;
        }
        const fields = item.fields;
        const blank = fields.length === 1 && fields[0] === "";
        if (width === -1) {
          flushBefore(item.line);
          if (blank) {
            emit(problem("empty-file", item.line, CSV_MESSAGES.blankFirstLine));
            ok = false;
            break;
          }
          width = fields.length;
          continue;
        }
        if (blank) continue; // problems before it wait for the next run
        const key = keyColumn === null || keyColumn === undefined ? "" : (fields[keyColumn] ?? "");
        run = { key, text: csvRecordText(fields), line: item.line, rows: 1 };
      } else run = item;
      let n = 0;
      while (n < pending.length && (pending[n].line ?? 0) < run.line) n++;
      if (n > 0) run.before = pending.splice(0, n);
      out.push(run);
    }
    if (out.length > 0) yield out;
    return ok;
  }
  const step = keyColumn === null ? deliver : deliverRuns;

  try {
    for await (const text of checkedText(file, state)) {
      feed(text, false);
      if (failure !== undefined) break;
      if (!(yield* step())) {
        stopped = true;
        return;
      }
    }
    if (failure === undefined) {
      feed("", true);
      if (parser) {
        parser.end();
        await finished;
      }
    }
    if (!(yield* step())) {
      stopped = true;
      return;
    }
    if (failure !== undefined) {
      flushBefore(Infinity);
      const detail = failure instanceof Error ? failure.message : String(failure);
      emit(problem("unreadable", lastEnd + 1, `cannot read the file: ${detail}`));
      return;
    }
    if (width === -1) {
      // No header: one problem says why.
      if (pending.length > 0) emit(pending[0]);
      else if (state.fault) emit(problem("not-text", state.fault.line, state.fault.message));
      else emit(problem("empty-file", 1, CSV_MESSAGES.noHeader));
      return;
    }
    flushBefore(Infinity);
    if (state.fault) emit(problem("not-text", state.fault.line, state.fault.message));
  } finally {
    state.stop = true;
    if (parser && (stopped || failure !== undefined || !parser.writableEnded)) parser.destroy();
  }
}

/** CRLF pairs inside a record's fields. */
function quotedCrlfs(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    for (let i = f.indexOf("\r\n"); i >= 0; i = f.indexOf("\r\n", i + 2)) n++;
  }
  return n;
}

/** Line breaks inside a record's fields (quoted newlines; CRLF, CR and LF each one line). */
function lineBreaks(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.length === 0 || (f.indexOf("\n") === -1 && f.indexOf("\r") === -1)) continue;
    n += f.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
}
