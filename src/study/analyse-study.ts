import { DataError } from "../errors.js";
import type { Dataset } from "../ingest/dataset.js";
import type { InputFormat, Problem, StudyConfig } from "../model/index.js";
import type { Pseudonymiser } from "./pseudonymise.js";
import type { Table, TableStream } from "../model/index.js";
import { buildStudyTables, type StudyTable } from "./build-study-tables.js";
import type { StudyCounts } from "./measure-ego-rows.js";
import { measureStudy, sortByEgoId } from "./measure-study.js";
import { openStudy } from "./open-study.js";
import type { UnfinishedInterview } from "./unfinished-interviews.js";
import { alterLevelTables, type EgoAlterLevel } from "./alter-level-tables.js";
import { egoVariableColumns } from "./ego-variable-columns.js";
import { AlterLevelStore } from "./alter-level-store.js";
import { alterLevelSpec } from "./alter-level-spec.js";

export interface AnalyseOptions {
  /** The data (or a folder whose netsp.config.json names it); default: the config's `data`. */
  input?: string;
  configPath?: string;
  protocol?: string;
  inputFormat?: InputFormat;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** Leave out egos with errors instead of stopping. */
  keepGoing?: boolean;
  /** Keep interviews that were not completed (see measureDataset). */
  includeUnfinished?: boolean;
  /**
   * Replace ego ids by pseudonyms everywhere in the result: rows, tables, left-out list, problems (ego ids
   * and case ids in messages and file names) and notes.
   */
  pseudonymiser?: Pseudonymiser;
  /** Called after each ego with the number measured so far, and the number expected when the reader can tell. */
  onProgress?: (egos: number, expected?: number) => void;
  /** Called once the study is opened, before any interview is read: the files it will read. */
  onOpened?: (opened: { dataset: Dataset; configPath?: string }) => void;
  /** Worker threads for reading and measuring egos (see measureDataset); default: one per core for large exports. */
  jobs?: number;
  /** Measure each alter and tie for alters.csv and ties.csv (default true; a report needs none). */
  alterLevel?: boolean;
  /** Keep the alter and tie rows typed, for `chunks` (formats other than CSV); without it they give CSV only. */
  typedAlterLevel?: boolean;
  cwd?: string;
}

export interface StudyAnalysis {
  dataPath: string;
  configPath?: string;
  config: StudyConfig;
  dataset: Dataset;
  counts: StudyCounts;
  /** One row per ego: ego_id, group variables, every measure (what measures.csv holds). */
  measures: Table;
  /**
   * One row per alter of the egos in `measures` (alters.csv), and one per tie of their sociograms (ties.csv),
   * made chunk by chunk from rows kept aside while measuring (see SpillStore) until `dispose`.
   */
  alters: TableStream;
  ties: TableStream;
  /** Frees the kept alter and tie rows (a temporary file for a large study); the streams are empty afterwards. */
  dispose(): void;
  tables: StudyTable[];
  errors: Problem[];
  warnings: Problem[];
  /** Warnings about the analysis itself (groupings, plan), not tied to a file. */
  notes: string[];
  /** Egos left out because their data had errors (with --keep-going). */
  leftOut: string[];
  /** Interviews left out because they were not completed (none with includeUnfinished); not errors. */
  leftOutUnfinished: UnfinishedInterview[];
  timings: { readAndMeasureMs: number; tablesMs: number };
  /** The pseudonymiser the rows were written with (`--pseudonymise`), for anything that shows ego ids later. */
  pseudonymiser?: Pseudonymiser;
}

/**
 * The whole study, as `netsp analyse` runs it: find the config and the data, stream the interviews through the
 * measures, stop on data errors (or leave those egos out with keepGoing), then build every table.
 * Reads only; writing is the caller's.
 */
export async function analyseStudy(options: AnalyseOptions): Promise<StudyAnalysis> {
  const opened = await openStudy(options);
  const { config, configPath, dataPath, dataset, plan } = opened;
  options.onOpened?.({ dataset, configPath });

  // Identifying variables (text, datetime: personal data) never reach a row, a table or a report.
  const egoVariables = Object.values(dataset.codebook.ego)
    .filter((v) => v.role === "group" || v.role === "numeric")
    .map((v) => ({
      id: v.name,
      numeric: v.role === "numeric",
      levels: v.options?.map((o) => o.value),
      labels: v.options ? Object.fromEntries(v.options.map((o) => [o.value, o.label])) : undefined,
    }));
  const groupIds = plan.groupVariables.map((g) => g.id);
  const carried = [...new Set([...groupIds, ...egoVariables.map((v) => v.id)])];

  const started = performance.now();
  const pseudo = options.pseudonymiser;
  const study = await measureStudy(opened, {
    groupVariables: carried,
    onProgress: options.onProgress,
    jobs: options.jobs,
    pseudonymiser: pseudo,
    alterLevel: options.alterLevel === false ? undefined : { typed: options.typedAlterLevel === true },
  });
  const { measured } = study;
  const readAndMeasureMs = performance.now() - started;

  const errors = study.errors;
  const leftOut: string[] = [];
  let rows = study.rows.rows;
  // Each ego's alter-level rows beside its row (the same order as the measured rows).
  // Without them (alterLevel false) the streams are empty.
  const levels = measured.alterLevel ?? { store: new AlterLevelStore(alterLevelSpec(dataset.codebook, plan, false)), egos: [] };
  let egoLevels: EgoAlterLevel[] = measured.alterLevel ? rows.map((row, i) => ({ row, index: levels.egos[i] })) : [];
  if (errors.length > 0) {
    if (!options.keepGoing) throw new DataErrorWithProblems(errors, study.warnings);
    // Problems name their ego as the rows do (both pseudonymised, or neither).
    const bad = new Set(errors.map((p) => p.egoId).filter((id): id is string => id !== undefined));
    rows = rows.filter((r) => {
      if (!bad.has(r.ego_id as string)) return true;
      leftOut.push(r.ego_id as string);
      return false;
    });
    egoLevels = egoLevels.filter((e) => !bad.has(e.row.ego_id as string));
  }
  const egoRows: Table = { ...measured.table, name: "ego-rows", rows };
  const measureIds = new Set(measured.measureColumns.map((c) => c.id));
  // Ego variables with their labels and value labels (for SPSS, Stata and R files).
  const egoColumns = egoVariableColumns(dataset.codebook, plan, config).filter((c) => carried.includes(c.id));
  const labelled = new Map(egoColumns.map((c) => [c.id, c]));
  const measuresTable: Table = {
    name: "measures",
    title: "Measures per ego",
    columns: measured.table.columns
      .filter((c) => c.id === "ego_id" || groupIds.includes(c.id) || measureIds.has(c.id))
      .map((c) => labelled.get(c.id) ?? c),
    rows: sortByEgoId(rows),
    ...(measured.notes.length ? { notes: measured.notes } : {}),
  };

  const tablesStarted = performance.now();
  const categoryLabels: Record<string, Record<string, string>> = {};
  for (const v of plan.composition) {
    const labels: Record<string, string> = { ...(config.composition?.[v.id]?.labels ?? {}) };
    for (const types of Object.values(dataset.codebook.node)) {
      for (const o of types[v.variable]?.options ?? []) labels[o.value] ??= o.label;
    }
    categoryLabels[v.id] = labels;
  }
  const { tables, warnings: tableWarnings } = buildStudyTables({
    config,
    egoRows,
    egoVariables: egoVariables.filter((v) => carried.includes(v.id)),
    categoryLabels,
    compositionVariables: measured.plan.composition.map((v) => v.id),
  });
  const alterLevel = alterLevelTables({
    store: levels.store,
    // In the order of measures.csv.
    egos: sortByEgoId(egoLevels, (e) => e.row.ego_id),
    egoColumns,
  });
  const tablesMs = performance.now() - tablesStarted;

  return {
    dataPath,
    configPath,
    config,
    dataset,
    counts: measured.counts,
    measures: measuresTable,
    alters: alterLevel.alters,
    ties: alterLevel.ties,
    dispose: () => levels.store.dispose(),
    tables,
    errors,
    warnings: study.warnings,
    notes: [...study.notes, ...tableWarnings.map((n) => (pseudo ? pseudo.text(n) : n)), ...alterLevel.notes],
    leftOut,
    leftOutUnfinished: study.unfinished,
    timings: { readAndMeasureMs, tablesMs },
    ...(pseudo ? { pseudonymiser: pseudo } : {}),
  };
}

/** Data errors stop the analysis (exit 1); the command lists them and says what was not written. */
export class DataErrorWithProblems extends DataError {
  constructor(
    readonly errors: Problem[],
    readonly warnings: Problem[],
  ) {
    super(`${errors.length} error${errors.length === 1 ? "" : "s"} in the data`, errors.length);
  }
}
