import { stringify } from "csv-stringify/sync";
import { formatNumber } from "./format-number.js";
import { neutraliseFormula } from "./neutralise-formula.js";
import type { Cell, Table } from "../model/table.js";

/**
 * A table as CSV (RFC 4180, LF line ends, header of column ids). Numbers at full precision, null as an
 * empty cell, text guarded against formula injection.
 */
export function toCsv(table: Table): string {
  // Column ids can come from the data (a variable named in an export's header), so they are guarded too.
  const header = table.columns.map((c) => neutraliseFormula(c.id));
  const parts = [stringify([header], OPTIONS)];
  // A few rows at a time: the cells of 100,000 rows at once took half a gigabyte for a 43 MB file (and
  // blocks of a thousand rows still lived long enough to be kept until the next full collection).
  for (let start = 0; start < table.rows.length; start += ROWS_PER_BLOCK) {
    const block = table.rows.slice(start, start + ROWS_PER_BLOCK).map((row) => table.columns.map((c) => csvCell(row[c.id] ?? null)));
    parts.push(stringify(block, OPTIONS));
  }
  return parts.join("");
}

const OPTIONS = { record_delimiter: "\n" } as const;
const ROWS_PER_BLOCK = 64;

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}
