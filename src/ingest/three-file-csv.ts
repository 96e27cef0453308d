import { InputError, NetspError } from "../errors.js";
import type { ProblemSink } from "../model/index.js";
import { csvRows } from "./csv/csv-rows.js";
import { CSV_DELIMITERS, headerLine, openCsvFile, type Delimiter } from "./csv/csv-file.js";

export { detectDelimiter, type Delimiter } from "./csv/csv-file.js";

/** Delimiters the three-file reader accepts, in the order ties are broken. */
export const THREE_FILE_DELIMITERS = CSV_DELIMITERS;

/** A file to read: its path on disk, and its name for messages (relative to the input). */
export interface NamedFile {
  path: string;
  file: string;
  /** The decimal separator of the numbers in it (config `decimal`); "," cells are read as points. */
  decimal?: "." | ",";
}

/** A CSV row: its cells and the 1-based line it starts on (the header is line 1). */
export interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * The first line of a file, without its BOM or line end. A file with no header line, or a first line
 * that is not UTF-8 text, is a CsvInputError (`empty-file`, `not-text`).
 */
export async function readFirstLine({ path, file }: NamedFile): Promise<string> {
  return headerLine(await openCsvFile(path, file));
}

/**
 * Streams the rows of a delimited file, header included (line 1), with csvRows, strict: blank lines are
 * skipped; a row whose cell count differs from the header's is reported (`short-row` / `long-row`) and
 * skipped; any other fault is a CsvInputError with its code and line.
 */
export async function* readCsvRows(named: NamedFile, delimiter: Delimiter, problems: ProblemSink): AsyncGenerator<CsvRow> {
  const { file } = named;
  const source = await openCsvFile(named.path, file);
  let header = true;
  try {
    for await (const { fields, line } of csvRows(source, (p) => problems.report(p), { delimiter, strict: true, widthRows: "skip" })) {
      if (header) header = false;
      else if (named.decimal === ",") fields.forEach((cell, i) => (fields[i] = pointDecimal(cell)));
      yield { cells: fields, line };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof NetspError || typeof code !== "string") throw e;
    throw new InputError(`cannot read the file (${code})`, { file }); // a read error of the file system
  }
}

/**
 * A number written with a decimal comma as netsp reads numbers (config `"decimal": ","`): `12,5` → `12.5`,
 * `1.234,5` → `1234.5`, `1.234` → `1234` (a point groups thousands there); any other cell as it is.
 */
export function pointDecimal(cell: string): string {
  if (/^[+-]?(\d+|\d{1,3}(\.\d{3})+),\d+$/.test(cell)) return cell.replace(/\./g, "").replace(",", ".");
  if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(cell)) return cell.replace(/\./g, "");
  return cell;
}
