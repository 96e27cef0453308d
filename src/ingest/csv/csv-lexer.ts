import type { Problem } from "../../model/index.js";

/** One CSV record: its fields and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  fields: string[];
  line: number;
}

/** A record longer than this (characters) is refused: no real export row comes near it. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

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
