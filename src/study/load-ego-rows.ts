import { stat } from "node:fs/promises";
import path from "node:path";
import { DataError, InputError, UsageError } from "../errors.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { resolveAlias } from "../model/resolve-alias.js";
import { didYouMean } from "../did-you-mean.js";
import { isNetworkCanvasEgoFile, readEgoTable } from "../ingest/csv/read-ego-table.js";
import { findMeasure, planMeasureColumns } from "../measures/index.js";
import { measureStudy } from "./measure-study.js";
import { openStudy } from "./open-study.js";
import { formatProblem, type Cell, type InputFormat, type StudyConfig, type Table } from "../model/index.js";
import { pseudonymiseRows, type Pseudonymiser } from "./pseudonymise.js";
import { studyInputs } from "./study-inputs.js";

export interface LoadEgoRowsOptions {
  /** `--config`: the study configuration file. */
  configPath?: string;
  /** For interview exports: `--protocol`, `--input-format`, `--ego-id`. */
  protocol?: string;
  inputFormat?: InputFormat;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** `--include-unfinished`: keep interviews that were not completed. */
  includeUnfinished?: boolean;
  /** `--jobs`: worker threads for measuring an export (see measureDataset). */
  jobs?: number;
  /** Measure ids the command needs (interview exports are measured for these only). */
  measures?: readonly string[];
  /** Other columns the command needs (grouping or ego variables, as named on the command line). */
  variables?: readonly string[];
  /** Where messages for people go (the CLI passes its `warn`). */
  onWarning?: (message: string) => void;
  /** `--pseudonymise`: ego ids in the rows (and in messages about an export) become pseudonyms. */
  pseudonymiser?: Pseudonymiser;
  /**
   * Called with every path read (the table, or the export's files, and the config and protocol) once they are
   * known and before any row is measured: where a command refuses an output that would replace one.
   */
  onInputs?: (inputs: string[]) => Promise<void>;
  cwd?: string;
}

export interface EgoRows {
  /** One row per ego. Numbers are numbers; missing values are null. */
  table: Table;
  /** The data the rows came from, for messages and provenance. */
  source: string;
  /** The study configuration in force ({} when none). */
  config: StudyConfig;
  /** 1-based line in the CSV of each row (header = line 1), when the rows were read from a CSV. */
  rowLines?: number[];
}

/** Extensions read as a table with one row per ego; anything else is an interview export. */
const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".txt"]);

/**
 * The per-ego rows statistics run on. `input` is either a table with one row per ego (a `netsp measures`
 * CSV or a spreadsheet export: `,` `;` or tab separated, detected from the header) or an interview export
 * (folder, zip, GraphML, a Network Canvas `…_ego.csv`), which is opened and measured with the measures and
 * ego variables asked for. With no input, the data named by `data` in netsp.config.json in the current folder.
 */
export async function loadEgoRows(input: string | undefined, options: LoadEgoRowsOptions = {}): Promise<EgoRows> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadStudyConfig({ input, configPath: options.configPath, cwd });
  let dataPath = input;
  if (dataPath === undefined) {
    if (loaded.dataPath === undefined) {
      throw new UsageError(
        "no input given, and there is no netsp.config.json with a \"data\" entry in the current folder: " +
          "name the data (a per-ego CSV or an interview export) as the first argument",
      );
    }
    dataPath = loaded.dataPath;
  }
  const absolute = path.resolve(cwd, dataPath);
  const info = await stat(absolute).catch(() => null);
  if (info === null) throw new InputError(`no such file or folder: ${dataPath}`);
  const display = path.relative(cwd, absolute) || ".";

  if (info.isFile() && TABLE_EXTENSIONS.has(path.extname(absolute).toLowerCase()) && !(await isNetworkCanvasEgoFile(absolute))) {
    await options.onInputs?.([absolute, ...(loaded.path !== undefined ? [loaded.path] : [])]);
    const { table, rowLines } = await readEgoTable(absolute, display);
    // Rows keep their order, so rowLines still point at them.
    const rows = options.pseudonymiser ? pseudonymiseRows(table, options.pseudonymiser, { sort: false }) : table;
    return { table: rows, source: display, config: loaded.config, rowLines };
  }
  const table = await measureExport(absolute, input, options.configPath ?? loaded.path, options);
  return { table, source: display, config: loaded.config };
}

/** Opens an interview export and measures it: the measures and ego variables asked for, one row per ego. */
async function measureExport(input: string, given: string | undefined, configPath: string | undefined, options: LoadEgoRowsOptions): Promise<Table> {
  // The same rules as every command: a study folder's config names the data inside it.
  const opened = await openStudy({
    input,
    configPath,
    jobs: options.jobs,
    protocol: options.protocol,
    inputFormat: options.inputFormat,
    egoId: options.egoId,
    includeUnfinished: options.includeUnfinished,
    cwd: options.cwd,
  });
  const { config, dataset, plan } = opened;
  await options.onInputs?.(studyInputs(given ?? input, opened, options, options.cwd));
  const columns = planMeasureColumns(plan);
  const isMeasure = (name: string) => findMeasure(name) !== undefined || columns.some((c) => c.id === name || c.set === name);

  const wanted = [...new Set([...(options.measures ?? []), ...(options.variables ?? [])])];
  const measures = wanted.filter(isMeasure);
  const egoVariables = wanted.filter((name) => !isMeasure(name));
  const known = Object.keys(dataset.codebook.ego);
  for (const name of egoVariables) {
    const variable = dataset.codebook.ego[resolveAlias(name, config)];
    if (known.length > 0 && variable === undefined) {
      throw new UsageError(
        `"${name}" is neither a measure (see \`netsp measures --list\`) nor an ego variable of the data` +
          `${didYouMean(name, [...known, ...Object.keys(config.aliases ?? {}), ...columns.map((c) => c.id)])} (ego variables: ${known.join(", ")})`,
      );
    }
    if (variable?.role === "identifying") {
      throw new UsageError(
        `"${name}" is a ${variable.type} variable, which identifies people, so netsp never shows its values. ` +
          `If it does not (an interview date, an area), declare it in netsp.config.json: "variables": {"ego.${variable.name}": {"role": "group"}}`,
      );
    }
  }
  const groupVariables = [...new Set([...egoVariables, ...plan.groupVariables.map((g) => g.id)])];
  const study = await measureStudy(opened, { measures, groupVariables, jobs: options.jobs, pseudonymiser: options.pseudonymiser });
  const { errors } = study;
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((p) => `  ${formatProblem(p)}`);
    const more = errors.length > 10 ? [`  … and ${errors.length - 10} more (run \`netsp validate\`)`] : [];
    throw new DataError(
      `the data have ${errors.length} error${errors.length === 1 ? "" : "s"}, so no statistics were computed:\n` + [...shown, ...more].join("\n"),
      errors.length,
    );
  }
  const warnings = [...study.notes];
  if (study.warnings.length > 0) {
    warnings.push(`${study.warnings.length} warning${study.warnings.length === 1 ? "" : "s"} in the data (run \`netsp validate\` to list them)`);
  }
  for (const w of warnings) options.onWarning?.(w);
  // Rows keep their order, so statistics add up to the same bits as without pseudonyms (no ids are printed).
  return study.rows;
}
