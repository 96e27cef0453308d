import { InputError } from "../../errors.js";
import type { Problem } from "../../model/index.js";

/**
 * The problems of reading a CSV file, one code per fault, the same from every reader (csvRows: the
 * Network Canvas export, the three tables, the per-ego table). Each is an error with file and line:
 * - `empty-file`: 0 bytes, or no header line (the first line blank);
 * - `not-text`: NUL bytes, invalid UTF-8, or UTF-16 (a binary file, or text saved in another encoding);
 *   reading stops at the line where it starts;
 * - `unterminated-quote`: a quoted field never closed (typically a file cut short), at the row it opens;
 * - `csv-syntax`: other malformed quoting, or a record longer than MAX_RECORD_CHARS;
 * - `short-row` / `long-row`: a record with fewer / more fields than the header;
 * - `unreadable`: the parser failed for another reason.
 * A reader that reports and reads on (the export) keeps short and long rows and skips a csv-syntax record;
 * a strict one (the tables) stops at the first problem with a CsvInputError carrying the same code.
 */
export const CSV_PROBLEM_CODES = ["empty-file", "not-text", "unterminated-quote", "csv-syntax", "short-row", "long-row", "unreadable"] as const;
export type CsvProblemCode = (typeof CSV_PROBLEM_CODES)[number];

/** The messages, so that every reader words a fault alike. */
export const CSV_MESSAGES = {
  emptyFile: "the file is empty (0 bytes): it has no header line",
  blankFirstLine: "the first line is blank: the file has no header line",
  noHeader: "the file has no header line",
  nul: "the file holds NUL bytes from this line on: it is not a CSV text file (binary data, or text in an encoding such as UTF-16)",
  notUtf8: "the file is not valid UTF-8 text from this line on (binary data, or saved in another encoding such as Windows-1252)",
  utf16: 'the file is UTF-16 text; save it as UTF-8 CSV (in Excel: "CSV UTF-8")',
  unterminatedQuote: "a quoted field that starts in this row is never closed: the file is cut short or its quotes are broken",
  unreadableAfterSyntax: "after the malformed quoting reported above, the rest of the file from this row on cannot be read",
} as const;

/** A CSV fault that ends a strict read: an InputError (`file:line: message`) with the problem's code. */
export class CsvInputError extends InputError {
  readonly code: string;
  constructor(readonly problem: Problem) {
    super(problem.message, { file: problem.file, line: problem.line, column: problem.column });
    this.code = problem.code;
  }
}

/** How widthProblem words a record's width: the delimiter (for the hint) and whether the row is skipped. */
export interface WidthWording {
  delimiter?: string;
  skipped?: boolean;
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** The problem csvRows reports for a record whose field count differs from the header's, if any. */
export function widthProblem(file: string, line: number, fields: number, width: number, how: WidthWording = {}): Problem | undefined {
  if (fields === width) return undefined;
  const code = fields < width ? "short-row" : "long-row";
  if (how.skipped) {
    const message = `the row has ${fields} cells but the header has ${width}; the row was skipped (is a cell with a delimiter unquoted?)`;
    return { severity: "error", code, file, line, message };
  }
  const message =
    fields < width
      ? `this row has ${fields} fields but the header has ${width}: the file is cut short or was edited`
      : `this row has ${fields} fields but the header has ${width} (an unquoted ${DELIMITER_NAMES[how.delimiter ?? ","] ?? "delimiter"}?)`;
  return { severity: "error", code, file, line, message };
}
