import { UsageError } from "../errors.js";
import { makeStudyPlan, type StudyPlan } from "../model/study-plan.js";
import type { EgoNetwork, Problem } from "../model/index.js";
import type { StudyAnalysis } from "../study/analyse-study.js";
import { descriptives, type GroupComparison } from "../stats/index.js";
import { buildComparison, DEFAULT_COMPARE_MEASURES } from "../tables/build-comparison.js";
import { buildCompositionTable } from "../tables/build-composition-table.js";
import { resolveGrouping } from "../tables/grouping.js";
import { formatNumber } from "../tables/index.js";
import { type Cell, type Column, type Table } from "../model/index.js";
import { boxPlotSvg } from "./chart-box-plot.js";
import { stackedBarsSvg } from "./chart-stacked-bars.js";
import { reportDocument, type ReportSection } from "./html-document.js";
import { escapeXml } from "./html-escape.js";
import { tableHtml } from "./html-table.js";
import type { SociogramOptions } from "./sociogram-model.js";
import { resolveColourScheme, resolveNameVariable } from "./sociogram-options.js";
import { drawSociograms, reopenStudyDataset } from "./sociogram-stream.js";
import { sociogramSvg } from "./sociogram-svg.js";
import { DEFAULT_MAX_SOCIOGRAMS } from "./default-max-sociograms.js";

export interface StudyReportOptions {
  /** `core` (default) or a categorical alter variable. */
  colourBy?: string;
  /** Label alters by this variable's value (`--show-names`); absent: pseudonymous ids A1 … An. */
  showNames?: string;
  layout?: "force" | "canvas";
  seed?: number;
  /** At most this many sociograms (default 200). */
  maxSociograms?: number;
  /** Draw these egos' sociograms, in this order, instead of the first ones. */
  egos?: readonly string[];
  /** As given to analyseStudy, to open the data again for the sociograms. */
  protocol?: string;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /**
   * The id the analysis shows for an ego, from the id in the data: give it when the analysis replaced ego
   * ids (a pseudonymiser), so that sociograms carry the same ids as the tables and never the raw ones.
   */
  egoIdOf?: (egoId: string) => string;
  /** How the input and config paths read in the report (relative to the current folder). */
  inputLabel: string;
  configLabel?: string;
  version: string;
}

export { DEFAULT_MAX_SOCIOGRAMS };

/** Rows of a table shown in the report; past that the CSV has them. */
const MAX_TABLE_ROWS = 1000;
/** Problems listed before summarising the rest. */
const LISTED_PROBLEMS = 50;
/** A grouping variable gets charts when it has 2 to 12 levels. */
const MAX_CHART_LEVELS = 12;

/**
 * The whole study as one self-contained HTML page: a summary (inputs, counts, the main measures over all
 * egos), every table of the analysis, composition charts by group (stacked bars of the mean share of each
 * category), box plots of the main measures by group with the Mann–Whitney or Kruskal–Wallis result in the
 * caption, and one sociogram per ego (streamed from the data a second time, one ego at a time, at most
 * `maxSociograms`). Numbers come from the same functions as the tables. No timestamps: the same input and
 * options give the same bytes. Alter names appear only with `showNames`; no text variable ever appears.
 */
export async function studyReportHtml(analysis: StudyAnalysis, options: StudyReportOptions): Promise<string> {
  const { config } = analysis;
  const codebook = analysis.dataset.codebook;
  const plan = makeStudyPlan(codebook, config);
  const colour = resolveColourScheme(options.colourBy, codebook, config);
  const nameVariable = options.showNames !== undefined ? resolveNameVariable(options.showNames, codebook, config) : null;
  const maxSociograms = options.maxSociograms ?? DEFAULT_MAX_SOCIOGRAMS;
  const egoIds = analysis.measures.rows.map((r) => String(r.ego_id));
  if (options.egos) {
    const known = new Set(egoIds);
    const unknown = options.egos.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UsageError(
        `--egos: no analysed ego ${unknown.map((u) => `"${u}"`).join(", ")} (egos: ${egoIds.slice(0, 12).join(", ")}${egoIds.length > 12 ? ", …" : ""})`,
      );
    }
  }
  const sociogramOptions: SociogramOptions = { colour, nameVariable, layout: options.layout ?? "force", seed: options.seed ?? 1 };

  const sections: ReportSection[] = [];
  const groups = chartGroupings(analysis, plan);
  sections.push({ id: "summary", heading: "Summary", html: summaryHtml(analysis, options, groups) });
  if (analysis.tables.length > 0) {
    sections.push({
      id: "tables",
      heading: "Tables",
      html: analysis.tables
        .map((t, i) => `<div id="table-${i + 1}">${tableHtml({ ...t.data, title: t.title }, { maxRows: MAX_TABLE_ROWS, csvName: `${t.name}.csv` })}</div>`)
        .join("\n"),
    });
  }
  const composition = compositionHtml(analysis, plan, groups);
  if (composition) sections.push({ id: "composition", heading: "Composition by group", html: composition });
  const boxes = boxPlotsHtml(analysis, groups);
  if (boxes) sections.push({ id: "measures-by-group", heading: "Main measures by group", html: boxes });

  const rowOf = new Map(analysis.measures.rows.map((r) => [String(r.ego_id), r]));
  const dataset = await reopenStudyDataset(analysis, { protocol: options.protocol, egoId: options.egoId });
  const drawn = await drawSociograms(
    options.egoIdOf ? renamed(dataset.egos(), options.egoIdOf) : dataset.egos(),
    plan,
    sociogramOptions,
    { egos: options.egos ?? null, max: maxSociograms, skip: new Set(analysis.leftOut), total: analysis.measures.rows.length },
    (s, i) => {
      const row = rowOf.get(s.egoId);
      return (
        `<figure class="sociogram-figure" id="ego-${i + 1}">` +
        `<figcaption><strong>Ego ${escapeXml(s.egoId)}</strong>${escapeXml(egoCaption(row, s.layoutNote))}</figcaption>` +
        sociogramSvg(s, { standalone: false, idPrefix: `sociogram-${i + 1}` }) +
        `</figure>`
      );
    },
  );
  sections.push({ id: "sociograms", heading: "Sociograms", html: sociogramsIntro(drawn.drawn.length, drawn.leftOut, colour.kind, nameVariable) + drawn.drawn.map((d) => d.figure).join("\n") });

  return reportDocument({
    title: `netsp report: ${options.inputLabel}`,
    lead: escapeXml(
      `Egocentric network analysis of ${analysis.measures.rows.length} ego${analysis.measures.rows.length === 1 ? "" : "s"}, made by netsp ${options.version}. ` +
        "Every number comes from the same computations as the CSV tables of netsp analyse.",
    ),
    sections,
  });
}

/** The interviews with each ego's id replaced as the analysis shows it. */
async function* renamed(egos: AsyncIterable<EgoNetwork>, egoIdOf: (egoId: string) => string): AsyncIterable<EgoNetwork> {
  for await (const network of egos) yield { ...network, ego: { ...network.ego, egoId: egoIdOf(network.ego.egoId) } };
}

/** A grouping variable with its levels, for charts. */
interface ChartGrouping {
  id: string;
  label: string;
}

/** The study's grouping variables (config groups, else categorical ego variables) with 2–12 levels among the egos. */
function chartGroupings(analysis: StudyAnalysis, plan: StudyPlan): ChartGrouping[] {
  const columns = new Set(analysis.measures.columns.map((c) => c.id));
  const out: ChartGrouping[] = [];
  const textVariables = new Set(Object.values(analysis.dataset.codebook.ego).filter((v) => v.type === "text").map((v) => v.name));
  for (const g of plan.groupVariables) {
    if (!columns.has(g.id) || textVariables.has(g.variable)) continue; // free text is never shown
    const levels = new Set(analysis.measures.rows.map((r) => r[g.id]).filter((v) => v !== null && v !== undefined).map(String));
    if (levels.size < 2 || levels.size > MAX_CHART_LEVELS) continue;
    out.push({ id: g.id, label: analysis.config.groups?.[g.id]?.label ?? g.id });
  }
  return out;
}

function summaryHtml(analysis: StudyAnalysis, options: StudyReportOptions, groups: readonly ChartGrouping[]): string {
  const c = analysis.counts;
  const analysed = analysis.measures.rows.length;
  const byType = (counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? ` (${entries.map(([k, v]) => `${k} ${v}`).join(", ")})` : "";
  };
  const items: Array<[string, string]> = [
    ["Input", `${options.inputLabel} (${analysis.dataset.format}, ${analysis.dataset.files.length} file${analysis.dataset.files.length === 1 ? "" : "s"})`],
    ["Configuration", options.configLabel ?? "none (defaults)"],
    ["Egos", `${c.egos}${analysis.leftOut.length ? ` (${analysis.leftOut.length} left out for errors in their data: ${analysis.leftOut.join(", ")}; ${analysed} analysed)` : ""}`],
    ["Alters", `${c.alters}${byType(c.nodeTypes)}`],
    ["Ties", `${c.ties}${byType(c.edgeTypes)}`],
  ];
  for (const g of groups) {
    const counts = new Map<string, number>();
    for (const r of analysis.measures.rows) {
      const v = r[g.id];
      if (v !== null && v !== undefined) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    }
    const labels = analysis.config.groups?.[g.id]?.labels ?? {};
    const order = analysis.config.groups?.[g.id]?.levels ?? [...counts.keys()].sort();
    items.push([g.label, order.filter((l) => counts.has(l)).map((l) => `${labels[l] ?? l} ${counts.get(l)}`).join(", ")]);
  }
  const out = [`<dl class="summary">${items.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`];

  const main = DEFAULT_COMPARE_MEASURES.filter((m) => analysis.measures.columns.some((col) => col.id === m));
  if (main.length > 0) {
    const rows: Array<Record<string, Cell>> = main.map((m) => {
      const d = descriptives(analysis.measures.rows.map((r) => (typeof r[m] === "number" ? (r[m] as number) : null)));
      return { measure: measureTitle(analysis.measures, m), n: d.n, median: d.median, q1: d.q1, q3: d.q3, min: d.min, max: d.max };
    });
    const columns: Column[] = [
      { id: "measure" },
      { id: "n", label: "egos" },
      { id: "median", decimals: 2 },
      { id: "q1", label: "Q1", decimals: 2 },
      { id: "q3", label: "Q3", decimals: 2 },
      { id: "min", decimals: 2 },
      { id: "max", decimals: 2 },
    ];
    out.push(
      tableHtml({
        name: "main-measures",
        title: "Main measures over all egos",
        columns,
        rows,
        notes: ["Quartiles R type 7. Per-ego values of every measure are in measures.csv (netsp analyse)."],
      }),
    );
  }
  const problems: Problem[] = [...analysis.errors, ...analysis.warnings];
  if (problems.length || analysis.notes.length) {
    const list = problems.slice(0, LISTED_PROBLEMS).map((p) => `<li>${escapeXml(`${p.severity}: ${p.line !== undefined ? `${p.file}:${p.line}` : p.file}: ${p.message}`)}</li>`);
    if (problems.length > LISTED_PROBLEMS) list.push(`<li>… and ${problems.length - LISTED_PROBLEMS} more (run netsp validate for all of them)</li>`);
    for (const n of analysis.notes) list.push(`<li>${escapeXml(n)}</li>`);
    out.push(`<h3>Warnings</h3><ul class="problems">${list.join("")}</ul>`);
  }
  return out.join("\n");
}

/** Stacked bars of each composition variable by each grouping, from buildCompositionTable (the table's numbers). */
function compositionHtml(analysis: StudyAnalysis, plan: StudyPlan, groups: readonly ChartGrouping[]): string {
  const figures: string[] = [];
  const rows = analysis.measures.rows;
  const codebook = analysis.dataset.codebook;
  let index = 0;
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
      const shareColumns = table.columns.filter((c) => c.id.startsWith(`share_${variable.id}_`));
      if (shareColumns.length === 0) continue;
      const categories = shareColumns.map((c) => labels[c.id.slice(`share_${variable.id}_`.length)] ?? c.id.slice(`share_${variable.id}_`.length));
      const title = g ? `${variable.id} by ${g.label}` : `${variable.id}, all egos`;
      index++;
      const svg = stackedBarsSvg({
        title: `Composition: ${title}`,
        idPrefix: `composition-${index}`,
        categories,
        rows: table.rows.map((r) => ({
          label: String(g ? r[g.id] : "All"),
          n: Number(r.n),
          shares: shareColumns.map((c) => (typeof r[c.id] === "number" ? (r[c.id] as number) : null)),
        })),
      });
      figures.push(
        `<figure class="chart-figure"><figcaption><strong>Composition: ${escapeXml(title)}</strong>` +
          `${escapeXml(`Mean over egos of each category's share of the ego's alters with a known ${variable.id} (as in the composition tables; per ego: share_${variable.id}_<category> in measures.csv).`)}</figcaption>${svg}</figure>`,
      );
    }
  }
  return figures.join("\n");
}

/** Box plots of the main measures by each grouping, with the test in the caption. */
function boxPlotsHtml(analysis: StudyAnalysis, groups: readonly ChartGrouping[]): string {
  const out: string[] = [];
  const table = analysis.measures;
  let index = 0;
  for (const g of groups) {
    let report;
    try {
      ({ report } = buildComparison(table, analysis.config, { by: g.id, source: "the report" }));
    } catch (e) {
      if (e instanceof UsageError) continue;
      throw e;
    }
    const figures: string[] = [];
    for (const { measure, comparison } of report.results) {
      const values = report.levels.map((level) =>
        table.rows
          .filter((r) => levelKey(r[report.by]) === level)
          .map((r) => r[measure])
          .filter((v): v is number => typeof v === "number"),
      );
      if (values.every((v) => v.length === 0)) continue;
      index++;
      const title = measureTitle(table, measure);
      const svg = boxPlotSvg({
        measureLabel: title,
        groupLabel: g.label,
        idPrefix: `box-${index}`,
        seed: index,
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
      figures.push(
        `<figure class="chart-figure" data-measure="${escapeXml(measure)}" data-by="${escapeXml(g.id)}">` +
          `<figcaption><strong>${escapeXml(title)} by ${escapeXml(g.label)}</strong>${escapeXml(testCaption(comparison))}</figcaption>${svg}</figure>`,
      );
    }
    if (figures.length > 0) out.push(`<h3>By ${escapeXml(g.label)}</h3>\n<div class="charts">${figures.join("\n")}</div>`);
  }
  if (out.length === 0) return "";
  return (
    `<p class="note">${escapeXml("Boxes: first to third quartile (R type 7); thick line: median; whiskers: minimum to maximum; points: one per ego (jittered sideways), shown up to 300 per group.")}</p>\n` +
    out.join("\n")
  );
}

/** The omnibus test in words, to three decimals: what the compare tables print. */
export function testCaption(c: GroupComparison): string {
  const f = (v: number | null) => (v === null ? "NA" : formatNumber(v, 3));
  if (c.test === "mann-whitney") {
    const t = c.mannWhitney!;
    if (t.u === null || t.p === null) return `Mann–Whitney U not computed: ${c.reason ?? t.reason ?? "undefined"}.`;
    return `Mann–Whitney U = ${f(t.u)}, Z = ${f(t.z)}, p = ${f(t.p)}${t.pExact !== null ? ` (exact p = ${f(t.pExact)})` : ""}; N = ${t.n}.`;
  }
  const t = c.kruskalWallis!;
  if (t.h === null || t.p === null) return `Kruskal–Wallis H not computed: ${c.reason ?? t.reason ?? "undefined"}.`;
  return `Kruskal–Wallis H = ${f(t.h)}, df = ${t.df}, p = ${f(t.p)}; N = ${t.n}.`;
}

function egoCaption(row: Record<string, Cell> | undefined, layoutNote: string): string {
  const parts: string[] = [];
  const n = (id: string, label: string, decimals?: number) => {
    const v = row?.[id];
    if (typeof v === "number") parts.push(`${label} ${formatNumber(v, decimals)}`);
  };
  n("network_size", "network size");
  n("sociogram_size", "on the sociogram");
  n("ties", "ties");
  n("density", "density", 3);
  n("isolates", "isolates");
  n("max_k", "max k");
  n("max_k_core_size", "nodes in the max-k core");
  return (parts.length ? parts.join(", ") + ". " : "") + `Layout: ${layoutNote}.`;
}

function sociogramsIntro(drawn: number, leftOut: number, colour: "core" | "variable", nameVariable: string | null): string {
  const lines = [
    colour === "core"
      ? "Nodes are alters, coloured by k-core shell (core number k on the sociogram's simple graph): the darker, the deeper the core. Isolates (k = 0) are grey squares in a row below the graph; alters the study leaves off the sociogram are dashed circles in a separate band."
      : "Nodes are alters, coloured (and shaped) by category. Isolates are in a row below the graph; alters the study leaves off the sociogram are dashed, in a separate band.",
    nameVariable === null
      ? "Labels are pseudonymous: A1 … An number each ego's alters in export order (names are never shown unless asked for with --show-names)."
      : `Labels are the alters' ${nameVariable} values (--show-names).`,
  ];
  if (leftOut > 0) {
    lines.push(
      `${drawn} sociogram${drawn === 1 ? "" : "s"} drawn; ${leftOut} more left out by the cap (--max-sociograms). ` +
        "Choose egos with --egos a,b,c, or raise the cap.",
    );
  }
  return lines.map((l) => `<p class="note">${escapeXml(l)}</p>`).join("\n") + "\n";
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
