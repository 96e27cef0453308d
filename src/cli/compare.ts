import path from "node:path";
import { Command, Option } from "commander";
import { OutputError, UsageError } from "../errors.js";
import { resolveAlias } from "../ingest/load-config.js";
import type { GroupConfig, StudyConfig } from "../model/index.js";
import { compareGroups } from "../stats/index.js";
import { compareJson, type ComparisonReport } from "../tables/compare-report.js";
import { compareSpssTables } from "../tables/compare-spss-tables.js";
import { compareCsvTable, compareTables } from "../tables/compare-tables.js";
import { formatNumber, renderTerminal, toCsv, toMarkdown, type Cell, type Table } from "../tables/index.js";
import { writeFileAtomic } from "../tables/write-file-atomic.js";
import { loadEgoRows, type EgoRows } from "./load-ego-rows.js";
import { info, warn } from "./messages.js";
import { sharedOptions, splitList } from "./shared-options.js";

/** Measures compared when `--measures` is not given (those present in the data). */
export const DEFAULT_COMPARE_MEASURES = [
  "network_size",
  "excluded_alters",
  "isolates",
  "isolates_pct",
  "average_degree",
  "average_degree_multiplex",
  "density",
  "max_k",
  "max_k_core_size",
  "effective_size",
  "constraint",
];

interface CompareOptions {
  by: string;
  measures?: string;
  levels?: string;
  format?: "csv" | "md" | "json";
  out?: string;
  layout: "default" | "spss";
  config?: string;
  protocol?: string;
  inputFormat?: "network-canvas-csv" | "graphml" | "three-file";
  egoId?: "caseId" | "sessionId" | "egoUUID";
}

/** `netsp compare`: group comparison of per-ego measures. */
export function compareCommand(): Command {
  return new Command("compare")
    .description(
      "compare measures between groups of egos: Mann–Whitney U for two levels; Kruskal–Wallis with Dunn and " +
        "pairwise Mann–Whitney tests for three or more",
    )
    .argument("[input]", "per-ego CSV (e.g. from `netsp measures`) or an interview export (default: the data in netsp.config.json)")
    .requiredOption("--by <variable>", "grouping ego variable (config aliases work, e.g. deprivation)")
    .addOption(sharedOptions.measures())
    .option("--levels <values>", "comma-separated levels to compare, in this order (default: config groups, else sorted values)")
    .addOption(sharedOptions.format(["csv", "md", "json"]))
    .addOption(sharedOptions.out())
    .addOption(
      new Option("--layout <layout>", "table layout: default, or spss (Ranks and Test Statistics tables as SPSS prints them)")
        .choices(["default", "spss"])
        .default("default"),
    )
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.protocol())
    .addOption(sharedOptions.inputFormat())
    .addOption(sharedOptions.egoId())
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ netsp compare measures.csv --by lw_question_asked --measures network_size,excluded_alters --layout spss
  $ netsp compare --by deprivation                       data and aliases from netsp.config.json here
  $ netsp compare ./export --by employer --levels PCN,VCS --format json --out compare.json

Statistics: Z is tie-corrected without continuity correction (as SPSS); the exact p is the permutation
distribution of the rank sum given the midranks (as R coin). Missing values are left out, per measure.`,
    )
    .action(async (input: string | undefined, options: CompareOptions) => {
      await runCompare(input, options);
    });
}

async function runCompare(input: string | undefined, options: CompareOptions): Promise<void> {
  const requested = splitList(options.measures);
  if (requested !== undefined && requested.length === 0) throw new UsageError("--measures is empty");
  const format = chooseFormat(options.format, options.out, options.layout);
  const rows = await loadEgoRows(input, {
    configPath: options.config,
    protocol: options.protocol,
    inputFormat: options.inputFormat,
    egoId: options.egoId,
    measures: requested ?? DEFAULT_COMPARE_MEASURES,
    variables: [options.by],
    onWarning: warn,
  });
  const { config, table } = rows;

  const by = findColumn(table, options.by, config);
  if (by === null) {
    throw new UsageError(`no column "${options.by}" to group by in ${rows.source} (columns: ${columnList(table)})`);
  }
  let measures: string[];
  if (requested !== undefined) {
    measures = requested.map((m) => {
      const id = findColumn(table, m, config);
      if (id === null) throw new UsageError(`no measure column "${m}" in ${rows.source} (columns: ${columnList(table)})`);
      return id;
    });
  } else {
    measures = DEFAULT_COMPARE_MEASURES.filter((m) => table.columns.some((c) => c.id === m));
    if (measures.length === 0) {
      throw new UsageError(
        `none of the default measures (${DEFAULT_COMPARE_MEASURES.join(", ")}) is a column of ${rows.source}: ` +
          `name the columns to compare with --measures (columns: ${columnList(table)})`,
      );
    }
  }
  if (measures.includes(by)) throw new UsageError(`"${by}" is the grouping variable: it cannot also be a measure`);
  for (const m of measures) assertNumeric(rows, m);

  const groupConfig = findGroupConfig(config, options.by, by);
  const { levels, members } = assignLevels(rows, by, splitList(options.levels) ?? groupConfig?.levels, groupConfig);
  const labels: Record<string, string> = {};
  for (const level of levels) labels[level] = groupConfig?.labels?.[level] ?? level;

  const report: ComparisonReport = {
    by,
    byLabel: groupConfig?.label,
    levels,
    labels,
    source: rows.source,
    results: measures.map((measure) => ({
      measure,
      comparison: compareGroups(
        levels,
        members.map((indexes) => indexes.map((i) => table.rows[i][measure] as number | null)),
      ),
    })),
  };
  await writeOutput(renderComparison(report, format, options.layout), options.out);
}

/** The report in the chosen format and layout. */
function renderComparison(report: ComparisonReport, format: OutputFormat, layout: "default" | "spss"): string {
  if (format === "json") return compareJson(report);
  if (format === "csv") return toCsv(compareCsvTable(report));
  const tables = layout === "spss" ? compareSpssTables(report) : compareTables(report);
  const provenance = `Data: ${report.source}. Grouped by ${report.by}: ${report.levels.map((l) => report.labels[l]).join(", ")}.`;
  tables[0] = { ...tables[0], notes: [...(tables[0].notes ?? []), provenance] };
  if (format === "md") return tables.map((t) => toMarkdown(t)).join("\n");
  return tables.map((t) => renderTerminal(t)).join("\n");
}

export type OutputFormat = "csv" | "md" | "json" | "terminal";

/**
 * The output format: `--format`; else from the `--out` extension (.md, .json, otherwise csv); else a table on a
 * terminal and csv in a pipe. The SPSS layout is a display layout: Markdown or the terminal.
 */
export function chooseFormat(format: "csv" | "md" | "json" | undefined, out: string | undefined, layout = "default"): OutputFormat {
  let chosen: OutputFormat;
  if (format !== undefined) chosen = format;
  else if (out !== undefined) {
    const ext = path.extname(out).toLowerCase();
    chosen = ext === ".md" ? "md" : ext === ".json" ? "json" : "csv";
  } else chosen = process.stdout.isTTY ? "terminal" : "csv";
  if (layout === "spss" && (chosen === "csv" || chosen === "json")) {
    if (format === undefined && out === undefined) return "md";
    throw new UsageError("--layout spss lays out tables to read: use it with --format md (or on a terminal), not csv or json");
  }
  return chosen;
}

/** Writes the result to `out`, or to stdout. */
export async function writeOutput(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFileAtomic(out, text);
  } catch (e) {
    throw new OutputError(`cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  info(`wrote ${out}`);
}

/**
 * The column a name on the command line means: the name itself, else what the config's aliases make of it
 * (`deprivation` → `area_deprivation`), else an alias whose target is the name. null when none exists.
 */
export function findColumn(table: Table, name: string, config: StudyConfig): string | null {
  const ids = new Set(table.columns.map((c) => c.id));
  if (ids.has(name)) return name;
  const target = resolveAlias(name, config);
  if (ids.has(target)) return target;
  for (const [alias, variable] of Object.entries(config.aliases ?? {})) {
    if (variable === name && ids.has(alias)) return alias;
  }
  return null;
}

/** A measure column must hold numbers (or be missing); anything else is a usage error naming the first offender. */
export function assertNumeric(rows: EgoRows, column: string): void {
  const index = rows.table.rows.findIndex((r) => r[column] !== null && r[column] !== undefined && typeof r[column] !== "number");
  if (index === -1) return;
  const where = rows.rowLines ? ` (line ${rows.rowLines[index]})` : "";
  const ego = egoIdOf(rows.table.rows[index]);
  throw new UsageError(
    `"${column}" is not a numeric column: ${ego ? `ego ${ego}` : `row ${index + 1}`}${where} has ${JSON.stringify(rows.table.rows[index][column])}. ` +
      "Statistics need numbers; missing values may be empty or NA",
  );
}

function egoIdOf(row: Record<string, Cell>): string | null {
  for (const key of ["ego_id", "egoId", "id", "ID"]) if (typeof row[key] === "string" || typeof row[key] === "number") return String(row[key]);
  return null;
}

function columnList(table: Table): string {
  return table.columns.map((c) => c.id).join(", ");
}

function findGroupConfig(config: StudyConfig, name: string, column: string): GroupConfig | undefined {
  const groups = config.groups ?? {};
  for (const key of [column, name, resolveAlias(name, config), resolveAlias(column, config)]) if (groups[key]) return groups[key];
  for (const [alias, variable] of Object.entries(config.aliases ?? {})) {
    if ((variable === column || variable === name) && groups[alias]) return groups[alias];
  }
  return undefined;
}

/** A grouping value as text: numbers as the one formatter prints them, booleans as true/false. */
function levelKey(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return formatNumber(cell);
  return String(cell);
}

/**
 * The levels to compare and the rows in each. Levels: as given (a level may also be named by its configured
 * label), else sorted observed values. Egos whose value is missing or not a level are left out, with a warning.
 */
function assignLevels(
  rows: EgoRows,
  by: string,
  given: readonly string[] | undefined,
  groupConfig: GroupConfig | undefined,
): { levels: string[]; members: number[][] } {
  const values = rows.table.rows.map((r) => levelKey(r[by]));
  const observed = [...new Set(values.filter((v): v is string => v !== null))];
  let levels: string[];
  if (given !== undefined) {
    const byLabel = new Map(Object.entries(groupConfig?.labels ?? {}).map(([value, label]) => [label, value]));
    levels = given.map((l) => (observed.includes(l) || !byLabel.has(l) ? l : byLabel.get(l)!));
    const duplicate = levels.find((l, i) => levels.indexOf(l) !== i);
    if (duplicate !== undefined) throw new UsageError(`level "${duplicate}" is listed twice`);
  } else {
    const collator = new Intl.Collator("en", { numeric: true });
    levels = observed.sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
  }
  if (levels.length < 2) {
    throw new UsageError(
      `compare needs at least two levels of "${by}"; ${levels.length === 0 ? "there are none" : `the only level is "${levels[0]}"`}`,
    );
  }
  const members = levels.map(() => [] as number[]);
  let missing = 0;
  const others = new Map<string, number>();
  values.forEach((v, i) => {
    if (v === null) missing++;
    else if (levels.includes(v)) members[levels.indexOf(v)].push(i);
    else others.set(v, (others.get(v) ?? 0) + 1);
  });
  if (missing > 0) warn(`${missing} ego${missing === 1 ? "" : "s"} with no ${by} value left out`);
  if (others.size > 0) {
    const count = [...others.values()].reduce((a, b) => a + b, 0);
    warn(`${count} ego${count === 1 ? "" : "s"} with ${by} = ${[...others.keys()].join(", ")} (not among the levels compared) left out`);
  }
  const empty = levels.filter((_, i) => members[i].length === 0);
  const withEgos = levels.length - empty.length;
  if (withEgos < 2) {
    throw new UsageError(
      `compare needs egos in at least two levels of "${by}", but only ${withEgos === 0 ? "none" : `"${levels.find((_, i) => members[i].length > 0)}"`} ` +
        `of ${levels.map((l) => `"${l}"`).join(", ")} has any (values present: ${observed.join(", ") || "none"})`,
    );
  }
  if (empty.length > 0) warn(`no egos in level${empty.length === 1 ? "" : "s"} ${empty.map((l) => `"${l}"`).join(", ")} of ${by}: reported with n = 0`);
  return { levels, members };
}
