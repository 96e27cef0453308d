import { isAscii, isUtf8 } from "node:buffer";
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
  yield* csvStream(file, report, null) as AsyncGenerator<CsvRow>;
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
  return csvStream(file, report, keyColumn) as AsyncGenerator<CsvRun[]>;
}

async function* csvStream(
  file: SourceFile,
  report: ((problem: Problem) => void) | undefined,
  keyColumn: number | undefined | null,
): AsyncGenerator<CsvRow | CsvRun[]> {
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
  let lineOffset = 0; // lines read by the fast path before csv-parse took over
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
      const line = typeof err.lines === "number" && err.lines > 0 ? Math.max(err.lines + lineOffset - extra, lastEnd + 1) : lastEnd + 1;
      const column = typeof err.index === "number" ? err.index + 1 : undefined;
      const what = err.message.replace(/\s+at line \d+.*$/s, "");
      if (line === lastSyntaxLine) return undefined; // one message per malformed row
      lastSyntaxLine = line;
      pending.push(problem("csv-syntax", line, `not valid CSV (${what}); the row is skipped`, column));
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
          emit(problem("empty-file", row.line, "the first line is blank: the file has no header line"));
          return false;
        }
        continue;
      }
      if (width === -1) width = fields.length;
      else if (fields.length !== width) emit(widthProblem(file.name, row.line, fields.length, width)!);
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
            emit(problem("empty-file", item.line, "the first line is blank: the file has no header line"));
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
      else emit(problem("empty-file", 1, "the file has no header line"));
      return;
    }
    flushBefore(Infinity);
    if (state.fault) emit(problem("not-text", state.fault.line, state.fault.message));
  } finally {
    state.stop = true;
    if (parser && (stopped || failure !== undefined || !parser.writableEnded)) parser.destroy();
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
  // Bytes passed on so far. Lines are counted only when a fault needs its line number (by reading the
  // file again up to it): counting them in every chunk cost a sixth of the reading time.
  let offset = 0;
  let first = true;
  let carry: Uint8Array = new Uint8Array(0);
  const fault = async (at: number, message: string) => {
    state.fault = { line: await lineAt(file, at), message };
  };
  let decoded = false;
  /** Whole lines of text: the text, or the fault's byte offset in `body` with the text before its line. */
  const feed = (body: Uint8Array): { text?: string; bad?: number } => {
    const nul = body.indexOf(0);
    const invalid = isUtf8(body) ? -1 : firstInvalidUtf8(body);
    const bad = nul >= 0 && (invalid < 0 || nul < invalid) ? nul : invalid;
    if (bad >= 0) {
      const lineStart = body.lastIndexOf(10, bad) + 1;
      const good = body.subarray(0, lineStart);
      return { text: good.length > 0 ? decoder.decode(good, { stream: true }) : undefined, bad };
    }
    // Plain ASCII after the first piece (the decoder must see that one, for its BOM) needs no decoding: a
    // one-byte copy is several times faster. Pieces end on whole lines, so the decoder holds nothing back.
    if (decoded && isAscii(body)) return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1") };
    decoded = true;
    return { text: decoder.decode(body, { stream: true }) };
  };
  /** Passes on `body` (whole lines); false once a fault is recorded. */
  const pass = async function* (body: Uint8Array): AsyncGenerator<string, boolean> {
    const { text, bad } = feed(body);
    if (bad !== undefined) {
      await fault(
        offset + bad,
        body[bad] === 0
          ? "the file holds NUL bytes from this line on: it is not a CSV text file (binary data, or text in an encoding such as UTF-16)"
          : "the file is not valid UTF-8 text from this line on (binary data, or saved in another encoding such as Windows-1252)",
      );
    }
    offset += body.length;
    if (text) yield text;
    return !state.fault;
  };
  const utf16 = (data: Uint8Array) => data.length >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
  // Pieces of a line longer than a chunk, joined once when the line ends (copying the growing carry on
  // every chunk made a 50 MB single-line file take seconds).
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  for await (const chunk of file.chunks()) {
    if (state.stop) return;
    if (!first && chunk.indexOf(10) === -1 && carry.length + heldBytes + chunk.length <= MAX_CARRY) {
      held.push(chunk);
      heldBytes += chunk.length;
      continue;
    }
    if (held.length > 0) {
      carry = concat(carry, ...held);
      held.length = 0;
      heldBytes = 0;
    }
    let data = chunk;
    if (first) {
      data = carry.length > 0 ? concat(carry, chunk) : chunk;
      carry = new Uint8Array(0);
      if (data.length < 2) {
        carry = data.slice();
        continue;
      }
      first = false;
      if (utf16(data)) {
        await fault(0, 'the file is UTF-16 text; save it as UTF-8 CSV (in Excel: "CSV UTF-8")');
        return;
      }
    } else if (carry.length > 0) {
      // The line the last chunk left unfinished, completed on its own: the rest of the chunk is not copied.
      const end = chunk.indexOf(10);
      if (end >= 0) {
        const line = concat(carry, chunk.subarray(0, end + 1));
        carry = new Uint8Array(0);
        if (!(yield* pass(line))) return;
        data = chunk.subarray(end + 1);
      } else {
        data = concat(carry, chunk);
        carry = new Uint8Array(0);
      }
    }
    // Pass on whole lines only, so a fault never leaves half a line behind it.
    let cut = data.lastIndexOf(10) + 1;
    if (cut === 0 && data.length > MAX_CARRY) cut = completeLength(data);
    carry = data.slice(cut);
    data = data.subarray(0, cut);
    if (data.length === 0) continue;
    if (!(yield* pass(data))) return;
  }
  if (state.stop) return;
  if (held.length > 0) carry = concat(carry, ...held);
  if (carry.length > 0) {
    if (first && utf16(carry)) {
      await fault(0, 'the file is UTF-16 text; save it as UTF-8 CSV (in Excel: "CSV UTF-8")');
      return;
    }
    if (!(yield* pass(carry))) return;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** The 1-based line on which byte `offset` of a file lies: its line feeds before it, plus one. */
async function lineAt(file: SourceFile, offset: number): Promise<number> {
  let line = 1;
  let at = 0;
  for await (const chunk of file.chunks()) {
    const end = Math.min(chunk.length, offset - at);
    for (let i = chunk.indexOf(10); i >= 0 && i < end; i = chunk.indexOf(10, i + 1)) line++;
    at += chunk.length;
    if (at >= offset) break;
  }
  return line;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
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

// ---------------------------------------------------------------------------------------------------------
// The fast path

/**
 * Consecutive records that share the value of a key column (a merged export's networkCanvasEgoUUID), as
 * the file holds them: `csvRuns` hands these out so that a reader can join rows to egos by comparing one
 * field, and leave splitting the rest of the fields (`csvRecords`) to whoever builds the ego.
 */
export interface CsvRun {
  /** The key column's value in every record of the run ("" when a record is too short to have it). */
  key: string;
  /** The records as written in the file, line ends included; blank lines may sit between them. */
  text: string;
  /** The line the run's first record starts on. */
  line: number;
  /** Records in the run (blank lines not counted). */
  rows: number;
  /** Problems to report when the reader reaches this run (a malformed record skipped just before it). */
  before?: Problem[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
/** Records longer than this (characters) are left to csv-parse, whose byte limit then decides. */
const FAST_MAX_RECORD = MAX_RECORD_CHARS / 4;

const OK = 0;
const INCOMPLETE = 1;
const ANOMALY = 2;

/**
 * Splits CSV text into records exactly as csv-parse does with csvRows' options (`,` and `"`, CRLF, LF or
 * CR line ends, `""` inside quotes), about ten times faster. It handles only well-formed text: at a quote
 * inside an unquoted field, anything but a delimiter or line end after a closing quote, a quote never
 * closed, or a record over FAST_MAX_RECORD characters it stops and returns the text from the start of that
 * record, so that the caller hands it (and the rest of the file) to csv-parse, which reports the fault.
 * Lines are counted as they are in the file (CRLF is one line end, inside quotes too).
 *
 * In run mode (a key column given) the records after the first are gathered into CsvRuns instead of split.
 */
export class CsvLexer {
  /** The line the next record starts on. */
  line: number;
  /** The line the last complete record ended on. */
  lastEnd: number;
  private rest = "";
  private first = true;
  private headerDone: boolean;
  // Outputs of lexComplex.
  private fields: string[] = [];
  private next = 0;
  private breaks = 0;

  /**
   * @param keyColumn run mode: the column whose value groups records into runs (undefined: no such column,
   *   every key is ""); null: fields mode.
   * @param line the line the text starts on.
   * @param header in run mode, whether the first record is a header to hand out as fields.
   */
  constructor(
    private readonly keyColumn: number | undefined | null = null,
    line = 1,
    header = true,
  ) {
    this.line = line;
    this.lastEnd = line - 1;
    this.headerDone = keyColumn === null || !header;
  }

  /**
   * Lexes the next piece of text; records (and runs) go to `out`. Returns undefined when all went well,
   * else the text from the start of the record it could not handle on.
   */
  push(chunk: string, final: boolean, out: Array<CsvRow | CsvRun>): string | undefined {
    let text = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = "";
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // csv-parse's `bom` (the decoder took the first)
    }
    const len = text.length;
    let i = 0;
    let lf = -1;
    let quote = -1;
    let cr = -1;
    // The run being gathered (run mode).
    let runKey = "";
    let runStart = -1;
    let runEnd = 0;
    let runLine = 0;
    let runRows = 0;
    const closeRun = () => {
      if (runStart >= 0) out.push({ key: runKey, text: text.slice(runStart, runEnd), line: runLine, rows: runRows });
      runStart = -1;
    };
    while (i < len) {
      if (lf < i) {
        lf = text.indexOf("\n", i);
        if (lf === -1) lf = len;
      }
      if (quote < i) {
        quote = text.indexOf('"', i);
        if (quote === -1) quote = Infinity;
      }
      if (cr < i) {
        cr = text.indexOf("\r", i);
        if (cr === -1) cr = Infinity;
      }
      const startLine = this.line;
      let next: number;
      let contentEnd = -1; // set for a simple line (no quote, no lone CR)
      let fields: string[] | undefined;
      if (quote >= lf && (cr >= lf - 1 || cr === Infinity)) {
        if (lf === len && !final) break; // the line may go on in the next piece
        contentEnd = lf > i && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        if (contentEnd - i > FAST_MAX_RECORD) return this.giveUp(text, i, closeRun);
        next = lf < len ? lf + 1 : len;
        this.line++;
        this.lastEnd = startLine;
      } else {
        const status = this.lexComplex(text, i, final);
        if (status === INCOMPLETE) break;
        if (status === ANOMALY) return this.giveUp(text, i, closeRun);
        fields = this.fields;
        next = this.next;
        this.lastEnd = startLine + this.breaks;
        this.line = this.lastEnd + 1;
      }

      if (!this.headerDone || this.keyColumn === null) {
        fields ??= text.slice(i, contentEnd).split(",");
        out.push({ fields, line: startLine });
        this.headerDone = true;
        i = next;
        continue;
      }

      // Run mode.
      const blank = fields === undefined ? contentEnd === i : fields.length === 1 && fields[0] === "";
      if (blank) {
        if (runStart >= 0) runEnd = next;
        i = next;
        continue;
      }
      const k = this.keyColumn;
      let same = false;
      let key = "";
      if (fields !== undefined) {
        key = k === undefined ? "" : (fields[k] ?? "");
        same = runStart >= 0 && key === runKey;
      } else if (k !== undefined) {
        let p = i;
        for (let c = 0; c < k && p >= 0; c++) {
          const comma = text.indexOf(",", p);
          p = comma === -1 || comma >= contentEnd ? -1 : comma + 1;
        }
        if (p >= 0) {
          let e = text.indexOf(",", p);
          if (e === -1 || e > contentEnd) e = contentEnd;
          same = runStart >= 0 && e - p === runKey.length && text.startsWith(runKey, p);
          if (!same) key = text.slice(p, e);
        } else same = runStart >= 0 && runKey === "";
      } else same = runStart >= 0;
      if (!same) {
        closeRun();
        runKey = key;
        runStart = i;
        runLine = startLine;
        runRows = 0;
      }
      runRows++;
      runEnd = next;
      i = next;
    }
    closeRun();
    this.rest = i < len ? text.slice(i) : "";
    if (this.rest.length > FAST_MAX_RECORD || (final && this.rest.length > 0)) {
      const rest = this.rest;
      this.rest = "";
      return rest;
    }
    return undefined;
  }

  private giveUp(text: string, at: number, closeRun: () => void): string {
    closeRun();
    this.rest = "";
    return text.slice(at);
  }

  /** One record that holds a quote or a lone CR, from `i`: fields, next record's start, line breaks inside. */
  private lexComplex(text: string, i: number, final: boolean): number {
    const len = text.length;
    const fields: string[] = [];
    let breaks = 0;
    let pos = i;
    for (;;) {
      let c: number;
      if (pos < len && text.charCodeAt(pos) === QUOTE) {
        let j = pos + 1;
        let value = "";
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) return final ? ANOMALY : INCOMPLETE;
          if (q + 1 === len && !final) return INCOMPLETE;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          pos = q + 1;
          break;
        }
        if (value.indexOf("\n") !== -1 || value.indexOf("\r") !== -1) breaks += value.match(/\r\n|\r|\n/g)!.length;
        fields.push(value);
      } else {
        let j = pos;
        for (; j < len; j++) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) return ANOMALY;
        }
        fields.push(text.slice(pos, j));
        pos = j;
      }
      if (pos - i > FAST_MAX_RECORD) return ANOMALY;
      if (pos === len) {
        if (!final) return INCOMPLETE;
        break;
      }
      c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        continue;
      }
      // Only a closing quote can be followed by anything else (an unquoted field stops at , LF or CR).
      if (c !== LF && c !== CR) return ANOMALY;
      // A line end closes the record.
      if (c === CR) {
        if (pos + 1 === len && !final) return INCOMPLETE;
        pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else pos++;
      break;
    }
    this.fields = fields;
    this.next = pos;
    this.breaks = breaks;
    return OK;
  }
}

/** The problem csvRows reports for a record whose field count differs from the header's, if any. */
export function widthProblem(file: string, line: number, fields: number, width: number): Problem | undefined {
  if (fields < width) {
    return {
      severity: "error",
      code: "short-row",
      file,
      line,
      message: `this row has ${fields} fields but the header has ${width}: the file is cut short or was edited`,
    };
  }
  if (fields > width) {
    return {
      severity: "error",
      code: "long-row",
      file,
      line,
      message: `this row has ${fields} fields but the header has ${width} (an unquoted comma?)`,
    };
  }
  return undefined;
}

/**
 * The rows of a CsvRun's text (or of several runs' texts joined), as csvRows would have yielded them:
 * blank lines skipped, a record whose field count differs from `width` reported as csvRows reports it
 * (short-row / long-row) and still returned. `line` is the line the text starts on.
 */
export function csvRecords(text: string, line: number, width: number, file: string, report?: (problem: Problem) => void): CsvRow[] {
  const lexer = new CsvLexer(null, line);
  const records: Array<CsvRow | CsvRun> = [];
  if (lexer.push(text, true, records) !== undefined) throw new Error(`bug: a run of ${file} at line ${line} is not well-formed CSV`);
  const rows: CsvRow[] = [];
  for (const r of records as CsvRow[]) {
    if (r.fields.length === 1 && r.fields[0] === "") continue;
    if (r.fields.length !== width) {
      const p = widthProblem(file, r.line, r.fields.length, width);
      if (p) report?.(p);
    }
    rows.push(r);
  }
  return rows;
}

/** Fields as CSV text (for records csv-parse read, which have no text of their own). */
export function csvRecordText(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",") + "\n";
}
