import { formatNumber } from "../tables/index.js";
import { formatProblem, type Cell, type Column } from "../model/index.js";
import { boxPlotSvg } from "./chart-box-plot.js";
import { stackedBarsSvg } from "./chart-stacked-bars.js";
import { reportDocument, type ReportSection } from "./html-document.js";
import { escapeXml } from "./html-escape.js";
import { tableHtml } from "./html-table.js";
import { drawSociograms } from "./sociogram-stream.js";
import { sociogramSvg } from "./sociogram-svg.js";
import type { CompositionChart, GroupComparisons, GroupTest, StudyReportInput } from "./study-report-input.js";

export interface StudyReportOptions {
  /** How the input and config paths read in the report (relative to the current folder). */
  inputLabel: string;
  configLabel?: string;
  version: string;
}

/** Rows of a table shown in the report; past that the CSV has them. */
const MAX_TABLE_ROWS = 1000;
/** Problems listed before summarising the rest. */
const LISTED_PROBLEMS = 50;

/**
 * The whole study as one self-contained HTML page: a summary (inputs, counts, the main measures over all
 * egos), every table of the analysis, composition charts by group (stacked bars of the mean share of each
 * category), box plots of the main measures by group with the Mann–Whitney or Kruskal–Wallis result in the
 * caption, and one sociogram per ego (from the study's stream, one ego at a time). Renders only what the
 * study hands it (`prepareStudyReport`). No timestamps: the same input and options give the same bytes.
 * Alter names appear only with `--show-names`; no text variable ever appears.
 */
export async function studyReportHtml(input: StudyReportInput, options: StudyReportOptions): Promise<string> {
  const sections: ReportSection[] = [];
  sections.push({ id: "summary", heading: "Summary", html: summaryHtml(input, options) });
  if (input.tables.length > 0) {
    sections.push({
      id: "tables",
      heading: "Tables",
      html: input.tables
        .map((t, i) => `<div id="table-${i + 1}">${tableHtml({ ...t.data, title: t.title }, { maxRows: MAX_TABLE_ROWS, csvName: `${t.name}.csv` })}</div>`)
        .join("\n"),
    });
  }
  const composition = compositionHtml(input.composition);
  if (composition) sections.push({ id: "composition", heading: "Composition by group", html: composition });
  const boxes = boxPlotsHtml(input.comparisons);
  if (boxes) sections.push({ id: "measures-by-group", heading: "Main measures by group", html: boxes });

  const rowOf = new Map(input.measures.rows.map((r) => [String(r.ego_id), r]));
  const { egos, options: drawing, selection, nameVariable } = input.sociograms;
  const drawn = await drawSociograms(egos, drawing, selection, (s, i) => {
    const row = rowOf.get(s.egoId);
    return (
      `<figure class="sociogram-figure" id="ego-${i + 1}">` +
      `<figcaption><strong>Ego ${escapeXml(s.egoId)}</strong>${escapeXml(egoCaption(row, s.layoutNote))}</figcaption>` +
      sociogramSvg(s, { standalone: false, idPrefix: `sociogram-${i + 1}` }) +
      `</figure>`
    );
  });
  sections.push({ id: "sociograms", heading: "Sociograms", html: sociogramsIntro(drawn.drawn.length, drawn.leftOut, drawing.colour.kind, nameVariable) + drawn.drawn.map((d) => d.figure).join("\n") });

  const analysed = input.measures.rows.length;
  return reportDocument({
    title: `netsp report: ${options.inputLabel}`,
    lead: escapeXml(
      `Egocentric network analysis of ${analysed} ego${analysed === 1 ? "" : "s"}, made by netsp ${options.version}. ` +
        "Every number comes from the same computations as the CSV tables of netsp analyse.",
    ),
    sections,
  });
}

function summaryHtml(input: StudyReportInput, options: StudyReportOptions): string {
  const c = input.counts;
  const analysed = input.measures.rows.length;
  const byType = (counts: Record<string, number>) => {
    const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? ` (${entries.map(([k, v]) => `${k} ${v}`).join(", ")})` : "";
  };
  const items: Array<[string, string]> = [
    ["Input", `${options.inputLabel} (${input.format}, ${input.fileCount} file${input.fileCount === 1 ? "" : "s"})`],
    ["Configuration", options.configLabel ?? "none (defaults)"],
    ["Egos", `${c.egos}${input.leftOut.length ? ` (${input.leftOut.length} left out for errors in their data: ${input.leftOut.join(", ")}; ${analysed} analysed)` : ""}`],
    ["Alters", `${c.alters}${byType(c.nodeTypes)}`],
    ["Ties", `${c.ties}${byType(c.edgeTypes)}`],
  ];
  for (const g of input.groupings) items.push([g.label, g.levels.map((l) => `${l.label} ${l.count}`).join(", ")]);
  const out = [`<dl class="summary">${items.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join("")}</dl>`];

  if (input.mainMeasures.length > 0) {
    const rows: Array<Record<string, Cell>> = input.mainMeasures.map((d) => ({
      measure: d.title,
      n: d.n,
      median: d.median,
      q1: d.q1,
      q3: d.q3,
      min: d.min,
      max: d.max,
    }));
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
  const problems = input.problems;
  if (problems.length || input.notes.length) {
    const list = problems.slice(0, LISTED_PROBLEMS).map((p) => `<li>${escapeXml(`${p.severity}: ${formatProblem(p)}`)}</li>`);
    if (problems.length > LISTED_PROBLEMS) list.push(`<li>… and ${problems.length - LISTED_PROBLEMS} more (run netsp validate for all of them)</li>`);
    for (const n of input.notes) list.push(`<li>${escapeXml(n)}</li>`);
    out.push(`<h3>Warnings</h3><ul class="problems">${list.join("")}</ul>`);
  }
  return out.join("\n");
}

/** Stacked bars of each composition variable by each grouping. */
function compositionHtml(charts: readonly CompositionChart[]): string {
  return charts
    .map((chart, i) => {
      const svg = stackedBarsSvg({ title: `Composition: ${chart.title}`, idPrefix: `composition-${i + 1}`, categories: chart.categories, rows: chart.rows });
      return (
        `<figure class="chart-figure"><figcaption><strong>Composition: ${escapeXml(chart.title)}</strong>` +
        `${escapeXml(`Mean over egos of each category's share of the ego's alters with a known ${chart.variable} (as in the composition tables; per ego: share_${chart.variable}_<category> in measures.csv).`)}</figcaption>${svg}</figure>`
      );
    })
    .join("\n");
}

/** Box plots of the main measures by each grouping, with the test in the caption. */
function boxPlotsHtml(comparisons: readonly GroupComparisons[]): string {
  const out: string[] = [];
  let index = 0;
  for (const g of comparisons) {
    const figures: string[] = [];
    for (const m of g.measures) {
      index++;
      const svg = boxPlotSvg({ measureLabel: m.title, groupLabel: g.label, idPrefix: `box-${index}`, seed: index, groups: m.groups });
      figures.push(
        `<figure class="chart-figure" data-measure="${escapeXml(m.measure)}" data-by="${escapeXml(g.id)}">` +
          `<figcaption><strong>${escapeXml(m.title)} by ${escapeXml(g.label)}</strong>${escapeXml(testCaption(m.test))}</figcaption>${svg}</figure>`,
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
export function testCaption(c: GroupTest): string {
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
