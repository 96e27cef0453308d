import { UsageError } from "../errors.js";
import type { TableColumnConfig, TableConfig } from "../model/index.js";
import { descriptives, type Descriptives } from "../stats/descriptives.js";
import { dropMissing } from "../stats/drop-missing.js";
import { groupingNotes, numericColumns, rowsByLevel, type Grouping } from "./grouping.js";
import type { Cell, Column, Table } from "../model/table.js";

/**
 * A summary table: one row per level of the grouping (and "All" when asked), one column per measure and
 * aggregate (median, mean, sd, iqr, min, max, n, sum) over the egos' values; missing values are left out of
 * each aggregate and `n` counts the rest. IQR is q3 − q1 with R type 7 quartiles. An aggregate of no values
 * is null (NA). A column with `per` is the ratio of two aggregates over the same egos (each over its own
 * non-missing values), null when the divisor is 0.
 * `cache` keeps descriptives of a column over the same rows (the same array) from table to table: with no
 * `where`, every table's "All" row summarises the same egos.
 */
export function buildSummaryTable(
  rows: ReadonlyArray<Record<string, Cell>>,
  spec: TableConfig,
  grouping: Grouping | null,
  cache: DescriptivesCache = new WeakMap(),
): Table {
  const specColumns = spec.columns ?? [];
  if (specColumns.length === 0) throw new UsageError(`table "${spec.name}": a summary table needs "columns"`);
  const available = rows.length > 0 ? Object.keys(rows[0]) : [];
  for (const c of specColumns) {
    for (const name of c.per !== undefined ? [c.measure, c.per] : [c.measure]) {
      if (rows.length > 0 && !(name in rows[0])) {
        throw new UsageError(`table "${spec.name}": no measure or ego variable "${name}"; available: ${available.join(", ")}`);
      }
    }
  }
  const columns: Column[] = [];
  if (grouping) columns.push({ id: grouping.by, label: grouping.label });
  for (const c of specColumns) {
    const label = c.label ?? `${c.aggregate ?? "median"} ${c.measure}${c.per !== undefined ? ` / ${c.aggregate ?? "median"} ${c.per}` : ""}`;
    columns.push({ id: summaryColumnId(c), label, decimals: c.decimals, percent: c.percent });
  }
  const wanted = [...new Set(specColumns.flatMap((c) => (c.per !== undefined ? [c.measure, c.per] : [c.measure])))];
  const summarise = (subset: ReadonlyArray<Record<string, Cell>>, label: string): Record<string, Cell> => {
    const row: Record<string, Cell> = {};
    if (grouping) row[grouping.by] = label;
    describeColumns(subset, wanted, cache);
    for (const c of specColumns) {
      const how = c.aggregate ?? "median";
      const value = aggregate(subset, c.measure, how, cache);
      row[summaryColumnId(c)] = c.per === undefined ? value : ratio(value, aggregate(subset, c.per, how, cache));
    }
    return row;
  };
  const out: Array<Record<string, Cell>> = [];
  if (grouping) {
    const subsets = rowsByLevel(rows, grouping);
    grouping.levels.forEach((level, i) => out.push(summarise(subsets[i], grouping.labels[level] ?? level)));
    if (spec.all) out.push(summarise(rows, "All"));
  } else {
    out.push(summarise(rows, "All"));
  }
  const notes = grouping ? groupingNotes(grouping) : [];
  return { name: spec.name, title: spec.title, columns, rows: out, ...(notes.length ? { notes } : {}) };
}

export function summaryColumnId(c: TableColumnConfig): string {
  return `${c.aggregate ?? "median"}_${c.measure}${c.per !== undefined ? `_per_${c.per}` : ""}`;
}

/** A ratio of aggregates; null when either is undefined or the divisor is 0 (no ratio exists). */
function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}

/** Descriptives already computed, per rows array and column. */
export type DescriptivesCache = WeakMap<object, Map<string, Descriptives>>;

/** Fills the cache with the descriptives of each column over `rows` it does not hold yet, reading the rows once. */
function describeColumns(rows: ReadonlyArray<Record<string, Cell>>, columns: readonly string[], cache: DescriptivesCache): void {
  let byColumn = cache.get(rows);
  if (byColumn === undefined) cache.set(rows, (byColumn = new Map()));
  const missing = columns.filter((c) => !byColumn.has(c));
  if (missing.length === 0) return;
  const values = numericColumns(rows, missing);
  missing.forEach((c, i) => byColumn.set(c, descriptives(values[i])));
}

function aggregate(
  rows: ReadonlyArray<Record<string, Cell>>,
  column: string,
  how: NonNullable<TableColumnConfig["aggregate"]>,
  cache: DescriptivesCache,
): number | null {
  if (how === "sum") {
    const values = dropMissing(numericColumns(rows, [column])[0]);
    return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
  }
  describeColumns(rows, [column], cache);
  const d = cache.get(rows)!.get(column)!;
  switch (how) {
    case "median":
      return d.median;
    case "mean":
      return d.mean;
    case "sd":
      return d.sd;
    case "iqr":
      return d.q1 === null || d.q3 === null ? null : d.q3 - d.q1;
    case "min":
      return d.min;
    case "max":
      return d.max;
    case "n":
      return d.n;
  }
}
