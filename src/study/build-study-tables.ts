import { didYouMean } from "../did-you-mean.js";
import { UsageError } from "../errors.js";
import { resolveAlias } from "../model/resolve-alias.js";
import type { ExcludeRule, StudyConfig, TableConfig } from "../model/index.js";
import { correlatePairs, type CorrelationMethod } from "../stats/index.js";
import { buildComparison, assertNumeric, findColumn } from "../tables/build-comparison.js";
import { buildCompositionTable } from "../tables/build-composition-table.js";
import { buildEgosTable } from "../tables/build-egos-table.js";
import { buildParticipantsTable } from "../tables/build-participants-table.js";
import { buildSummaryTable, type DescriptivesCache } from "../tables/build-summary-table.js";
import { compareSpssTables } from "../tables/compare-spss-tables.js";
import { compareCsvTable, compareTables } from "../tables/compare-tables.js";
import { correlateTable } from "../tables/correlate-tables.js";
import { mergedSpellingWarning, refuseSparseGroups, sparseGroups } from "../tables/group-level.js";
import { resolveGrouping } from "../tables/grouping.js";
import { toMarkdown } from "../tables/index.js";
import { type Cell, type Table } from "../model/index.js";
import { compareEgoIds } from "./measure-ego-rows.js";

/** One table of an analysis: the data (CSV, JSON, xlsx) and how it reads (Markdown). */
export interface StudyTable {
  name: string;
  title: string;
  data: Table;
  markdown: string;
}

/** What building the tables needs to know about the study besides the rows. */
export interface StudyTableContext {
  config: StudyConfig;
  /** The per-ego rows: ego_id, ego variables, measures. */
  egoRows: Table;
  /** Ego variables carried in the rows, in codebook order, with whether each is numeric. */
  egoVariables: ReadonlyArray<{ id: string; numeric: boolean; levels?: string[]; labels?: Record<string, string> }>;
  /** Labels of categories of alter variables, for composition tables. */
  categoryLabels: Record<string, Record<string, string>>;
  /** Composition variables measured (for default tables). */
  compositionVariables: readonly string[];
}

/** The parts of a comparison, in the order compareTables and compareSpssTables give them. */
const PARTS = ["ranks", "tests", "pairwise"] as const;

/** Main measures for default summary tables (those present). */
const MAIN_MEASURES = [
  "network_size",
  "excluded_alters",
  "ties",
  "density",
  "average_degree",
  "average_degree_multiplex",
  "isolates",
  "isolates_pct",
  "max_k",
  "max_k_core_size",
  "effective_size",
  "constraint",
];

/** Decimals shown in Markdown for default summary columns (CSV keeps full precision). */
const DEFAULT_DECIMALS = 2;

/** A grouping variable worth a default table: 2 to 12 levels. */
const MAX_DEFAULT_LEVELS = 12;

/**
 * The tables the configuration declares, or, with none declared, the defaults: participant characteristics,
 * the main measures by each categorical ego variable, and composition of each categorical alter variable.
 * Returns the tables in order, and warnings (egos left out of a grouping, …).
 */
export function buildStudyTables(context: StudyTableContext): { tables: StudyTable[]; warnings: string[] } {
  const warnings: string[] = [];
  const specs = context.config.tables ?? defaultTableSpecs(context, warnings);
  const cache: DescriptivesCache = new WeakMap();
  const tables = specs.map((spec) => buildStudyTable(spec, context, warnings, cache));
  return { tables, warnings: [...new Set(warnings)] };
}

function defaultTableSpecs(context: StudyTableContext, warnings: string[]): TableConfig[] {
  const rows = context.egoRows.rows;
  const present = new Set(context.egoRows.columns.map((c) => c.id));
  const main = MAIN_MEASURES.filter((m) => present.has(m));
  const specs: TableConfig[] = [{ name: "participants", title: "Participant characteristics", kind: "participants" }];
  const categorical = context.egoVariables.filter((v) => {
    if (v.numeric) return false;
    const grouping = resolveGrouping(rows, v.id, context.config);
    const levels = grouping.egosPerLevel.size;
    if (levels < 2 || levels > MAX_DEFAULT_LEVELS) return false;
    if (grouping.observed && sparseGroups(grouping.egosPerLevel)) {
      warnings.push(`no default table by ${v.id}: most of its ${levels} levels hold a single ego (declare its levels in the config's "groups" to have one)`);
      return false;
    }
    return true;
  });
  for (const v of categorical) {
    specs.push({
      name: `measures-by-${fileSafe(v.id)}`,
      title: `Main measures by ${v.id} (medians)`,
      by: v.id,
      all: true,
      columns: [
        { measure: "network_size", aggregate: "n", label: "egos" },
        ...main.map((m) => ({ measure: m, aggregate: "median" as const, decimals: DEFAULT_DECIMALS })),
      ],
    });
  }
  for (const variable of context.compositionVariables) {
    specs.push({ name: `composition-${fileSafe(variable)}`, title: `Composition: ${variable}`, kind: "composition", variable });
  }
  return specs;
}

function buildStudyTable(spec: TableConfig, context: StudyTableContext, warnings: string[], cache: DescriptivesCache): StudyTable {
  const { config } = context;
  const rows = applyWhere(context.egoRows, spec, config);
  const by = spec.by !== undefined ? resolveColumn(rows, spec.by, config, spec.name) : undefined;
  const grouping = by !== undefined ? resolveGrouping(rows.rows, by, config, spec.by) : null;
  const title = spec.title ?? spec.name;
  const kind = spec.kind ?? "summary";
  if (grouping) {
    if (grouping.leftOut.missing > 0) warnings.push(`table ${spec.name}: ${grouping.leftOut.missing} ego(s) with no ${spec.by} value are in no group`);
    for (const m of grouping.merged) warnings.push(mergedSpellingWarning(grouping.by, m));
    // Tables the config declares (defaults leave such variables out); a compare table is checked by buildComparison.
    if (grouping.observed && kind !== "egos" && kind !== "compare") refuseSparseGroups(grouping.by, grouping.egosPerLevel, `table "${spec.name}"`);
  }
  const resolvedColumns = () =>
    spec.columns?.map((c) => ({
      ...c,
      measure: resolveColumn(rows, c.measure, config, spec.name),
      ...(c.per !== undefined ? { per: resolveColumn(rows, c.per, config, spec.name) } : {}),
    }));
  let data: Table;
  let markdown: string | undefined;
  switch (kind) {
    case "summary":
      data = buildSummaryTable(rows.rows, { ...spec, columns: resolvedColumns() }, grouping, cache);
      break;
    case "egos":
      // In ego id order (already so, unless the ids were pseudonymised after sorting: then by pseudonym).
      data = buildEgosTable(
        [...rows.rows].sort((a, b) => compareEgoIds(String(a.ego_id), String(b.ego_id))),
        { ...spec, by, columns: resolvedColumns() },
      );
      break;
    case "composition":
      data = buildCompositionTable(rows.rows, spec, grouping, context.categoryLabels[spec.variable ?? ""] ?? {});
      break;
    case "participants": {
      const variables = spec.vars?.map((v) => resolveColumn(rows, v, config, spec.name)) ?? context.egoVariables.map((v) => v.id);
      const levelOrder: Record<string, string[]> = {};
      const levelLabels: Record<string, Record<string, string>> = {};
      for (const v of context.egoVariables) {
        if (v.levels) levelOrder[v.id] = v.levels;
        if (v.labels) levelLabels[v.id] = v.labels;
      }
      for (const [variable, group] of Object.entries(config.groups ?? {})) {
        if (group.levels) levelOrder[variable] = levelOrder[resolveAlias(variable, config)] = group.levels;
      }
      data = buildParticipantsTable(rows.rows, variables, grouping, { name: spec.name, title, levelOrder, levelLabels });
      break;
    }
    case "compare": {
      if (spec.by === undefined) throw new UsageError(`table "${spec.name}": a compare table needs "by"`);
      const { report, warnings: w } = buildComparison(rows, config, {
        by: spec.by,
        measures: spec.measures,
        levels: spec.levels,
        source: `table ${spec.name}`,
      });
      warnings.push(...w.map((x) => `table ${spec.name}: ${x}`));
      const full = compareTables(report); // [ranks per group, tests, pairwise (3+ levels)]
      const parts = spec.parts ?? ["ranks", "tests", "pairwise"];
      const picked = PARTS.filter((p, i) => parts.includes(p) && full[i] !== undefined);
      if (picked.length === 0) throw new UsageError(`table "${spec.name}": none of the parts ${parts.join(", ")} exists for this comparison`);
      if (picked.length > 1 && picked.length < full.length) {
        throw new UsageError(`table "${spec.name}": choose one part, or all of them ("parts" ${parts.join(", ")})`);
      }
      data = picked.length === full.length ? compareCsvTable(report) : full[PARTS.indexOf(picked[0])];
      const shown = spec.layout === "spss" ? compareSpssTables(report) : full;
      markdown = `## ${title}\n\n` + PARTS.flatMap((p, i) => (picked.includes(p) && shown[i] ? [toMarkdown(shown[i], 3)] : [])).join("\n");
      break;
    }
    case "correlate": {
      const vars = (spec.vars ?? spec.measures ?? []).map((v) => resolveColumn(rows, v, config, spec.name));
      if (new Set(vars).size < 2) throw new UsageError(`table "${spec.name}": a correlate table needs at least two "vars"`);
      const controls = (spec.control ?? []).map((v) => resolveColumn(rows, v, config, spec.name));
      for (const v of [...vars, ...controls]) assertNumeric(rows, v);
      const values: Record<string, Array<number | null>> = {};
      for (const v of [...vars, ...controls]) values[v] = rows.rows.map((r) => (r[v] ?? null) as number | null);
      const methods: CorrelationMethod[] = spec.method === "both" ? ["pearson", "spearman"] : [spec.method ?? "pearson"];
      const pairs = correlatePairs(values, vars, methods, controls);
      data = { ...correlateTable(pairs), name: spec.name, title };
      markdown = toMarkdown({ ...correlateTable(pairs, 3), title }, 2);
      break;
    }
  }
  data = { ...data, name: spec.name, title };
  if (spec.where) {
    const note = `Egos with ${spec.where.variable} ${spec.where.in ? `in ${spec.where.in.join(", ")}` : `= ${String(spec.where.equals)}`} only (n = ${rows.rows.length}).`;
    data = { ...data, notes: [...(data.notes ?? []), note] };
    if (markdown !== undefined) markdown += `\n${note}\n`;
  }
  return { name: spec.name, title, data, markdown: markdown ?? toMarkdown(data, 2) };
}

/** A column as the table names it: itself, or through the config's aliases. */
function resolveColumn(rows: Table, name: string, config: StudyConfig, table: string): string {
  const id = findColumn(rows, name, config);
  if (id === null) {
    const hint = didYouMean(name, rows.columns.map((c) => c.id));
    throw new UsageError(`table "${table}": no measure or ego variable "${name}"${hint} (available: ${rows.columns.map((c) => c.id).join(", ")})`);
  }
  return id;
}

/** The rows a table's `where` keeps (booleans and numbers compare as the config writes them). */
function applyWhere(rows: Table, spec: TableConfig, config: StudyConfig): Table {
  const rule: ExcludeRule | undefined = spec.where;
  if (!rule) return rows;
  const column = resolveColumn(rows, rule.variable, config, spec.name);
  const wanted = (rule.in ?? [rule.equals!]).map(String);
  const kept = rows.rows.filter((r) => matches(r[column], wanted));
  return { ...rows, rows: kept };
}

function matches(value: Cell | undefined, wanted: string[]): boolean {
  if (value === null || value === undefined) return false;
  return wanted.includes(String(value));
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, "-");
}
