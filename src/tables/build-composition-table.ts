import { UsageError } from "../errors.js";
import type { TableConfig } from "../model/index.js";
import { dropMissing } from "../stats/drop-missing.js";
import { groupingNotes, numericColumns, rowsByLevel, type Grouping } from "./grouping.js";
import type { Cell, Column, Table } from "../model/table.js";

/**
 * Composition by group (the data behind pie charts of sector mix): for each level, the mean over egos of
 * each category's share of the ego's alters (`share_<var>_<cat>`, alters with a known value), as a
 * percentage, with the number of egos that have a share. Categories in the order the measures list them.
 */
export function buildCompositionTable(
  rows: ReadonlyArray<Record<string, Cell>>,
  spec: TableConfig,
  grouping: Grouping | null,
  categoryLabels: Record<string, string> = {},
): Table {
  const variable = spec.variable;
  if (!variable) throw new UsageError(`table "${spec.name}": a composition table needs "variable" (a categorical alter variable)`);
  const prefix = `share_${variable}_`;
  const shareColumns = rows.length > 0 ? Object.keys(rows[0]).filter((k) => k.startsWith(prefix)) : [];
  if (rows.length > 0 && shareColumns.length === 0) {
    throw new UsageError(`table "${spec.name}": no composition measures for "${variable}" (expected columns ${prefix}<category>)`);
  }
  const categories = shareColumns.map((k) => k.slice(prefix.length));
  const decimals = spec.columns?.[0]?.decimals ?? 1;
  const columns: Column[] = [];
  if (grouping) columns.push({ id: grouping.by, label: grouping.label });
  columns.push({ id: "n", label: "egos" });
  categories.forEach((cat, i) => columns.push({ id: shareColumns[i], label: `% ${categoryLabels[cat] ?? cat}`, decimals, percent: true }));

  const summarise = (subset: ReadonlyArray<Record<string, Cell>>, label: string): Record<string, Cell> => {
    const row: Record<string, Cell> = {};
    if (grouping) row[grouping.by] = label;
    let withShares = 0;
    for (const r of subset) if (shareColumns.some((c) => r[c] !== null && r[c] !== undefined)) withShares++;
    row.n = withShares;
    const shares = numericColumns(subset, shareColumns);
    for (const [i, c] of shareColumns.entries()) {
      const values = dropMissing(shares[i]);
      row[c] = values.length === 0 ? null : (100 * values.reduce((a, b) => a + b, 0)) / values.length;
    }
    return row;
  };
  const out: Array<Record<string, Cell>> = [];
  if (grouping) {
    const subsets = rowsByLevel(rows, grouping);
    grouping.levels.forEach((level, i) => out.push(summarise(subsets[i], grouping.labels[level] ?? level)));
    if (spec.all !== false) out.push(summarise(rows, "All"));
  } else out.push(summarise(rows, "All"));
  const notes = [
    `Mean over egos of each category's share of the ego's alters with a known ${variable} (egos with none are left out).`,
    ...(grouping ? groupingNotes(grouping) : []),
  ];
  return { name: spec.name, title: spec.title, columns, rows: out, notes };
}
