import { stat } from "node:fs/promises";
import { InputError } from "../../errors.js";
import { diskFile, type SourceFile } from "../source-file.js";
import { checkedText, type TextState } from "./checked-text.js";
import { CSV_MESSAGES, CsvInputError } from "./csv-problem-codes.js";

// Opening a CSV table: the file, its header line, and the delimiter that line uses.

/** The delimiters a table may use, in the order ties are broken. */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof CSV_DELIMITERS)[number];

/**
 * The delimiter of a table: whichever of `,` `;` tab occurs most often (outside quotes) in its header line;
 * ties go to the earlier in CSV_DELIMITERS. A header with none of them is one column, read as `,`.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: Delimiter = ",";
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * The first line of a CSV file, without its BOM or line end, through the same text check as csvRows.
 * A file with no header line is a CsvInputError `empty-file`; a NUL byte, invalid UTF-8 or UTF-16 in
 * that line one `not-text` (faults further on are left to the reader, which gives their line).
 */
export async function headerLine(file: SourceFile): Promise<string> {
  const fail = (code: string, line: number, message: string): never => {
    throw new CsvInputError({ severity: "error", code, file: file.name, line, message });
  };
  if (file.size === 0) fail("empty-file", 1, CSV_MESSAGES.emptyFile);
  const state: TextState = { fault: undefined, stop: false };
  let first: string | undefined;
  for await (const text of checkedText(file, state)) {
    const end = text.search(/[\r\n]/);
    first = end < 0 ? text : text.slice(0, end);
    break;
  }
  state.stop = true;
  if (first === undefined && state.fault) fail("not-text", state.fault.line, state.fault.message);
  if (first === undefined) fail("empty-file", 1, CSV_MESSAGES.noHeader);
  if (first === "") fail("empty-file", 1, CSV_MESSAGES.blankFirstLine);
  return first!;
}

/** A CSV file on disk as a SourceFile (`name` for messages); one that cannot be opened is an InputError. */
export async function openCsvFile(path: string, name: string): Promise<SourceFile> {
  try {
    const info = await stat(path);
    return diskFile(name, path, info.size);
  } catch (e) {
    throw new InputError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file: name });
  }
}
