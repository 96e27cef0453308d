import { UsageError } from "../errors.js";
import type { Dataset } from "../ingest/dataset.js";
import type { Value } from "../model/index.js";
import {
  MeasureContext,
  computeColumns,
  planMeasureColumns,
  tallyCategories,
  type CategoryTally,
  type MeasureColumn,
  type StudyPlan,
} from "../measures/index.js";
import type { Cell, Column, Table } from "../tables/index.js";

export interface MeasureDatasetOptions {
  /** Measure selectors (see planMeasureColumns); all measures when absent. */
  measures?: readonly string[];
  /** Ego variables to carry into each row after `ego_id` (names or aliases), e.g. `plan.groupVariables` ids. */
  groupVariables: readonly string[];
  /** Called after each ego with the number measured so far. */
  onProgress?: (egosMeasured: number) => void;
}

export interface MeasuredDataset {
  /** One row per ego: `ego_id`, the group variables, then the measures; sorted by ego id. */
  table: Table;
  /** The measure columns, in table order. */
  measureColumns: MeasureColumn[];
  /** The plan the rows were measured with (categories observed in the data filled in). */
  plan: StudyPlan;
  egoCount: number;
  /** How values were decided where the data could not say (also in `table.notes`). */
  notes: string[];
  /**
   * Oddities met while measuring, summed over egos (values outside a variable's categories, alters with
   * several categories). Self-loops and unknown endpoints are the reader's problems, reported there.
   */
  warnings: string[];
}

/** Natural order of ego ids: `case_2` before `case_10`, then plain code-unit order to break ties. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });
export function compareEgoIds(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The one place that turns a dataset into per-ego rows (used by `measures`, `compare` and `analyse`).
 * Streams the interviews, builds one ego graph at a time and keeps only the rows. A composition variable
 * whose categories neither the configuration nor the codebook lists gets the categories observed over all
 * egos: its columns are completed after the last ego, from small per-ego tallies, and a note says so.
 */
export async function measureDataset(dataset: Dataset, plan: StudyPlan, options: MeasureDatasetOptions): Promise<MeasuredDataset> {
  const open = plan.composition.filter((v) => v.categories === null);
  const openIds = new Set(open.map((v) => v.id));
  const isOpen = (c: MeasureColumn) => c.variable !== undefined && openIds.has(c.variable) && isComposition(c);
  const streamColumns = planMeasureColumns(plan, options.measures).filter((c) => !isOpen(c));
  const streamVariables = new Set(streamColumns.filter(isComposition).map((c) => c.variable));
  const tracked = plan.composition.filter((v) => openIds.has(v.id) || streamVariables.has(v.id));
  const groups = options.groupVariables.map((id) => ({ id, variable: plan.aliases[id] ?? id }));
  const leading: Column[] = [{ id: "ego_id" }, ...groups.map((g) => ({ id: g.id }))];
  checkUniqueIds([...leading, ...streamColumns]);

  const rows: Array<Record<string, Cell>> = [];
  const openTallies: Array<Map<string, CategoryTally>> = [];
  const observed = new Map<string, Set<string>>(open.map((v) => [v.id, new Set<string>()]));
  const undeclared = new Map<string, number>();
  const multiple = new Map<string, number>();

  for await (const network of dataset.egos()) {
    const context = new MeasureContext(plan, network);
    const row: Record<string, Cell> = { ego_id: network.ego.egoId };
    for (const g of groups) row[g.id] = valueToCell(network.ego.attributes[g.variable]);
    computeColumns(context, streamColumns, row);
    for (const v of tracked) {
      const tally = context.tally(v);
      if (tally.undeclared > 0) undeclared.set(v.id, (undeclared.get(v.id) ?? 0) + tally.undeclared);
      if (tally.multiple > 0) multiple.set(v.id, (multiple.get(v.id) ?? 0) + tally.multiple);
    }
    if (open.length > 0) {
      const kept = new Map<string, CategoryTally>();
      for (const v of open) {
        const tally = context.tally(v);
        kept.set(v.id, tally);
        for (const c of tally.counts.keys()) observed.get(v.id)!.add(c);
      }
      openTallies.push(kept);
    }
    rows.push(row);
    options.onProgress?.(rows.length);
  }

  const notes = [...plan.notes];
  let finalPlan = plan;
  let measureColumns = streamColumns;
  if (open.length > 0) {
    finalPlan = {
      ...plan,
      composition: plan.composition.map((v) =>
        openIds.has(v.id) ? { ...v, categories: [...observed.get(v.id)!].sort(compareEgoIds), categorySource: "observed" as const } : v,
      ),
    };
    for (const v of finalPlan.composition) {
      if (!openIds.has(v.id)) continue;
      notes.push(
        `iqv_${v.id}: K = ${v.categories!.length}, the categories observed in the data (${v.categories!.join(", ")}); ` +
          `neither the configuration nor the codebook lists the categories ${v.id} can take`,
      );
    }
    measureColumns = planMeasureColumns(finalPlan, options.measures);
    const openColumns = measureColumns.filter(isOpen);
    rows.forEach((row, i) => computeColumns(new MeasureContext(finalPlan, null, openTallies[i]), openColumns, row));
  }

  const reported = new Set(measureColumns.filter(isComposition).map((c) => c.variable));
  const warnings: string[] = [];
  for (const [id, count] of undeclared) {
    if (!reported.has(id)) continue;
    const v = plan.composition.find((x) => x.id === id)!;
    warnings.push(
      `${count} alter${count === 1 ? " has" : "s have"} a ${id} value outside its categories (${v.categories!.join(", ")}): ` +
        "such values are ignored, and an alter with no other value counts as missing",
    );
  }
  for (const [id, count] of multiple) {
    if (!reported.has(id)) continue;
    warnings.push(
      `${count} alter${count === 1 ? " has" : "s have"} several ${id} categories: counted in each by count_/share_, left out of blau_/iqv_/ei_`,
    );
  }

  rows.sort((a, b) => compareEgoIds(a.ego_id as string, b.ego_id as string));
  const columns: Column[] = [...leading, ...measureColumns];
  checkUniqueIds(columns);
  const table: Table = { name: "measures", columns, rows };
  if (notes.length > 0) table.notes = notes;
  return { table, measureColumns, plan: finalPlan, egoCount: rows.length, notes, warnings };
}

const COMPOSITION_FAMILIES = new Set(["count_<var>_<cat>", "share_<var>_<cat>", "missing_<var>", "blau_<var>", "iqv_<var>", "ei_<var>"]);
function isComposition(column: MeasureColumn): boolean {
  return COMPOSITION_FAMILIES.has(column.measure);
}

/** A row cannot hold two columns of one name (an ego variable named like a measure, or listed twice). */
function checkUniqueIds(columns: readonly Column[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.id)) {
      throw new UsageError(
        `two columns would be named "${c.id}" (an ego variable named like a measure, or a variable listed twice): ` +
          "give the variable an alias in the configuration",
      );
    }
    seen.add(c.id);
  }
}

/** An ego value as a cell: lists (categorical) become their single option, or options joined by `;`. */
export function valueToCell(value: Value | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(";");
  return value as Cell;
}
