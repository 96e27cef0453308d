import { didYouMean } from "../did-you-mean.js";
import { UsageError } from "../errors.js";
import { resolveAlias } from "../model/resolve-alias.js";
import type { GroupConfig, StudyConfig } from "../model/index.js";
import { adjustPValues, compareGroups, type PAdjustMethod } from "../stats/index.js";
import type { ComparisonReport } from "./compare-report.js";
import { formatNumber } from "./format-number.js";
import { groupLevel, LevelTally, mergedSpellingWarning, refuseSparseGroups } from "./group-level.js";
import type { Cell, Table } from "../model/table.js";

/** Measures compared when none are named (those present in the data). */
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

export interface ComparisonRequest {
  /** The grouping variable as the user named it (aliases work). */
  by: string;
  /** Measures as named (aliases work); default: DEFAULT_COMPARE_MEASURES present in the table. */
  measures?: readonly string[];
  /** Levels in order (values or configured labels); default: config levels, else sorted values. */
  levels?: readonly string[];
  /** Where the rows came from, for messages. */
  source: string;
  /** Line of each row in its CSV, for messages. */
  rowLines?: readonly number[];
  /** `--adjust`: adjust the measures' p-values (the family the comparison table shows); default none. */
  adjust?: PAdjustMethod;
}

/**
 * One comparison per measure across the levels of a grouping variable, from per-ego rows: resolves names
 * through the config, orders levels, assigns egos (missing or unlisted values are left out, with a warning)
 * and runs compareGroups. Shared by `netsp compare` and `netsp analyse`.
 */
export function buildComparison(table: Table, config: StudyConfig, request: ComparisonRequest): { report: ComparisonReport; warnings: string[] } {
  const warnings: string[] = [];
  const by = findColumn(table, request.by, config);
  if (by === null) {
    const hint = didYouMean(request.by, table.columns.map((c) => c.id));
    throw new UsageError(`no column "${request.by}" to group by in ${request.source}${hint} (columns: ${columnList(table)})`);
  }
  let measures: string[];
  if (request.measures !== undefined) {
    measures = request.measures.map((m) => {
      const id = findColumn(table, m, config);
      if (id === null) {
        const hint = didYouMean(m, table.columns.map((c) => c.id));
        throw new UsageError(`no measure column "${m}" in ${request.source}${hint} (columns: ${columnList(table)})`);
      }
      return id;
    });
  } else {
    measures = DEFAULT_COMPARE_MEASURES.filter((m) => table.columns.some((c) => c.id === m));
    if (measures.length === 0) {
      throw new UsageError(
        `none of the default measures (${DEFAULT_COMPARE_MEASURES.join(", ")}) is a column of ${request.source}: ` +
          `name the columns to compare with --measures (columns: ${columnList(table)})`,
      );
    }
  }
  if (measures.includes(by)) throw new UsageError(`"${by}" is the grouping variable: it cannot also be a measure`);
  for (const m of measures) assertNumeric(table, m, request.rowLines);

  const groupConfig = findGroupConfig(config, request.by, by);
  const where = request.source.startsWith("table ") ? request.source : `compare --by ${request.by}`;
  const { levels, members } = assignLevels(table, by, request.levels ?? groupConfig?.levels, groupConfig, warnings, where);
  const labels: Record<string, string> = {};
  for (const level of levels) labels[level] = groupConfig?.labels?.[level] ?? level;
  const report: ComparisonReport = {
    by,
    byLabel: groupConfig?.label,
    levels,
    labels,
    source: request.source,
    results: measures.map((measure) => ({
      measure,
      comparison: compareGroups(
        levels,
        members.map((indexes) => indexes.map((i) => table.rows[i][measure] as number | null)),
      ),
    })),
  };
  if (request.adjust !== undefined && request.adjust !== "none") report.adjusted = adjustedFamily(report, request.adjust);
  return { report, warnings };
}

/** Each measure's test p (Mann–Whitney or Kruskal–Wallis) and exact p, adjusted over the measures. */
function adjustedFamily(report: ComparisonReport, method: PAdjustMethod): NonNullable<ComparisonReport["adjusted"]> {
  const p = report.results.map(({ comparison: c }) => (c.mannWhitney ?? c.kruskalWallis)?.p ?? null);
  const exact = report.results.map(({ comparison: c }) => c.mannWhitney?.pExact ?? null);
  return { method, p: adjustPValues(p, method), pExact: adjustPValues(exact, method) };
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
export function assertNumeric(table: Table, column: string, rowLines?: readonly number[]): void {
  const index = table.rows.findIndex((r) => r[column] !== null && r[column] !== undefined && typeof r[column] !== "number");
  if (index === -1) return;
  const where = rowLines ? ` (line ${rowLines[index]})` : "";
  const ego = egoIdOf(table.rows[index]);
  throw new UsageError(
    `"${column}" is not a numeric column: ${ego ? `ego ${ego}` : `row ${index + 1}`}${where} has ${JSON.stringify(table.rows[index][column])}. ` +
      "Statistics need numbers; missing values may be empty or NA",
  );
}

function egoIdOf(row: Record<string, Cell>): string | null {
  for (const key of ["ego_id", "egoId", "id", "ID"]) if (typeof row[key] === "string" || typeof row[key] === "number") return String(row[key]);
  return null;
}

export function columnList(table: Table): string {
  return table.columns.map((c) => c.id).join(", ");
}

export function findGroupConfig(config: StudyConfig, name: string, column: string): GroupConfig | undefined {
  const groups = config.groups ?? {};
  for (const key of [column, name, resolveAlias(name, config), resolveAlias(column, config)]) if (groups[key]) return groups[key];
  for (const [alias, variable] of Object.entries(config.aliases ?? {})) {
    if ((variable === column || variable === name) && groups[alias]) return groups[alias];
  }
  return undefined;
}

/** A grouping value as text: numbers as the one formatter prints them, booleans as true/false. */
function levelText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") return formatNumber(cell);
  return String(cell);
}

/**
 * The levels to compare and the rows in each. Levels: as given (a level may also be named by its configured
 * label), else sorted observed values. Values are compared trimmed and in Unicode NFC (groupLevel), with a
 * warning for each level written in several ways. Egos whose value is missing or not a level are left out,
 * with a warning. Observed levels most of which hold one ego are refused (refuseSparseGroups).
 */
export function assignLevels(
  table: Table,
  by: string,
  given: readonly string[] | undefined,
  groupConfig: GroupConfig | undefined,
  warnings: string[],
  where = `compare --by ${by}`,
): { levels: string[]; members: number[][] } {
  const tally = new LevelTally();
  const values = table.rows.map((r) => {
    const text = levelText(r[by]);
    tally.add(text);
    const level = text === null ? null : groupLevel(text);
    return level === "" ? null : level;
  });
  for (const m of tally.merged()) warnings.push(mergedSpellingWarning(by, m));
  const observed = [...tally.counts.keys()];
  let levels: string[];
  if (given !== undefined) {
    const byLabel = new Map(Object.entries(groupConfig?.labels ?? {}).map(([value, label]) => [label, value]));
    levels = given.map((l) => (observed.includes(groupLevel(l)) || !byLabel.has(l) ? groupLevel(l) : groupLevel(byLabel.get(l)!)));
    const duplicate = levels.find((l, i) => levels.indexOf(l) !== i);
    if (duplicate !== undefined) throw new UsageError(`level "${duplicate}" is listed twice`);
  } else {
    const collator = new Intl.Collator("en", { numeric: true });
    levels = [...observed].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
    refuseSparseGroups(by, tally.counts, where);
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
  if (missing > 0) warnings.push(`${missing} ego${missing === 1 ? "" : "s"} with no ${by} value left out`);
  if (others.size > 0) {
    const count = [...others.values()].reduce((a, b) => a + b, 0);
    warnings.push(`${count} ego${count === 1 ? "" : "s"} with ${by} = ${[...others.keys()].join(", ")} (not among the levels compared) left out`);
  }
  const empty = levels.filter((_, i) => members[i].length === 0);
  const withEgos = levels.length - empty.length;
  if (withEgos < 2) {
    throw new UsageError(
      `compare needs egos in at least two levels of "${by}", but only ${withEgos === 0 ? "none" : `"${levels.find((_, i) => members[i].length > 0)}"`} ` +
        `of ${levels.map((l) => `"${l}"`).join(", ")} has any (values present: ${observed.join(", ") || "none"})`,
    );
  }
  if (empty.length > 0) warnings.push(`no egos in level${empty.length === 1 ? "" : "s"} ${empty.map((l) => `"${l}"`).join(", ")} of ${by}: reported with n = 0`);
  return { levels, members };
}
