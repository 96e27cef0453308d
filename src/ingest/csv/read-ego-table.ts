import { InputError } from "../../errors.js";
import type { Cell, Table } from "../../model/index.js";
import { CsvInputError } from "./csv-problem-codes.js";
import { csvRows, type CsvRow } from "./csv-rows.js";
import { detectDelimiter, headerLine, openCsvFile } from "./csv-file.js";

/** A Network Canvas `…_ego.csv` given directly (its header starts with networkCanvasEgoUUID) is an export, not a table. */
export async function isNetworkCanvasEgoFile(file: string): Promise<boolean> {
  let header: string;
  try {
    header = await headerLine(await openCsvFile(file, file));
  } catch (e) {
    if (e instanceof CsvInputError) return false; // not a readable table either: readEgoTable says why
    throw e;
  }
  return /^"?networkCanvasEgoUUID"?[,;\t]/.test(header);
}

/**
 * A per-ego CSV as a Table, with the line each row starts on. Read with csvRows, strict, in the delimiter
 * its header uses: any fault, a short or long row too, is a CsvInputError with its code and line.
 */
export async function readEgoTable(file: string, display = file): Promise<{ table: Table; rowLines: number[] }> {
  const source = await openCsvFile(file, display);
  const delimiter = detectDelimiter(await headerLine(source));
  const records: CsvRow[] = [];
  for await (const row of csvRows(source, undefined, { delimiter, strict: true, widthRows: "stop" })) records.push(row);
  const [header, ...body] = records;
  const columns = header.fields.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === "") throw new InputError(`column ${i + 1} has no name in the header`, { file: display, line: 1, column: i + 1 });
    if (seen.has(name)) throw new InputError(`the column "${name}" appears twice in the header`, { file: display, line: 1, column: i + 1 });
    seen.add(name);
  });

  const rows: Array<Record<string, Cell>> = [];
  const rowLines: number[] = [];
  for (const { fields, line } of body) {
    const row: Record<string, Cell> = {};
    fields.forEach((raw, i) => {
      const cell = parseCell(raw, delimiter);
      if (cell === undefined) {
        throw new InputError(`"${raw.trim()}" is too large to be a number`, { file: display, line, column: i + 1 });
      }
      row[columns[i]] = cell;
    });
    rows.push(row);
    rowLines.push(line);
  }
  return { table: { name: "ego-rows", columns: columns.map((id) => ({ id })), rows }, rowLines };
}

const MISSING = new Set(["", "NA", "N/A", "NaN", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * One cell: missing markers (empty, NA, N/A, NaN, `.`) → null; a plain decimal number → number (no thousands
 * separators, no units; in `;`-separated files a decimal comma is accepted: `1,5` → 1.5); anything else → text,
 * with a spreadsheet formula guard (`'` before `= + - @`) removed. undefined when a number overflows.
 */
function parseCell(raw: string, delimiter: string): Cell | undefined {
  const text = raw.trim();
  if (MISSING.has(text)) return null;
  let numeric: string | null = null;
  if (NUMBER.test(text)) numeric = text;
  else if (delimiter === ";" && DECIMAL_COMMA.test(text)) numeric = text.replace(",", ".");
  if (numeric !== null) {
    const value = Number(numeric);
    return Number.isFinite(value) ? value : undefined;
  }
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}
