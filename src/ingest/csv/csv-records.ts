import type { Problem } from "../../model/index.js";
import { CsvLexer, type CsvRow, type CsvRun } from "./csv-lexer.js";
import { widthProblem } from "./csv-problem-codes.js";

export { widthProblem } from "./csv-problem-codes.js";

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
