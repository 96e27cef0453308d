import type { EgoNetwork, Value } from "../model/index.js";
import { MeasureContext, computeColumns, type CategoryTally, type MeasureColumn } from "../measures/index.js";
import { type CompositionVariable, type StudyPlan } from "../model/index.js";
import type { Cell } from "../model/index.js";
import { unfinishedOutcome } from "./unfinished-interviews.js";
import type { AlterLevelSpec } from "./alter-level-spec.js";
import { measureAlters, packAlterRows, type PackedAlterRows } from "./measure-alters.js";

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
  /** When alters.csv and ties.csv are wanted: what their rows hold. */
  alterLevel?: AlterLevelSpec;
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
  /** Ties of the counted edge types touching an alter of each node type (a tie between two types counts for both). */
  tiedNodeTypes: Record<string, number>;
  /** How the interview ended when it was not completed (see unfinishedOutcome), else null. */
  unfinished: string | null;
  /** The ego's alter-level and tie-level rows, when the spec asks for them (packed: plain text travels cheaply between threads). */
  alterLevel?: PackedAlterRows;
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
  const measured: EgoRow = {
    row,
    undeclared,
    multiple,
    openTallies,
    alters: network.alters.length,
    ties: network.ties.length,
    nodeTypes,
    edgeTypes,
    tiedNodeTypes: tiesByNodeType(network, spec.plan),
    unfinished: unfinishedOutcome(network.ego.meta),
  };
  if (spec.alterLevel !== undefined) measured.alterLevel = packAlterRows(measureAlters(network, context, spec.alterLevel), spec.alterLevel);
  return measured;
}

/**
 * Ties of the counted edge types that touch an alter of each node type (self-loops left aside): summed over
 * a study, a node type with alters and no ties is a roster nobody was tied to. Only whether a count is 0
 * matters, so an ego with one node type counts its ties without looking their ends up.
 */
function tiesByNodeType(network: EgoNetwork, plan: StudyPlan): Record<string, number> {
  const out: Record<string, number> = {};
  const counted = plan.edgeTypes === null ? null : new Set(plan.edgeTypes);
  const only = network.alters.length > 0 && network.alters.every((a) => a.nodeType === network.alters[0].nodeType) ? network.alters[0].nodeType : null;
  if (only !== null) {
    // One node type (the usual case): every tie between two of the ego's alters touches it.
    let n = 0;
    for (const t of network.ties) if (t.sourceId !== t.targetId && (counted === null || counted.has(t.edgeType))) n++;
    if (n > 0) out[only] = n;
    return out;
  }
  const typeOf = new Map<string, string>();
  for (const a of network.alters) if (!typeOf.has(a.alterId)) typeOf.set(a.alterId, a.nodeType);
  for (const t of network.ties) {
    if (t.sourceId === t.targetId || (counted !== null && !counted.has(t.edgeType))) continue;
    const s = typeOf.get(t.sourceId);
    const e = typeOf.get(t.targetId);
    if (s !== undefined) out[s] = (out[s] ?? 0) + 1;
    if (e !== undefined && e !== s) out[e] = (out[e] ?? 0) + 1;
  }
  return out;
}

/** An ego value as a cell: lists (categorical) become their single option, or options joined by `;`. */
export function valueToCell(value: Value | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.join(";");
  return value as Cell;
}
