import type { EgoNetwork, Value } from "../model/index.js";
import {
  MeasureContext,
  computeColumns,
  type CategoryTally,
  type CompositionVariable,
  type MeasureColumn,
  type StudyPlan,
} from "../measures/index.js";
import type { Cell } from "../tables/index.js";

/** What measuring one ego needs; plain data, so a worker thread can have it. */
export interface EgoRowSpec {
  plan: StudyPlan;
  /** Ego variables carried into the row after `ego_id`: column id, and the variable it names. */
  groups: ReadonlyArray<{ id: string; variable: string }>;
  /** The measure columns computed per ego. */
  columns: readonly MeasureColumn[];
  /** Composition variables whose oddities (values outside the categories, several categories) are counted. */
  tracked: readonly CompositionVariable[];
  /** Composition variables whose categories are known only once every ego is read: their tallies are kept. */
  open: readonly CompositionVariable[];
}

/** One ego measured: its row, and what the study-level summaries need from it. */
export interface EgoRow {
  row: Record<string, Cell>;
  /** Per `tracked` variable, in order: alters with a value outside its categories, alters with several. */
  undeclared: number[];
  multiple: number[];
  /** Per `open` variable, in order: the ego's tally (its columns are completed after the last ego). */
  openTallies: CategoryTally[];
  /** Alters and ties as read (before any merging), in all and by type. */
  alters: number;
  ties: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
}

/**
 * Measures one ego: `ego_id`, the group variables, then every column of the spec. Pure; the same function
 * runs in the main thread (`--jobs 1`) and in each worker thread, so the rows do not depend on the number
 * of threads.
 *
 * Example: measureEgo(network, spec).row → { ego_id: "case_1", deprivation: "high", network_size: 12, … }.
 */
export function measureEgo(network: EgoNetwork, spec: EgoRowSpec): EgoRow {
  const context = new MeasureContext(spec.plan, network);
  const row: Record<string, Cell> = { ego_id: network.ego.egoId };
  for (const g of spec.groups) row[g.id] = valueToCell(network.ego.attributes[g.variable]);
  computeColumns(context, spec.columns, row);
  const undeclared: number[] = [];
  const multiple: number[] = [];
  for (const v of spec.tracked) {
    const tally = context.tally(v);
    undeclared.push(tally.undeclared);
    multiple.push(tally.multiple);
  }
  const openTallies = spec.open.map((v) => context.tally(v));
  const nodeTypes: Record<string, number> = {};
  const edgeTypes: Record<string, number> = {};
  for (const a of network.alters) nodeTypes[a.nodeType] = (nodeTypes[a.nodeType] ?? 0) + 1;
  for (const t of network.ties) edgeTypes[t.edgeType] = (edgeTypes[t.edgeType] ?? 0) + 1;
  return { row, undeclared, multiple, openTallies, alters: network.alters.length, ties: network.ties.length, nodeTypes, edgeTypes };
}

/** An ego value as a cell: lists (categorical) become their single option, or options joined by `;`. */
export function valueToCell(value: Value | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(";");
  return value as Cell;
}
