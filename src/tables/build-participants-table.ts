import { UsageError } from "../errors.js";
import { descriptives } from "../stats/descriptives.js";
import { groupLevel } from "./group-level.js";
import { rowsByLevel, type Grouping } from "./grouping.js";
import { formatNumber } from "./format-number.js";
import type { Cell, Column, Table } from "../model/table.js";

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
  options: {
    name: string;
    title?: string;
    levelOrder?: Record<string, string[]>;
    /** Display labels of levels per variable (option labels from the protocol or config); data keeps the values. */
    levelLabels?: Record<string, Record<string, string>>;
  } = { name: "participants" },
): Table {
  const groups: Array<{ id: string; label: string; rows: ReadonlyArray<Record<string, Cell>> }> = [{ id: "all", label: `All (n = ${rows.length})`, rows }];
  if (grouping) {
    const subsets = rowsByLevel(rows, grouping);
    grouping.levels.forEach((level, i) => {
      groups.push({ id: `level_${level}`, label: `${grouping.labels[level] ?? level} (n = ${subsets[i].length})`, rows: subsets[i] });
    });
  }
  const columns: Column[] = [{ id: "variable" }, { id: "category" }, { id: "statistic" }];
  for (const g of groups) columns.push({ id: g.id, label: g.label, decimals: undefined });
  const out: Array<Record<string, Cell>> = [];
  const push = <T>(variable: string, category: string | null, statistic: string, perGroup: readonly T[], value: (of: T) => number | null) => {
    const row: Record<string, Cell> = { variable, category, statistic };
    groups.forEach((g, i) => (row[g.id] = value(perGroup[i])));
    out.push(row);
  };
  for (const variable of variables) {
    if (rows.length > 0 && !(variable in rows[0])) throw new UsageError(`participants table: no ego variable "${variable}"`);
    // Each group's values of the variable, read once (not once per category and statistic).
    const values = groups.map((g) => g.rows.map((r) => r[variable] ?? null));
    const known = values[0].filter((v): v is Exclude<Cell, null> => v !== null);
    if (known.length > 0 && known.every((v) => typeof v === "number")) {
      const described = values.map((v) => descriptives(v as Array<number | null>));
      push(variable, null, "n", described, (d) => d.n);
      push(variable, null, "mean", described, (d) => d.mean);
      push(variable, null, "sd", described, (d) => d.sd);
      push(variable, null, "median", described, (d) => d.median);
      push(variable, null, "min", described, (d) => d.min);
      push(variable, null, "max", described, (d) => d.max);
    } else {
      const tallies = values.map((v) => {
        const counts = new Map<string, number>();
        let missing = 0;
        for (const x of v) {
          const level = x === null ? "" : groupLevel(String(x));
          if (level === "") missing++;
          else counts.set(level, (counts.get(level) ?? 0) + 1);
        }
        return { counts, known: v.length - missing, missing };
      });
      // Categories compared as group levels are (trimmed, NFC): "high " and "high" are one.
      const categories =
        options.levelOrder?.[variable] ?? [...tallies[0].counts.keys()].sort(new Intl.Collator("en", { numeric: true }).compare);
      for (const category of categories) {
        const key = groupLevel(category);
        push(variable, category, "n", tallies, (t) => t.counts.get(key) ?? 0);
        push(variable, category, "percent", tallies, (t) => (t.known === 0 ? null : (100 * (t.counts.get(key) ?? 0)) / t.known));
      }
      if (tallies[0].missing > 0) push(variable, null, "missing", tallies, (t) => t.missing);
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
    const category = row.category === null || row.category === undefined ? "" : String(row.category);
    const shown: Record<string, Cell> = { ...row, category: options.levelLabels?.[String(row.variable)]?.[category] ?? category };
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
