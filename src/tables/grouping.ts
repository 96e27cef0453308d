import { UsageError } from "../errors.js";
import type { StudyConfig } from "../model/index.js";
import { groupLevel, LevelTally, type MergedSpellings } from "./group-level.js";
import type { Cell } from "../model/table.js";

/** How egos are split into groups for a table: the variable, its levels in display order, and labels. */
export interface Grouping {
  by: string;
  label: string;
  levels: string[];
  labels: Record<string, string>;
  /** Egos left out because their value is missing or not among the levels. */
  leftOut: { missing: number; otherValues: Map<string, number> };
  /** Egos per level met in the data (compared as groupLevel compares them). */
  egosPerLevel: Map<string, number>;
  /** Whether the levels are the ones met in the data (none declared in the config). */
  observed: boolean;
  /** Levels the data write in more than one way (spaces at the ends, Unicode form), counted as one. */
  merged: MergedSpellings[];
}

const collator = new Intl.Collator("en", { numeric: true });

/**
 * Levels from the config (`groups.<var>.levels`, looked up by name or alias), else the observed values in
 * natural order. Values are compared as groupLevel compares them (trimmed, NFC); spellings merged so are
 * listed in `merged`. Egos whose value is missing or not a listed level are counted in `leftOut`.
 */
export function resolveGrouping(rows: ReadonlyArray<Record<string, Cell>>, by: string, config: StudyConfig, aliasOf?: string): Grouping {
  if (rows.length > 0 && !(by in rows[0])) {
    throw new UsageError(`no ego variable "${aliasOf ?? by}" to group by; ego variables: ${Object.keys(rows[0]).join(", ")}`);
  }
  const group = config.groups?.[by] ?? (aliasOf !== undefined ? config.groups?.[aliasOf] : undefined);
  // One pass over the rows (there may be 100,000 of them): egos per value, in order of first appearance.
  const tally = new LevelTally();
  for (const row of rows) {
    const value = row[by];
    tally.add(value === null || value === undefined ? value : String(value));
  }
  const counts = tally.counts;
  const levels = group?.levels ?? [...counts.keys()].sort(collator.compare);
  const levelSet = new Set(levels.map(groupLevel));
  const leftOut = { missing: tally.missing, otherValues: new Map<string, number>() };
  for (const [value, count] of counts) if (!levelSet.has(value)) leftOut.otherValues.set(value, count);
  return {
    by,
    label: group?.label ?? aliasOf ?? by,
    levels,
    labels: group?.labels ?? {},
    leftOut,
    egosPerLevel: counts,
    observed: group?.levels === undefined,
    merged: tally.merged(),
  };
}

/** The rows of each level, in the order of `grouping.levels`, split in one pass. */
export function rowsByLevel<T extends Record<string, Cell>>(rows: readonly T[], grouping: Grouping): T[][] {
  const subsets = grouping.levels.map((): T[] => []);
  const byLevel = new Map<string, T[]>();
  grouping.levels.forEach((level, i) => byLevel.set(groupLevel(level), subsets[i]));
  for (const row of rows) {
    const value = row[grouping.by];
    if (value !== null && value !== undefined) byLevel.get(groupLevel(String(value)))?.push(row);
  }
  return subsets;
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

/**
 * The numbers of several columns over some rows, read in one pass (each row once: with 100,000 egos, a
 * pass per column spent most of its time waiting for memory), as typed arrays with NaN for a missing value
 * (a statistic drops non-finite values, as it drops null). A non-numeric value is a usage error naming the
 * column.
 */
export function numericColumns(rows: ReadonlyArray<Record<string, Cell>>, columns: readonly string[]): Float64Array[] {
  const out = columns.map(() => new Float64Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < columns.length; c++) {
      const value = row[columns[c]];
      if (value === null || value === undefined) out[c][r] = NaN;
      else if (typeof value === "number") out[c][r] = value;
      else {
        throw new UsageError(`"${columns[c]}" is not numeric (value "${String(value)}" for ego ${String(row.ego_id)}), so it cannot be summarised`);
      }
    }
  }
  return out;
}
