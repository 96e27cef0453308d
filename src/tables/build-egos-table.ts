import { UsageError } from "../errors.js";
import type { TableConfig } from "../model/index.js";
import type { Cell, Column, Table } from "../model/table.js";

/** One row per ego with the chosen measures as they are (e.g. thesis Table 12), in ego order. */
export function buildEgosTable(rows: ReadonlyArray<Record<string, Cell>>, spec: TableConfig): Table {
  const specColumns = spec.columns ?? [];
  if (specColumns.length === 0) throw new UsageError(`table "${spec.name}": an egos table needs "columns"`);
  for (const c of specColumns) {
    if (rows.length > 0 && !(c.measure in rows[0])) {
      throw new UsageError(`table "${spec.name}": no measure or ego variable "${c.measure}"; available: ${Object.keys(rows[0]).join(", ")}`);
    }
  }
  const columns: Column[] = [{ id: "ego_id", label: "ego" }];
  if (spec.by) columns.push({ id: spec.by });
  for (const c of specColumns) columns.push({ id: c.measure, label: c.label ?? c.measure, decimals: c.decimals, percent: c.percent });
  const out = rows.map((row) => Object.fromEntries(columns.map((c) => [c.id, row[c.id] ?? null])));
  return { name: spec.name, title: spec.title, columns, rows: out };
}
