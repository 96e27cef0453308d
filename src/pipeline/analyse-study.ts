import { stat } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import type { Dataset } from "../ingest/dataset.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { openDataset } from "../ingest/open-dataset.js";
import { makeStudyPlan } from "../measures/index.js";
import { ProblemList, type EgoNetwork, type InputFormat, type Problem, type StudyConfig } from "../model/index.js";
import type { Table } from "../tables/index.js";
import { buildStudyTables, type StudyTable } from "./build-study-tables.js";
import { measureDataset } from "./measure-ego-rows.js";

export interface AnalyseOptions {
  /** The data (or a folder whose netsp.config.json names it); default: the config's `data`. */
  input?: string;
  configPath?: string;
  protocol?: string;
  inputFormat?: InputFormat;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** Leave out egos with errors instead of stopping. */
  keepGoing?: boolean;
  /** Carry text ego variables (free text, names) into the rows and tables. */
  includeText?: boolean;
  onProgress?: (egos: number) => void;
  cwd?: string;
}

/** Counts of what was read, raw rows as in the export (before any merging). */
export interface StudyCounts {
  egos: number;
  alters: number;
  ties: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
}

export interface StudyAnalysis {
  dataPath: string;
  configPath?: string;
  config: StudyConfig;
  dataset: Dataset;
  counts: StudyCounts;
  /** One row per ego: ego_id, group variables, every measure (what measures.csv holds). */
  measures: Table;
  tables: StudyTable[];
  errors: Problem[];
  warnings: Problem[];
  /** Warnings about the analysis itself (groupings, plan), not tied to a file. */
  notes: string[];
  /** Egos left out because their data had errors (with --keep-going). */
  leftOut: string[];
  timings: { readAndMeasureMs: number; tablesMs: number };
}

/**
 * The whole study, as `netsp analyse` runs it: find the config and the data, stream the interviews through the
 * measures, stop on data errors (or leave those egos out with keepGoing), then build every table.
 * Reads only; writing is the caller's.
 */
export async function analyseStudy(options: AnalyseOptions): Promise<StudyAnalysis> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadStudyConfig({ input: options.input, configPath: options.configPath, cwd });
  const dataPath = await resolveDataPath(options.input, loaded.dataPath, cwd);
  const config: StudyConfig = options.inputFormat ? { ...loaded.config, format: options.inputFormat } : loaded.config;
  const problems = new ProblemList();
  const dataset = await openDataset(dataPath, {
    config,
    protocol: options.protocol ?? loaded.protocolPath,
    egoIdField: options.egoId ?? config.egoId ?? "caseId",
    problems,
  });
  const plan = makeStudyPlan(dataset.codebook, config);

  const egoVariables = Object.values(dataset.codebook.ego)
    .filter((v) => v.type !== "layout" && (options.includeText || v.type !== "text"))
    .map((v) => ({
      id: v.name,
      numeric: v.type === "number" || v.type === "scalar",
      levels: v.options?.map((o) => o.value),
    }));
  const groupIds = plan.groupVariables.map((g) => g.id);
  const carried = [...new Set([...groupIds, ...egoVariables.map((v) => v.id)])];

  const counts: StudyCounts = { egos: 0, alters: 0, ties: 0, nodeTypes: {}, edgeTypes: {} };
  const started = performance.now();
  const measured = await measureDataset(counting(dataset, counts), plan, { groupVariables: carried, onProgress: options.onProgress });
  const readAndMeasureMs = performance.now() - started;

  const errors = problems.errors;
  const leftOut: string[] = [];
  let rows = measured.table.rows;
  if (errors.length > 0) {
    if (!options.keepGoing) return stopped();
    const bad = new Set(errors.map((p) => p.egoId).filter((id): id is string => id !== undefined));
    rows = rows.filter((r) => {
      if (!bad.has(r.ego_id as string)) return true;
      leftOut.push(r.ego_id as string);
      return false;
    });
  }
  const egoRows: Table = { ...measured.table, name: "ego-rows", rows };
  const measureIds = new Set(measured.measureColumns.map((c) => c.id));
  const measuresTable: Table = {
    name: "measures",
    title: "Measures per ego",
    columns: measured.table.columns.filter((c) => c.id === "ego_id" || groupIds.includes(c.id) || measureIds.has(c.id)),
    rows,
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
  const tablesMs = performance.now() - tablesStarted;

  return {
    dataPath,
    configPath: loaded.path,
    config,
    dataset,
    counts,
    measures: measuresTable,
    tables,
    errors,
    warnings: problems.warnings,
    notes: [...plan.warnings, ...measured.warnings, ...tableWarnings],
    leftOut,
    timings: { readAndMeasureMs, tablesMs },
  };

  function stopped(): never {
    throw new DataErrorWithProblems(errors, problems.warnings);
  }
}

/** Data errors stop the analysis; the CLI prints them as `validate` does. */
export class DataErrorWithProblems extends UsageError {
  constructor(
    readonly errors: Problem[],
    readonly warnings: Problem[],
  ) {
    super(`${errors.length} error${errors.length === 1 ? "" : "s"} in the data`);
  }
}

async function resolveDataPath(input: string | undefined, configData: string | undefined, cwd: string): Promise<string> {
  if (input === undefined) {
    if (configData === undefined) {
      throw new UsageError('no input given, and no netsp.config.json with a "data" entry in the current folder');
    }
    return configData;
  }
  const absolute = path.resolve(cwd, input);
  // A study folder: its netsp.config.json names the data inside it.
  if (configData !== undefined && (await stat(absolute).then((s) => s.isDirectory(), () => false))) return configData;
  return absolute;
}

/** The same dataset, counting raw alters and ties per type as they stream past. */
function counting(dataset: Dataset, counts: StudyCounts): Dataset {
  return {
    ...dataset,
    async *egos(): AsyncIterable<EgoNetwork> {
      for await (const network of dataset.egos()) {
        counts.egos++;
        counts.alters += network.alters.length;
        counts.ties += network.ties.length;
        for (const a of network.alters) counts.nodeTypes[a.nodeType] = (counts.nodeTypes[a.nodeType] ?? 0) + 1;
        for (const t of network.ties) counts.edgeTypes[t.edgeType] = (counts.edgeTypes[t.edgeType] ?? 0) + 1;
        yield network;
      }
    },
  };
}
