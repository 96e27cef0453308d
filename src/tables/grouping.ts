import { UsageError } from "../errors.js";
import type { StudyConfig } from "../model/index.js";
import type { Cell } from "./table.js";

/** How egos are split into groups for a table: the variable, its levels in display order, and labels. */
export interface Grouping {
  by: string;
  label: string;
  levels: string[];
  labels: Record<string, string>;
  /** Egos left out because their value is missing or not among the levels. */
  leftOut: { missing: number; otherValues: Map<string, number> };
}

const collator = new Intl.Collator("en", { numeric: true });

/**
 * Levels from the config (`groups.<var>.levels`, looked up by name or alias), else the observed values in
 * natural order. Egos whose value is missing or not a listed level are counted in `leftOut`.
 */
export function resolveGrouping(rows: ReadonlyArray<Record<string, Cell>>, by: string, config: StudyConfig, aliasOf?: string): Grouping {
  if (rows.length > 0 && !(by in rows[0])) {
    throw new UsageError(`no ego variable "${aliasOf ?? by}" to group by; ego variables: ${Object.keys(rows[0]).join(", ")}`);
  }
  const group = config.groups?.[by] ?? (aliasOf !== undefined ? config.groups?.[aliasOf] : undefined);
  const observed = new Set<string>();
  for (const row of rows) {
    const value = row[by];
    if (value !== null && value !== undefined) observed.add(String(value));
  }
  const levels = group?.levels ?? [...observed].sort(collator.compare);
  const levelSet = new Set(levels);
  const leftOut = { missing: 0, otherValues: new Map<string, number>() };
  for (const row of rows) {
    const value = row[by];
    if (value === null || value === undefined) leftOut.missing++;
    else if (!levelSet.has(String(value))) leftOut.otherValues.set(String(value), (leftOut.otherValues.get(String(value)) ?? 0) + 1);
  }
  return { by, label: group?.label ?? aliasOf ?? by, levels, labels: group?.labels ?? {}, leftOut };
}

/** The rows of one level. */
export function rowsOfLevel<T extends Record<string, Cell>>(rows: readonly T[], grouping: Grouping, level: string): T[] {
  return rows.filter((r) => r[grouping.by] !== null && r[grouping.by] !== undefined && String(r[grouping.by]) === level);
}

/** Notes saying which egos a grouping left out, for the table's footer. */
export function groupingNotes(grouping: Grouping): string[] {
  const notes: string[] = [];
  if (grouping.leftOut.missing > 0) {
    notes.push(`${grouping.leftOut.missing} ego(s) with no ${grouping.label} value are in no group.`);
  }
  for (const [value, count] of grouping.leftOut.otherValues) {
    notes.push(`${count} ego(s) with ${grouping.label} = "${value}", not one of the configured levels, are in no group.`);
  }
  return notes;
}

/** The numbers of a column over some rows; a non-numeric value is a usage error naming the column. */
export function numericValues(rows: ReadonlyArray<Record<string, Cell>>, column: string): Array<number | null> {
  return rows.map((row) => {
    const value = row[column];
    if (value === null || value === undefined) return null;
    if (typeof value !== "number") {
      throw new UsageError(`"${column}" is not numeric (value "${String(value)}" for ego ${String(row.ego_id)}), so it cannot be summarised`);
    }
    return value;
  });
}
