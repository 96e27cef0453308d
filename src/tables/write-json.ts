import type { Table } from "../model/table.js";

/** A table as JSON: an array of row objects keyed by column id, in column order; null stays null. */
export function toJson(table: Table): string {
  const rows = table.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const c of table.columns) out[c.id] = row[c.id] ?? null;
    return out;
  });
  return JSON.stringify(rows, jsonNumberGuard, 2) + "\n";
}

/** JSON cannot hold NaN or Infinity; reaching here with one is a bug, not data. */
export function jsonNumberGuard(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`bug: non-finite number ${value} reached JSON output`);
  }
  return value;
}
