import { UsageError } from "../errors.js";
import { descriptives } from "../stats/descriptives.js";
import { rowsOfLevel, type Grouping } from "./grouping.js";
import { formatNumber } from "./format-number.js";
import type { Cell, Column, Table } from "./table.js";

/**
 * Participant characteristics ("Table 1"): for each categorical ego variable, n and % per category; for each
 * numeric one, n, mean, sd, median, min and max — overall and per level of the grouping. Long format (one
 * statistic per row) so the CSV stays numeric. Percentages are over egos with a known value. A variable is
 * numeric when every known value is a number.
 */
export function buildParticipantsTable(
  rows: ReadonlyArray<Record<string, Cell>>,
  variables: readonly string[],
  grouping: Grouping | null,
  options: { name: string; title?: string; levelOrder?: Record<string, string[]> } = { name: "participants" },
): Table {
  const groups: Array<{ id: string; label: string; rows: ReadonlyArray<Record<string, Cell>> }> = [{ id: "all", label: `All (n = ${rows.length})`, rows }];
  if (grouping) {
    for (const level of grouping.levels) {
      const subset = rowsOfLevel(rows, grouping, level);
      groups.push({ id: `level_${level}`, label: `${grouping.labels[level] ?? level} (n = ${subset.length})`, rows: subset });
    }
  }
  const columns: Column[] = [{ id: "variable" }, { id: "category" }, { id: "statistic" }];
  for (const g of groups) columns.push({ id: g.id, label: g.label, decimals: undefined });
  const out: Array<Record<string, Cell>> = [];
  const push = (variable: string, category: string | null, statistic: string, value: (subset: ReadonlyArray<Record<string, Cell>>) => number | null) => {
    const row: Record<string, Cell> = { variable, category, statistic };
    for (const g of groups) {
      row[g.id] = value(g.rows);
    }
    out.push(row);
  };
  for (const variable of variables) {
    if (rows.length > 0 && !(variable in rows[0])) throw new UsageError(`participants table: no ego variable "${variable}"`);
    const known = rows.map((r) => r[variable]).filter((v): v is Exclude<Cell, null> => v !== null && v !== undefined);
    if (known.length > 0 && known.every((v) => typeof v === "number")) {
      const stat = (pick: (d: ReturnType<typeof descriptives>) => number | null) => (subset: ReadonlyArray<Record<string, Cell>>) =>
        pick(descriptives(subset.map((r) => (r[variable] as number | null) ?? null)));
      push(variable, null, "n", stat((d) => d.n));
      push(variable, null, "mean", stat((d) => d.mean));
      push(variable, null, "sd", stat((d) => d.sd));
      push(variable, null, "median", stat((d) => d.median));
      push(variable, null, "min", stat((d) => d.min));
      push(variable, null, "max", stat((d) => d.max));
    } else {
      const categories = options.levelOrder?.[variable] ?? [...new Set(known.map(String))].sort(new Intl.Collator("en", { numeric: true }).compare);
      for (const category of categories) {
        const count = (subset: ReadonlyArray<Record<string, Cell>>) => subset.filter((r) => r[variable] !== null && r[variable] !== undefined && String(r[variable]) === category).length;
        const knownIn = (subset: ReadonlyArray<Record<string, Cell>>) => subset.filter((r) => r[variable] !== null && r[variable] !== undefined).length;
        push(variable, category, "n", count);
        push(variable, category, "percent", (subset) => (knownIn(subset) === 0 ? null : (100 * count(subset)) / knownIn(subset)));
      }
      const missing = (subset: ReadonlyArray<Record<string, Cell>>) => subset.filter((r) => r[variable] === null || r[variable] === undefined).length;
      if (rows.some((r) => r[variable] === null || r[variable] === undefined)) push(variable, null, "missing", missing);
    }
  }
  const table: Table = {
    name: options.name,
    title: options.title ?? "Participant characteristics",
    columns,
    rows: out,
    notes: ["Numeric variables: n, mean, sd (n − 1), median, min, max. Categorical: n and % of egos with a known value."],
  };
  // For reading: counts as whole numbers, everything else to one decimal.
  const display = out.map((row) => {
    const shown: Record<string, Cell> = { ...row, category: row.category ?? "" };
    const decimals = ["n", "missing"].includes(row.statistic as string) ? 0 : 1;
    for (const g of groups) {
      const v = row[g.id];
      shown[g.id] = typeof v === "number" ? formatNumber(v, decimals) + (row.statistic === "percent" ? "%" : "") : v;
    }
    return shown;
  });
  table.display = { ...table, rows: display };
  return table;
}
