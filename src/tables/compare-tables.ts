import { P_ADJUST_LABELS, type GroupComparison } from "../stats/index.js";
import type { ComparisonReport } from "./compare-report.js";
import type { Cell, Column, Table } from "../model/table.js";

const NOTE_MW =
  "Mann–Whitney U, two-tailed. Z is tie-corrected, without continuity correction; p = 2Φ(−|Z|). Exact p: the " +
  "permutation distribution of the rank sum given the midranks (ties handled exactly). r = Z/√N; " +
  "rank-biserial = 2U₁/(n₁n₂) − 1, positive when the first level ranks higher.";
const NOTE_KW =
  "Kruskal–Wallis H, tie-corrected, p from χ²(k − 1); ε² = H/(N − 1). Pairwise: Mann–Whitney on each pair ranked " +
  "on its own, Holm-adjusted; Dunn's z on the pooled mean ranks, Bonferroni-adjusted (p × pairs, at most 1, as " +
  "SPSS prints it) and Holm-adjusted.";

/**
 * The comparison as tables to read (Markdown, terminal): descriptives and ranks per level, the test per measure,
 * and for three or more levels the pairwise comparisons. Statistics shown to 3 decimals, mean ranks to 2.
 */
export function compareTables(report: ComparisonReport): Table[] {
  const label = (level: string) => report.labels[level] ?? level;
  const groups: Table = {
    name: "compare-groups",
    title: `Groups by ${report.byLabel ?? report.by}`,
    columns: [
      { id: "measure" }, { id: "level" }, { id: "n" }, { id: "median", decimals: 3 }, { id: "q1", decimals: 3 },
      { id: "q3", decimals: 3 }, { id: "mean_rank", label: "mean rank", decimals: 2 },
      { id: "rank_sum", label: "rank sum", decimals: 2 },
    ],
    rows: report.results.flatMap(({ measure, comparison }) =>
      comparison.levels.map((g) => ({
        measure, level: label(g.level), n: g.n, median: g.median, q1: g.q1, q3: g.q3, mean_rank: g.meanRank, rank_sum: g.rankSum,
      })),
    ),
  };
  const twoLevels = report.levels.length === 2;
  const tests: Table = twoLevels
    ? {
        name: "compare-tests",
        title: "Mann–Whitney U test",
        columns: withNote([
          { id: "measure" }, { id: "u", label: "U", decimals: 3 }, { id: "w", label: "W", decimals: 3 },
          { id: "z", label: "Z", decimals: 3 }, { id: "p", decimals: 3, pValue: true }, { id: "p_exact", label: "exact p", decimals: 3, pValue: true },
          ...adjustedColumns(report, true),
          { id: "r", decimals: 3 }, { id: "rank_biserial", label: "rank-biserial", decimals: 3 },
        ], report),
        rows: report.results.map(({ measure, comparison: c }, i) => {
          const t = c.mannWhitney!;
          return { measure, u: t.u, w: t.w, z: t.z, p: t.p, p_exact: t.pExact, ...adjustedCells(report, i), r: t.r, rank_biserial: t.rankBiserial, note: noteOf(c) };
        }),
        notes: [NOTE_MW, ...adjustNote(report)],
      }
    : {
        name: "compare-tests",
        title: "Kruskal–Wallis test",
        columns: withNote([
          { id: "measure" }, { id: "n", label: "N" }, { id: "h", label: "H", decimals: 3 }, { id: "df" },
          { id: "p", decimals: 3, pValue: true }, ...adjustedColumns(report, false), { id: "epsilon_squared", label: "ε²", decimals: 3 },
        ], report),
        rows: report.results.map(({ measure, comparison: c }, i) => {
          const t = c.kruskalWallis!;
          return { measure, n: t.n, h: t.h, df: t.df, p: t.p, p_adjusted: report.adjusted?.p[i] ?? null, epsilon_squared: t.epsilonSquared, note: noteOf(c) };
        }),
        notes: [NOTE_KW, ...adjustNote(report)],
      };
  const tables = [groups, tests];
  if (!twoLevels) {
    const rows: Array<Record<string, Cell>> = report.results.flatMap(({ measure, comparison: c }) =>
      (c.pairwise ?? []).map((p) => ({
        measure, pair: `${label(p.a)} – ${label(p.b)}`, u: p.mannWhitney.u, z: p.mannWhitney.z, p: p.mannWhitney.p,
        p_exact: p.mannWhitney.pExact, p_holm: p.pHolm, dunn_z: p.dunn.z, dunn_p: p.dunn.p,
        dunn_p_bonferroni: p.dunn.pBonferroni, dunn_p_holm: p.dunn.pHolm, note: p.reason ?? "",
      })),
    );
    const columns: Column[] = [
      { id: "measure" }, { id: "pair" }, { id: "u", label: "U", decimals: 3 }, { id: "z", label: "Z", decimals: 3 },
      { id: "p", decimals: 3, pValue: true }, { id: "p_exact", label: "exact p", decimals: 3, pValue: true }, { id: "p_holm", label: "p (Holm)", decimals: 3, pValue: true },
      { id: "dunn_z", label: "Dunn z", decimals: 3 }, { id: "dunn_p", label: "Dunn p", decimals: 3, pValue: true },
      { id: "dunn_p_bonferroni", label: "Dunn p (Bonferroni)", decimals: 3, pValue: true }, { id: "dunn_p_holm", label: "Dunn p (Holm)", decimals: 3, pValue: true },
    ];
    if (rows.some((r) => r.note !== "")) columns.push({ id: "note" });
    tables.push({ name: "compare-pairwise", title: "Pairwise comparisons", columns, rows });
  }
  return tables;
}

/** With --adjust: the adjusted p column(s), labelled with the method. */
function adjustedColumns(report: ComparisonReport, exact: boolean): Column[] {
  if (report.adjusted === undefined) return [];
  const method = P_ADJUST_LABELS[report.adjusted.method];
  return [
    { id: "p_adjusted", label: `p (${method})`, decimals: 3, pValue: true },
    ...(exact ? [{ id: "p_exact_adjusted", label: `exact p (${method})`, decimals: 3, pValue: true }] : []),
  ];
}

function adjustedCells(report: ComparisonReport, i: number): Record<string, Cell> {
  if (report.adjusted === undefined) return {};
  return { p_adjusted: report.adjusted.p[i], p_exact_adjusted: report.adjusted.pExact[i] };
}

function adjustNote(report: ComparisonReport): string[] {
  if (report.adjusted === undefined) return [];
  const measures = report.results.length;
  return [`${P_ADJUST_LABELS[report.adjusted.method]}-adjusted p over the ${measures} measure${measures === 1 ? "" : "s"} of this table (= R p.adjust), beside the unadjusted p.`];
}

/**
 * The comparison as one CSV-ready table: for each measure an overall row (test `mann-whitney` or
 * `kruskal-wallis`, with n, median, mean rank and rank sum of every level in its own columns), then for three or
 * more levels one `pairwise` row per pair of levels. Full precision; null is an empty cell, with its `reason`.
 * A `note` column is added when a test was computed with something to say (levels with no values left out).
 */
export function compareCsvTable(report: ComparisonReport): Table {
  const twoLevels = report.levels.length === 2;
  const levelColumns: Column[] = report.levels.flatMap((level) =>
    ["n", "median", "mean_rank", "rank_sum"].map((stat) => ({ id: `${stat}_${level}` })),
  );
  const statColumns = twoLevels
    ? ["u", "w", "z", "p", "p_exact", "r", "rank_biserial"]
    : ["h", "df", "p", "epsilon_squared", "u", "w", "z", "p_exact", "p_holm", "dunn_z", "dunn_p", "dunn_p_bonferroni", "dunn_p_holm"];
  const adjusted = report.adjusted === undefined ? [] : twoLevels ? ["p_adjusted", "p_exact_adjusted"] : ["p_adjusted"];
  const columns: Column[] = [
    { id: "measure" }, { id: "test" }, { id: "level_a" }, { id: "level_b" }, { id: "n" }, ...levelColumns,
    ...[...statColumns, ...adjusted].map((id) => ({ id })), { id: "reason" },
    ...(report.results.some((r) => r.comparison.note !== null) ? [{ id: "note" }] : []),
  ];
  const rows: Array<Record<string, Cell>> = [];
  for (const [i, { measure, comparison: c }] of report.results.entries()) {
    const overall: Record<string, Cell> = { measure, test: c.test, level_a: null, level_b: null, reason: c.reason, note: c.note };
    if (report.adjusted !== undefined) {
      overall.p_adjusted = report.adjusted.p[i];
      if (twoLevels) overall.p_exact_adjusted = report.adjusted.pExact[i];
    }
    for (const g of c.levels) {
      overall[`n_${g.level}`] = g.n;
      overall[`median_${g.level}`] = g.median;
      overall[`mean_rank_${g.level}`] = g.meanRank;
      overall[`rank_sum_${g.level}`] = g.rankSum;
    }
    if (c.mannWhitney) {
      const t = c.mannWhitney;
      Object.assign(overall, { n: t.n, u: t.u, w: t.w, z: t.z, p: t.p, p_exact: t.pExact, r: t.r, rank_biserial: t.rankBiserial });
    } else {
      const t = c.kruskalWallis!;
      Object.assign(overall, { n: t.n, h: t.h, df: t.df, p: t.p, epsilon_squared: t.epsilonSquared });
    }
    rows.push(overall);
    for (const p of c.pairwise ?? []) {
      const m = p.mannWhitney;
      rows.push({
        measure, test: "pairwise", level_a: p.a, level_b: p.b, n: m.n, u: m.u, w: m.w, z: m.z, p: m.p, p_exact: m.pExact,
        p_holm: p.pHolm, dunn_z: p.dunn.z, dunn_p: p.dunn.p, dunn_p_bonferroni: p.dunn.pBonferroni, dunn_p_holm: p.dunn.pHolm,
        reason: p.reason,
      });
    }
  }
  return { name: "compare", columns, rows };
}

function withNote(columns: Column[], report: ComparisonReport): Column[] {
  return report.results.some((r) => noteOf(r.comparison) !== "") ? [...columns, { id: "note" }] : columns;
}

/** What the note column of a test says: why it is null, else what to know about it, else nothing. */
function noteOf(c: GroupComparison): string {
  return c.reason ?? c.note ?? "";
}
