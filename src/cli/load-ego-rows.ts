import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { DataError, InputError, UsageError } from "../errors.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { resolveAlias } from "../model/resolve-alias.js";
import { didYouMean } from "../did-you-mean.js";
import { findMeasure, planMeasureColumns } from "../measures/index.js";
import { measureDataset } from "../pipeline/measure-ego-rows.js";
import { openStudy } from "../pipeline/open-study.js";
import type { InputFormat, StudyConfig } from "../model/index.js";
import { learnIds, learningIds, pseudonymiseRows, type Pseudonymiser } from "../report/pseudonymise.js";
import type { Cell, Table } from "../tables/index.js";
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
    if (options.pseudonymiser) {
      // Rows keep their order here, so rowLines still point at them.
      const p = options.pseudonymiser;
      const rows = table.rows.map((r) => (typeof r.ego_id === "string" || typeof r.ego_id === "number" ? { ...r, ego_id: p.id(String(r.ego_id)) } : r));
      return { table: { ...table, rows }, source: display, config: loaded.config, rowLines };
    }
    return { table, source: display, config: loaded.config, rowLines };
  }
  const table = await measureExport(absolute, input, options.configPath ?? loaded.path, options);
  return { table, source: display, config: loaded.config };
}

/** A Network Canvas `…_ego.csv` given directly (its header starts with networkCanvasEgoUUID) is an export, not a table. */
async function isNetworkCanvasEgoFile(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    return /^\uFEFF?"?networkCanvasEgoUUID"?[,;\t]/.test(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** A per-ego CSV as a Table, with the line each row starts on. */
export async function readEgoTable(file: string, display = file): Promise<{ table: Table; rowLines: number[] }> {
  const bytes = await readFile(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("not UTF-8 text: save the table as CSV (UTF-8)", { file: display });
  }
  if (text.includes("\u0000")) throw new InputError("not a text table (it holds NUL bytes): save it as CSV", { file: display });
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new InputError("the file is empty", { file: display });
  const delimiter = detectDelimiter(text);

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
  } catch (e) {
    const error = e as { message: string; lines?: number };
    throw new InputError(error.message.replace(/^Invalid Record Length: /, ""), { file: display, line: error.lines });
  }
  const [header, ...body] = records;
  const columns = header.record.map((name) => name.trim());
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === "") throw new InputError(`column ${i + 1} has no name in the header`, { file: display, line: 1, column: i + 1 });
    if (seen.has(name)) throw new InputError(`the column "${name}" appears twice in the header`, { file: display, line: 1, column: i + 1 });
    seen.add(name);
  });

  const rows: Array<Record<string, Cell>> = [];
  const rowLines: number[] = [];
  for (const { record, info } of body) {
    const row: Record<string, Cell> = {};
    record.forEach((raw, i) => {
      const cell = parseCell(raw, delimiter);
      if (cell === undefined) {
        throw new InputError(`"${raw.trim()}" is too large to be a number`, { file: display, line: info.lines, column: i + 1 });
      }
      row[columns[i]] = cell;
    });
    rows.push(row);
    rowLines.push(info.lines);
  }
  return { table: { name: "ego-rows", columns: columns.map((id) => ({ id })), rows }, rowLines };
}

/** The delimiter the header line uses most: `,`, `;` or tab (ties go to `,`). */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates: Array<[string, number]> = [
    [",", count(",")],
    [";", count(";")],
    ["\t", count("\t")],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ",";
}

const MISSING = new Set(["", "NA", "N/A", "NaN", "."]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * One cell: missing markers (empty, NA, N/A, NaN, `.`) → null; a plain decimal number → number (no thousands
 * separators, no units; in `;`-separated files a decimal comma is accepted: `1,5` → 1.5); anything else → text,
 * with a spreadsheet formula guard (`'` before `= + - @`) removed. undefined when a number overflows.
 */
function parseCell(raw: string, delimiter: string): Cell | undefined {
  const text = raw.trim();
  if (MISSING.has(text)) return null;
  let numeric: string | null = null;
  if (NUMBER.test(text)) numeric = text;
  else if (delimiter === ";" && DECIMAL_COMMA.test(text)) numeric = text.replace(",", ".");
  if (numeric !== null) {
    const value = Number(numeric);
    return Number.isFinite(value) ? value : undefined;
  }
  return /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw;
}

/** Opens an interview export and measures it: the measures and ego variables asked for, one row per ego. */
async function measureExport(input: string, given: string | undefined, configPath: string | undefined, options: LoadEgoRowsOptions): Promise<Table> {
  // The same rules as every command: a study folder's config names the data inside it.
  const opened = await openStudy({
    input,
    configPath,
    protocol: options.protocol,
    inputFormat: options.inputFormat,
    egoId: options.egoId,
    cwd: options.cwd,
  });
  const { config, dataset, plan, problems } = opened;
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
  const pseudo = options.pseudonymiser;
  const measured = await measureDataset(pseudo ? learningIds(dataset, pseudo) : dataset, plan, {
    measures,
    groupVariables,
    jobs: options.jobs,
    problems,
    includeUnfinished: options.includeUnfinished,
    ...(pseudo ? { showEgoId: (id: string) => pseudo.id(id) } : {}),
  });
  if (pseudo) learnIds(pseudo, measured.table.rows, problems.problems);

  if (problems.errors.length > 0) {
    const errors = pseudo ? problems.errors.map((p) => pseudo.problem(p)) : problems.errors;
    const shown = errors.slice(0, 10).map((p) => `  ${p.file}${p.line !== undefined ? `:${p.line}` : ""}: ${p.message}`);
    const more = problems.errors.length > 10 ? [`  … and ${problems.errors.length - 10} more (run \`netsp validate\`)`] : [];
    throw new DataError(
      `the data have ${problems.errors.length} error${problems.errors.length === 1 ? "" : "s"}, so no statistics were computed:\n` +
        [...shown, ...more].join("\n"),
      problems.errors.length,
    );
  }
  const warnings = [...plan.warnings, ...measured.warnings];
  if (problems.warnings.length > 0) {
    warnings.push(`${problems.warnings.length} warning${problems.warnings.length === 1 ? "" : "s"} in the data (run \`netsp validate\` to list them)`);
  }
  for (const w of warnings) options.onWarning?.(w);
  // Rows keep their order, so statistics add up to the same bits as without pseudonyms (no ids are printed).
  return pseudo ? pseudonymiseRows(measured.table, pseudo, { sort: false }) : measured.table;
}
