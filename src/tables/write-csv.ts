import { stringify } from "csv-stringify/sync";
import { formatNumber } from "./format-number.js";
import { neutraliseFormula } from "./neutralise-formula.js";
import type { Cell, Table } from "./table.js";

/**
 * A table as CSV (RFC 4180, LF line ends, header of column ids). Numbers at full precision, null as an
 * empty cell, text guarded against formula injection.
 */
export function toCsv(table: Table): string {
  // Column ids can come from the data (a variable named in an export's header), so they are guarded too.
  const header = table.columns.map((c) => neutraliseFormula(c.id));
  const body = table.rows.map((row) => table.columns.map((c) => csvCell(row[c.id] ?? null)));
  return stringify([header, ...body], { record_delimiter: "\n" });
}

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}
