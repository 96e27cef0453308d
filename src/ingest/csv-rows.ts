import { isUtf8 } from "node:buffer";
import { parse, type CsvError, type Options } from "csv-parse";
import type { Problem } from "../model/index.js";
import type { SourceFile } from "./source-file.js";

/** One CSV record: its fields and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  fields: string[];
  line: number;
}

/** A record longer than this (characters) is refused: no real export row comes near it. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * Streams the records of a CSV file, header first. Accepts a UTF-8 BOM and CRLF, LF or CR line ends (even
 * mixed); quoted fields may hold newlines. Every problem is reported (when `report` is given) as an error
 * with file and line, and the rows before it are still yielded:
 * - `empty-file`: 0 bytes or no header line;
 * - `not-text`: NUL bytes, invalid UTF-8, or UTF-16 (a binary file, or text saved in another encoding);
 *   reading stops at the line where it starts;
 * - `unterminated-quote`: a quoted field never closed (typically a file cut short);
 * - `csv-syntax`: other malformed quoting (that record is skipped, reading goes on);
 * - `short-row` / `long-row`: a record with fewer / more fields than the header (still yielded).
 * Blank lines are skipped. Never hangs, never throws for bad content. Memory: one chunk plus one record.
 */
export async function* csvRows(file: SourceFile, report?: (problem: Problem) => void): AsyncGenerator<CsvRow> {
  const problem = (code: string, line: number, message: string, column?: number): Problem => {
    const p: Problem = { severity: "error", code, file: file.name, line, message };
    if (column !== undefined) p.column = column;
    return p;
  };
  const emit = (p: Problem) => report?.(p);
  if (file.size === 0) {
    emit(problem("empty-file", 1, "the file is empty (0 bytes): it has no header line"));
    return;
  }

  const state: TextState = { fault: undefined, stop: false };
  const pending: Problem[] = []; // syntax problems found ahead of the rows consumed so far
  let lastEnd = 0; // true line of the end of the last record
  let extra = 0; // csv-parse counts a CRLF inside a quoted field as two lines; this corrects for it
  let syntaxErrors = 0;
  let lastSyntaxLine = -1;
  const options: Options = {
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
            syntaxErrors > 0
              ? "after the malformed quoting reported above, the rest of the file from this row on cannot be read"
              : "a quoted field that starts in this row is never closed: the file is cut short or its quotes are broken",
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
      const line = typeof err.lines === "number" && err.lines > 0 ? Math.max(err.lines - extra, lastEnd + 1) : lastEnd + 1;
      const column = typeof err.index === "number" ? err.index + 1 : undefined;
      const what = err.message.replace(/\s+at line \d+.*$/s, "");
      if (line === lastSyntaxLine) return undefined; // one message per malformed row
      lastSyntaxLine = line;
      pending.push(problem("csv-syntax", line, `not valid CSV (${what}); the row is skipped`, column));
      lastEnd = line;
      return undefined;
    },
  };
  // The parser is fed text by hand and hands back records as they complete (a Transform in flowing mode
  // emits "data" during write), so no stream pipeline, back-pressure or abort machinery is involved.
  const parser = parse(options);
  const parsed: CsvRow[] = [];
  let failure: unknown;
  let received = 0;
  parser.on("data", (record: string[]) => {
    // Delivered while the parser stands at the end of this record, so its line count is this record's.
    if (parser.info.records !== ++received) {
      failure ??= new Error("bug: records arrived out of step with the parser");
      return;
    }
    extra += quotedCrlfs(record);
    const end = parser.info.lines - extra;
    lastEnd = end;
    parsed.push({ fields: record, line: end - lineBreaks(record) });
  });
  parser.on("error", (e) => (failure = e));
  const finished = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("close", resolve);
    parser.on("error", () => resolve());
  });

  const flushBefore = (line: number) => {
    while (pending.length > 0 && (pending[0].line ?? 0) < line) emit(pending.shift()!);
  };
  let width = -1;
  let stopped = false;
  /** Checks the rows parsed so far and passes them on; false once the file can be read no further. */
  function* deliver(): Generator<CsvRow, boolean> {
    const rows = parsed.splice(0, parsed.length);
    for (const row of rows) {
      if (width === -1 && pending.length > 0 && (pending[0].line ?? 0) < row.line) {
        emit(pending[0]); // the header line itself is malformed: nothing after it can be placed
        return false;
      }
      flushBefore(row.line);
      const fields = row.fields;
      if (fields.length === 1 && fields[0] === "") {
        if (width === -1) {
          emit(problem("empty-file", row.line, "the first line is blank: the file has no header line"));
          return false;
        }
        continue;
      }
      if (width === -1) width = fields.length;
      else if (fields.length < width) {
        emit(
          problem(
            "short-row",
            row.line,
            `this row has ${fields.length} fields but the header has ${width}: the file is cut short or was edited`,
          ),
        );
      } else if (fields.length > width) {
        emit(problem("long-row", row.line, `this row has ${fields.length} fields but the header has ${width} (an unquoted comma?)`));
      }
      yield row;
    }
    return true;
  }

  try {
    for await (const text of checkedText(file, state)) {
      parser.write(text);
      if (failure !== undefined) break;
      if (!(yield* deliver())) {
        stopped = true;
        return;
      }
    }
    if (failure === undefined) {
      parser.end();
      await finished;
    }
    if (!(yield* deliver())) {
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
      else emit(problem("empty-file", 1, "the file has no header line"));
      return;
    }
    flushBefore(Infinity);
    if (state.fault) emit(problem("not-text", state.fault.line, state.fault.message));
  } finally {
    state.stop = true;
    if (stopped || failure !== undefined || !parser.writableEnded) parser.destroy();
  }
}

interface TextState {
  fault: { line: number; message: string } | undefined;
  stop: boolean;
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

const MAX_CARRY = 16 * 1024 * 1024;

/**
 * Decodes UTF-8 whole lines at a time. At a NUL byte, invalid UTF-8 or a UTF-16 byte-order mark it records
 * the fault and its line in `state` and ends, having passed on only the complete lines before it.
 */
async function* checkedText(file: SourceFile, state: TextState): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8"); // drops a leading BOM
  let line = 1;
  let first = true;
  let carry: Uint8Array = new Uint8Array(0);
  const fault = (at: number, message: string) => {
    state.fault = { line: at, message };
  };
  const feed = (body: Uint8Array): string | undefined => {
    const nul = body.indexOf(0);
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    const bad = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid;
    if (bad >= 0) {
      const lineStart = body.lastIndexOf(10, bad) + 1;
      const faultLine = line + countNewlines(body, bad);
      fault(
        faultLine,
        bad === nul
          ? "the file holds NUL bytes from this line on: it is not a CSV text file (binary data, or text in an encoding such as UTF-16)"
          : "the file is not valid UTF-8 text from this line on (binary data, or saved in another encoding such as Windows-1252)",
      );
      const good = body.subarray(0, lineStart);
      return good.length > 0 ? decoder.decode(good, { stream: true }) : undefined;
    }
    line += countNewlines(body, body.length);
    return decoder.decode(body, { stream: true });
  };
  for await (const chunk of file.chunks()) {
    if (state.stop) return;
    let data = carry.length > 0 ? concat(carry, chunk) : chunk;
    if (first) {
      if (data.length < 2) {
        carry = data.slice();
        continue;
      }
      first = false;
      if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
        fault(1, 'the file is UTF-16 text; save it as UTF-8 CSV (in Excel: "CSV UTF-8")');
        return;
      }
    }
    // Pass on whole lines only, so a fault never leaves half a line behind it.
    let cut = data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length > MAX_CARRY) cut = completeLength(data);
    carry = data.slice(cut);
    data = data.subarray(0, cut);
    if (data.length === 0) continue;
    const text = feed(data);
    if (text) yield text;
    if (state.fault) return;
  }
  if (state.stop) return;
  if (carry.length > 0) {
    if (first && carry.length >= 2 && ((carry[0] === 0xff && carry[1] === 0xfe) || (carry[0] === 0xfe && carry[1] === 0xff))) {
      fault(1, 'the file is UTF-16 text; save it as UTF-8 CSV (in Excel: "CSV UTF-8")');
      return;
    }
    const text = feed(carry);
    if (text) yield text;
    if (state.fault) return;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countNewlines(data: Uint8Array, end: number): number {
  let n = 0;
  for (let i = data.indexOf(10); i >= 0 && i < end; i = data.indexOf(10, i + 1)) n++;
  return n;
}

/** Length of `data` without a trailing incomplete UTF-8 sequence. */
function completeLength(data: Uint8Array): number {
  const n = data.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = data[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** Index of the first byte of the first invalid UTF-8 sequence (data.length when there is none). */
function firstInvalidUtf8(data: Uint8Array): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = data[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return data.length;
}
