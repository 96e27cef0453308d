import { stringify } from "csv-stringify/sync";
import { formatNumber } from "./format-number.js";
import { neutraliseFormula } from "./neutralise-formula.js";
import type { Cell, Column, Table, TableStream } from "../model/table.js";

/**
 * A table as CSV (RFC 4180, LF line ends, header of column ids). Numbers at full precision, null as an
 * empty cell, text guarded against formula injection.
 */
export function toCsv(table: Table): string {
  const parts = [csvHeader(table.columns)];
  for (const block of csvBlocks(table.columns, table.rows)) parts.push(block);
  return parts.join("");
}

/**
 * A table stream as CSV, in pieces (the same text toCsv gives for the same rows): for a file too large for
 * one string, written piece by piece. Iterable again and again; each pass reads the stream afresh.
 */
export function csvChunks(stream: TableStream): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      yield csvHeader(stream.columns);
      for (const rows of stream.chunks()) yield* csvBlocks(stream.columns, rows);
    },
  };
}

/** Column ids can come from the data (a variable named in an export's header), so they are guarded too. */
function csvHeader(columns: readonly Column[]): string {
  return stringify([columns.map((c) => neutraliseFormula(c.id))], OPTIONS);
}

/**
 * A few rows at a time: the cells of 100,000 rows at once took half a gigabyte for a 43 MB file (and blocks
 * of a thousand rows still lived long enough to be kept until the next full collection).
 */
function* csvBlocks(columns: readonly Column[], rows: ReadonlyArray<Record<string, Cell>>): Generator<string> {
  for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
    const block = rows.slice(start, start + ROWS_PER_BLOCK).map((row) => columns.map((c) => csvCell(row[c.id] ?? null)));
    yield stringify(block, OPTIONS);
  }
}

const OPTIONS = { record_delimiter: "\n" } as const;
const ROWS_PER_BLOCK = 64;

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}
