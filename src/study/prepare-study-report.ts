import { UsageError } from "../errors.js";
import type { Cell, Column, Table } from "../model/index.js";
import { makeStudyPlan, type StudyPlan } from "../model/study-plan.js";
import { DEFAULT_MAX_SOCIOGRAMS } from "../report/default-max-sociograms.js";
import { resolveColourScheme, resolveNameVariable } from "../report/sociogram-options.js";
import type { CompositionChart, GroupComparisons, MeasureByGroup, ReportGrouping, StudyReportInput } from "../report/study-report-input.js";
import { descriptives } from "../stats/index.js";
import { buildComparison, DEFAULT_COMPARE_MEASURES } from "../tables/build-comparison.js";
import { buildCompositionTable } from "../tables/build-composition-table.js";
import { resolveGrouping } from "../tables/grouping.js";
import { formatNumber } from "../tables/index.js";
import type { StudyAnalysis } from "./analyse-study.js";
import { sociogramSource } from "./sociogram-source.js";

export interface StudyReportChoices {
  /** `core` (default) or a categorical alter variable. */
  colourBy?: string;
  /** Label alters by this variable's value (`--show-names`); absent: pseudonymous ids A1 … An. */
  showNames?: string;
  layout?: "force" | "canvas";
  seed?: number;
  /** At most this many sociograms (default 200). */
  maxSociograms?: number;
  /** Draw these egos' sociograms, in this order, instead of the first ones (ids as the analysis shows them). */
  egos?: readonly string[];
  /** As given to analyseStudy, to open the data again for the sociograms. */
  protocol?: string;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /**
   * The id the analysis shows for an ego, from the id in the data: give it when the analysis replaced ego
   * ids (a pseudonymiser), so that sociograms carry the same ids as the tables and never the raw ones.
   */
  egoIdOf?: (egoId: string) => string;
}

/** A grouping variable gets charts when it has 2 to 12 levels. */
const MAX_CHART_LEVELS = 12;

/**
 * What the study report shows, from an analysis: the tables, the groupings with their counts, the main
 * measures' descriptives, the composition charts' and box plots' numbers with their tests (from the same
 * functions as the tables), and the stream of the analysed egos' sociogram graphs (the data opened again,
 * read when the report draws). Checks the choices against the codebook and the analysed egos first.
 */
export function prepareStudyReport(analysis: StudyAnalysis, choices: StudyReportChoices): StudyReportInput {
  const { config } = analysis;
  const codebook = analysis.dataset.codebook;
  const plan = makeStudyPlan(codebook, config);
  const colour = resolveColourScheme(choices.colourBy, codebook, config);
  const nameVariable = choices.showNames !== undefined ? resolveNameVariable(choices.showNames, codebook, config) : null;
  const egoIds = analysis.measures.rows.map((r) => String(r.ego_id));
  if (choices.egos) {
    const known = new Set(egoIds);
    const unknown = choices.egos.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UsageError(
        `--egos: no analysed ego ${unknown.map((u) => `"${u}"`).join(", ")} (egos: ${egoIds.slice(0, 12).join(", ")}${egoIds.length > 12 ? ", …" : ""})`,
      );
    }
  }
  const groupings = chartGroupings(analysis, plan);
  return {
    format: analysis.dataset.format,
    fileCount: analysis.dataset.files.length,
    counts: analysis.counts,
    measures: analysis.measures,
    leftOut: analysis.leftOut,
    tables: analysis.tables,
    groupings,
    mainMeasures: DEFAULT_COMPARE_MEASURES.filter((m) => analysis.measures.columns.some((col) => col.id === m)).map((m) => {
      const d = descriptives(analysis.measures.rows.map((r) => (typeof r[m] === "number" ? (r[m] as number) : null)));
      return { title: measureTitle(analysis.measures, m), n: d.n, median: d.median, q1: d.q1, q3: d.q3, min: d.min, max: d.max };
    }),
    problems: [...analysis.errors, ...analysis.warnings],
    notes: analysis.notes,
    composition: compositionCharts(analysis, plan, groupings),
    comparisons: groupComparisons(analysis, groupings),
    sociograms: {
      egos: sociogramSource(analysis, {
        colourVariable: colour.kind === "variable" ? colour.variable : null,
        nameVariable,
        protocol: choices.protocol,
        egoId: choices.egoId,
        egoIdOf: choices.egoIdOf,
      }),
      options: { colour, layout: choices.layout ?? "force", seed: choices.seed ?? 1 },
      selection: { egos: choices.egos ?? null, max: choices.maxSociograms ?? DEFAULT_MAX_SOCIOGRAMS, total: analysis.measures.rows.length },
      nameVariable,
    },
  };
}

/** The study's grouping variables (config groups, else categorical ego variables) with 2–12 levels among the egos. */
function chartGroupings(analysis: StudyAnalysis, plan: StudyPlan): ReportGrouping[] {
  const { rows } = analysis.measures;
  const columns = new Set(analysis.measures.columns.map((c) => c.id));
  const out: ReportGrouping[] = [];
  const textVariables = new Set(Object.values(analysis.dataset.codebook.ego).filter((v) => v.type === "text").map((v) => v.name));
  for (const g of plan.groupVariables) {
    if (!columns.has(g.id) || textVariables.has(g.variable)) continue; // free text is never shown
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = r[g.id];
      if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    if (counts.size < 2 || counts.size > MAX_CHART_LEVELS) continue;
    const settings = analysis.config.groups?.[g.id];
    const labels = settings?.labels ?? {};
    const order = settings?.levels ?? [...counts.keys()].sort();
    out.push({
      id: g.id,
      label: settings?.label ?? g.id,
      levels: order.filter((l) => counts.has(l)).map((l) => ({ label: labels[l] ?? l, count: counts.get(l)! })),
    });
  }
  return out;
}

/** Each composition variable by each grouping (or over all egos), from buildCompositionTable: the table's numbers. */
function compositionCharts(analysis: StudyAnalysis, plan: StudyPlan, groups: readonly ReportGrouping[]): CompositionChart[] {
  const charts: CompositionChart[] = [];
  const rows = analysis.measures.rows;
  const codebook = analysis.dataset.codebook;
  for (const variable of plan.composition) {
    const labels: Record<string, string> = { ...(analysis.config.composition?.[variable.id]?.labels ?? {}) };
    for (const types of Object.values(codebook.node)) for (const o of types[variable.variable]?.options ?? []) labels[o.value] ??= o.label;
    const groupings = groups.length > 0 ? groups : [null];
    for (const g of groupings) {
      let table: Table;
      try {
        table = buildCompositionTable(
          rows,
          { name: "composition", variable: variable.id, kind: "composition" },
          g ? resolveGrouping(rows, g.id, analysis.config) : null,
          labels,
        );
      } catch (e) {
        if (e instanceof UsageError) continue;
        throw e;
      }
      const prefix = `share_${variable.id}_`;
      const shareColumns = table.columns.filter((c) => c.id.startsWith(prefix));
      if (shareColumns.length === 0) continue;
      charts.push({
        variable: variable.id,
        title: g ? `${variable.id} by ${g.label}` : `${variable.id}, all egos`,
        categories: shareColumns.map((c) => labels[c.id.slice(prefix.length)] ?? c.id.slice(prefix.length)),
        rows: table.rows.map((r) => ({
          label: String(g ? r[g.id] : "All"),
          n: Number(r.n),
          shares: shareColumns.map((c) => (typeof r[c.id] === "number" ? (r[c.id] as number) : null)),
        })),
      });
    }
  }
  return charts;
}

/** The main measures by each grouping: each level's values and five numbers, and the test (buildComparison's). */
function groupComparisons(analysis: StudyAnalysis, groups: readonly ReportGrouping[]): GroupComparisons[] {
  const out: GroupComparisons[] = [];
  const table = analysis.measures;
  for (const g of groups) {
    let report;
    try {
      ({ report } = buildComparison(table, analysis.config, { by: g.id, source: "the report" }));
    } catch (e) {
      if (e instanceof UsageError) continue;
      throw e;
    }
    const measures: MeasureByGroup[] = [];
    for (const { measure, comparison } of report.results) {
      const values = report.levels.map((level) =>
        table.rows
          .filter((r) => levelKey(r[report.by]) === level)
          .map((r) => r[measure])
          .filter((v): v is number => typeof v === "number"),
      );
      if (values.every((v) => v.length === 0)) continue;
      measures.push({
        measure,
        title: measureTitle(table, measure),
        test: comparison,
        groups: comparison.levels.map((s, i) => ({
          label: report.labels[s.level] ?? s.level,
          values: values[i],
          min: s.min,
          q1: s.q1,
          median: s.median,
          q3: s.q3,
          max: s.max,
        })),
      });
    }
    if (measures.length > 0) out.push({ id: g.id, label: g.label, measures });
  }
  return out;
}

function measureTitle(table: Table, id: string): string {
  const column = table.columns.find((c) => c.id === id) as (Column & { title?: string }) | undefined;
  return column?.title ?? column?.label ?? id;
}

/** A grouping value as buildComparison keys it: numbers by the one formatter, booleans as true/false. */
function levelKey(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  return typeof cell === "number" ? formatNumber(cell) : String(cell);
}
