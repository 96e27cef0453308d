import { availableParallelism } from "node:os";
import { UsageError } from "../errors.js";
import type { Dataset } from "../ingest/dataset.js";
import { RowsOutOfOrder } from "../ingest/rows-out-of-order.js";
import { ProblemList, type ProblemSink } from "../model/index.js";
import { MeasureContext, computeColumns, planMeasureColumns, type CategoryTally, type MeasureColumn } from "../measures/index.js";
import { type StudyPlan } from "../model/index.js";
import type { Cell, Column, Table } from "../model/index.js";
import { measureEgo, type EgoRow, type EgoRowSpec } from "./measure-ego.js";
import { measureInWorkers, WORKER_THREADS_AVAILABLE, type SpawnEgoWorker } from "./measure-in-workers.js";
import { rosterWarnings, type NodeTypeTally } from "./roster-warning.js";
import { unfinishedWarning, type UnfinishedInterview } from "./unfinished-interviews.js";
import { alterLevelSpec, type AlterLevelSpec } from "./alter-level-spec.js";
import { AlterLevelStore } from "./alter-level-store.js";
import { packAlterRows } from "./measure-alters.js";

export { valueToCell } from "./measure-ego.js";

export interface MeasureDatasetOptions {
  /** Measure selectors (see planMeasureColumns); all measures when absent. */
  measures?: readonly string[];
  /** Ego variables to carry into each row after `ego_id` (names or aliases), e.g. `plan.groupVariables` ids. */
  groupVariables: readonly string[];
  /** Called after each ego with the number measured so far, and the number expected when the reader can tell. */
  onProgress?: (egosMeasured: number, egosExpected?: number) => void;
  /**
   * Worker threads that build and measure egos (the data are read in this thread; a Network Canvas CSV
   * export's rows are decoded in the workers). 1: none. Default: one per CPU core when the reader can tell
   * that the data hold at least WORKERS_FROM_EGOS egos.
   * The rows, tables and problems are the same whatever the number.
   */
  jobs?: number;
  /**
   * The sink the dataset was opened with (its ReaderContext's). Reading in parts and in workers needs it (a
   * ProblemList: a merged export read again after RowsOutOfOrder has its first reading's problems removed).
   */
  problems?: ProblemSink;
  /** For tests: how worker threads are started. */
  spawnWorker?: SpawnEgoWorker;
  /** Keep interviews that were not completed (`--include-unfinished`); by default they are left out, with a warning. */
  includeUnfinished?: boolean;
  /** How ego ids are shown in warnings (pseudonyms with `--pseudonymise`); default: as they are. */
  showEgoId?: (egoId: string) => string;
  /** Also measure each ego's alters and ties (alters.csv, ties.csv): MeasuredDataset.alterLevel; typed: keep typed rows too. */
  alterLevel?: { typed: boolean };
}

/** Below this many egos the default is one thread: starting workers would take longer than they save. */
export const WORKERS_FROM_EGOS = 500;

/** Egos, and alters and ties as read (raw rows as in the export, before any merging), in all and by type. */
export interface StudyCounts {
  egos: number;
  alters: number;
  ties: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
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
  /** What was read (every interview, also those left out as unfinished). */
  counts: StudyCounts;
  /**
   * Interviews that were not completed (see unfinishedOutcome), in input order: left out of `table`
   * unless includeUnfinished was given. Not errors: their data are fine, the interview was not done.
   */
  unfinished: UnfinishedInterview[];
  /**
   * With the alterLevel option: every ego's alter and tie rows, and each row's index in the store, in the
   * order of `table.rows` (the caller disposes of the store).
   */
  alterLevel?: { spec: AlterLevelSpec; store: AlterLevelStore; egos: number[] };
}

/** Natural order of ego ids: `case_2` before `case_10`, then plain code-unit order to break ties. */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });
export function compareEgoIds(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The one place that turns a dataset into per-ego rows (used by `measures`, `compare` and `analyse`).
 * Streams the interviews, builds one ego graph at a time and keeps only the rows, so memory grows with the
 * rows, not with the interviews. A dataset that gives its interviews in parts (Dataset.parts), opened with
 * `problems` (a ProblemList), is built and measured by measureEgo in worker threads (`jobs`), with the same rows and problems
 * as in this thread (see measureInWorkers). A composition variable whose categories neither the
 * configuration nor the codebook lists gets the categories observed over all egos: its columns are
 * completed after the last ego, from small per-ego tallies, and a note says so.
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

  let rows: Array<Record<string, Cell>> = [];
  // Each row's alter-level rows (alterLevel option), kept with it through the sort.
  const alterLevel = options.alterLevel ? alterLevelSpec(dataset.codebook, plan, options.alterLevel.typed) : undefined;
  let levelStore = alterLevel ? new AlterLevelStore(alterLevel) : undefined;
  let levels = new Map<Record<string, Cell>, number>();
  let openTallies: Array<Map<string, CategoryTally>> = [];
  let observed = new Map<string, Set<string>>();
  let undeclared = new Map<string, number>();
  let multiple = new Map<string, number>();
  let counts: StudyCounts = { egos: 0, alters: 0, ties: 0, nodeTypes: {}, edgeTypes: {} };
  let unfinished: UnfinishedInterview[] = [];
  let nodeTypeTally: NodeTypeTally = { alters: {}, egos: {}, ties: {} };
  const reset = () => {
    rows = [];
    levels = new Map();
    if (alterLevel !== undefined) {
      levelStore?.dispose();
      levelStore = new AlterLevelStore(alterLevel);
    }
    openTallies = [];
    observed = new Map(open.map((v) => [v.id, new Set<string>()]));
    undeclared = new Map();
    multiple = new Map();
    counts = { egos: 0, alters: 0, ties: 0, nodeTypes: {}, edgeTypes: {} };
    unfinished = [];
    nodeTypeTally = { alters: {}, egos: {}, ties: {} };
  };
  reset();

  const spec: EgoRowSpec = { plan, groups, columns: streamColumns, tracked, open, ...(alterLevel ? { alterLevel } : {}) };
  // Both paths (this thread, worker threads) hand every measured ego to `take`, in input order: the one
  // place unfinished interviews are left out, so the rows are the same for any number of threads.
  const take = (m: EgoRow) => {
    counts.egos++;
    counts.alters += m.alters;
    counts.ties += m.ties;
    for (const [t, n] of Object.entries(m.nodeTypes)) counts.nodeTypes[t] = (counts.nodeTypes[t] ?? 0) + n;
    for (const [t, n] of Object.entries(m.edgeTypes)) counts.edgeTypes[t] = (counts.edgeTypes[t] ?? 0) + n;
    if (m.unfinished !== null) {
      unfinished.push({ egoId: String(m.row.ego_id), outcome: m.unfinished, alters: m.alters });
      if (!options.includeUnfinished) {
        options.onProgress?.(counts.egos, expected);
        return;
      }
    }
    for (const [t, n] of Object.entries(m.nodeTypes)) {
      nodeTypeTally.alters[t] = (nodeTypeTally.alters[t] ?? 0) + n;
      nodeTypeTally.egos[t] = (nodeTypeTally.egos[t] ?? 0) + 1;
    }
    for (const [t, n] of Object.entries(m.tiedNodeTypes)) nodeTypeTally.ties[t] = (nodeTypeTally.ties[t] ?? 0) + n;
    tracked.forEach((v, i) => {
      if (m.undeclared[i] > 0) undeclared.set(v.id, (undeclared.get(v.id) ?? 0) + m.undeclared[i]);
      if (m.multiple[i] > 0) multiple.set(v.id, (multiple.get(v.id) ?? 0) + m.multiple[i]);
    });
    if (open.length > 0) {
      const kept = new Map<string, CategoryTally>();
      open.forEach((v, i) => {
        const tally = m.openTallies[i];
        kept.set(v.id, tally);
        for (const c of tally.counts.keys()) observed.get(v.id)!.add(c);
      });
      openTallies.push(kept);
    }
    rows.push(m.row);
    if (m.alterLevel !== undefined && levelStore !== undefined) levels.set(m.row, levelStore.add(m.alterLevel));
    options.onProgress?.(counts.egos, expected);
  };

  const expected = options.onProgress || options.jobs === undefined ? await dataset.expectedEgos?.() : undefined;
  const problems = options.problems;
  if (dataset.parts !== undefined && problems instanceof ProblemList) {
    // Read in parts: in one pass, unless a merged Network Canvas export's rows turn out not to be in the ego
    // file's order; then everything read is dropped (rows and problems) and read again.
    const workers = workerCount(options, expected);
    const mark = problems.problems.length;
    for (let inOrder = true; ; inOrder = false) {
      try {
        await measureInWorkers(dataset, dataset.codebook, spec, problems, { workers, inOrder, again: !inOrder, onEgo: take, spawn: options.spawnWorker });
        break;
      } catch (e) {
        if (!(e instanceof RowsOutOfOrder) || !inOrder) throw e;
        problems.problems.splice(mark);
        reset();
      }
    }
  } else {
    for await (const network of dataset.egos()) take(measureEgo(network, spec));
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

  const unfinishedNote = unfinishedWarning(unfinished, options.includeUnfinished === true, options.showEgoId);
  if (unfinishedNote !== null) warnings.push(unfinishedNote);
  warnings.push(...rosterWarnings(nodeTypeTally, plan, Object.keys(dataset.codebook.node)));

  rows.sort((a, b) => compareEgoIds(a.ego_id as string, b.ego_id as string));
  // Each measure's title becomes its variable label in SPSS and Stata files.
  const columns: Column[] = [...leading, ...measureColumns.map((c) => ({ ...c, description: c.title }))];
  checkUniqueIds(columns);
  const table: Table = { name: "measures", columns, rows };
  if (notes.length > 0) table.notes = notes;
  const measured: MeasuredDataset = { table, measureColumns, plan: finalPlan, egoCount: rows.length, notes, warnings, counts, unfinished };
  if (alterLevel !== undefined && levelStore !== undefined) {
    const store = levelStore;
    measured.alterLevel = { spec: alterLevel, store, egos: rows.map((r) => levels.get(r) ?? store.add(packAlterRows({ alters: [], ties: [], multiple: [] }, alterLevel))) };
  }
  return measured;
}

/** Worker threads to use: as asked; by default one per core for a large export; 1 where threads cannot run. */
function workerCount(options: MeasureDatasetOptions, expected: number | undefined): number {
  if (!WORKER_THREADS_AVAILABLE && options.spawnWorker === undefined) return 1;
  if (options.jobs !== undefined) return Math.max(1, Math.floor(options.jobs));
  const cores = availableParallelism();
  return cores >= 2 && (expected ?? 0) >= WORKERS_FROM_EGOS ? cores : 1;
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
