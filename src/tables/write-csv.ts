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
  const csv = stream.csv;
  if (csv !== undefined) return { [Symbol.iterator]: () => csv()[Symbol.iterator]() };
  return {
    *[Symbol.iterator]() {
      yield csvHeader(stream.columns);
      for (const rows of stream.chunks()) yield* csvBlocks(stream.columns, rows);
    },
  };
}

/** Column ids can come from the data (a variable named in an export's header), so they are guarded too. */
export function csvHeader(columns: readonly Column[]): string {
  return columns.map((c) => csvField(neutraliseFormula(c.id))).join(",") + "\n";
}

/**
 * The rows, a few at a time: the cells of 100,000 rows at once took half a gigabyte for a 43 MB file (and
 * blocks of a thousand rows still lived long enough to be kept until the next full collection). Each field
 * is quoted by csvField (a test compares it with csv-stringify), by hand: csv-stringify took a quarter of
 * the time of writing alters.csv for 20,000 egos (1.2 million rows).
 */
function* csvBlocks(columns: readonly Column[], rows: ReadonlyArray<Record<string, Cell>>): Generator<string> {
  const ids = columns.map((c) => c.id);
  for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
    let block = "";
    const end = Math.min(rows.length, start + ROWS_PER_BLOCK);
    for (let r = start; r < end; r++) {
      const row = rows[r];
      for (let k = 0; k < ids.length; k++) {
        if (k > 0) block += ",";
        block += csvField(csvCell(row[ids[k]] ?? null));
      }
      block += "\n";
    }
    yield block;
  }
}

/**
 * RFC 4180 quoting: a field holding a comma, a quote, CR or LF is quoted, its quotes doubled (as
 * csv-stringify quotes, except that it leaves a lone CR bare, which readers take for a line break).
 */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const NEEDS_QUOTES = /[",\r\n]/;

const ROWS_PER_BLOCK = 64;

export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return neutraliseFormula(value);
}
