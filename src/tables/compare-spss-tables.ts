import { formatNumber } from "./format-number.js";
import type { Cell, Table } from "../model/table.js";
import type { ComparisonReport } from "./compare-report.js";

/**
 * SPSS-style text for a number: `decimals` places, rounded half away from zero by formatNumber, and the leading
 * zero dropped as SPSS prints it (0.215 → ".215", −0.5 → "-.500"). Null stays null.
 */
export function spssNumber(value: number | null, decimals: number): string | null {
  if (value === null) return null;
  return formatNumber(value, decimals).replace(/^(-?)0\./, "$1.");
}

/**
 * The comparison laid out as SPSS prints it (thesis Tables 6 and 7). Two levels: "Ranks" (N, Mean Rank, Sum of
 * Ranks per level, and Total) and "Test Statistics" (Mann-Whitney U, Wilcoxon W, Z, Asymp. Sig. (2-tailed),
 * Exact Sig. (2-tailed); one column per measure). Three or more: "Ranks" (N, Mean Rank), "Test Statistics"
 * (Kruskal-Wallis H, df, Asymp. Sig.) and "Pairwise Comparisons" (Dunn: Test Statistic, Std. Error,
 * Std. Test Statistic, Sig., Adj. Sig. = Bonferroni).
 */
export function compareSpssTables(report: ComparisonReport): Table[] {
  const label = (level: string) => report.labels[level] ?? level;
  const byLabel = report.byLabel ?? report.by;
  const twoLevels = report.levels.length === 2;
  const rankRows: Array<Record<string, Cell>> = [];
  for (const { measure, comparison: c } of report.results) {
    c.levels.forEach((g, i) => {
      rankRows.push({
        measure: i === 0 ? measure : "",
        group: label(g.level),
        n: String(g.n),
        mean_rank: spssNumber(g.meanRank, 2),
        ...(twoLevels ? { rank_sum: spssNumber(g.rankSum, 2) } : {}),
      });
    });
    const total = c.levels.reduce((s, g) => s + g.n, 0);
    rankRows.push({ measure: "", group: "Total", n: String(total), mean_rank: "", ...(twoLevels ? { rank_sum: "" } : {}) });
  }
  const ranks: Table = {
    name: "compare-spss-ranks",
    title: "Ranks",
    columns: [
      { id: "measure", label: "" }, { id: "group", label: byLabel }, { id: "n", label: "N" },
      { id: "mean_rank", label: "Mean Rank" }, ...(twoLevels ? [{ id: "rank_sum", label: "Sum of Ranks" }] : []),
    ],
    rows: rankRows,
  };

  const measures = report.results.map((r) => r.measure);
  const statistic = (name: string, pick: (i: number) => string | null): Record<string, Cell> => {
    const row: Record<string, Cell> = { statistic: name };
    measures.forEach((m, i) => (row[m] = pick(i)));
    return row;
  };
  const notes = [`a. Grouping Variable: ${byLabel}`];
  const reasons = report.results
    .filter((r) => (r.comparison.reason ?? r.comparison.note) !== null)
    .map((r) => `${r.measure}: ${r.comparison.reason ?? r.comparison.note}`);
  let testRows: Array<Record<string, Cell>>;
  if (twoLevels) {
    const t = (i: number) => report.results[i].comparison.mannWhitney!;
    testRows = [
      statistic("Mann-Whitney U", (i) => spssNumber(t(i).u, 3)),
      statistic("Wilcoxon W", (i) => spssNumber(t(i).w, 3)),
      statistic("Z", (i) => spssNumber(t(i).z, 3)),
      statistic("Asymp. Sig. (2-tailed)", (i) => spssNumber(t(i).p, 3)),
      statistic("Exact Sig. [2*(1-tailed Sig.)]", (i) => spssNumber(t(i).pExactUntied, 3)),
      statistic("Exact Sig. (2-tailed)", (i) => spssNumber(t(i).pExact, 3)),
    ];
    notes.push(
      "Z without continuity correction. Exact Sig. [2*(1-tailed Sig.)]: as SPSS Base prints it, twice the " +
        "probability of a U as small under the distribution of U for untied data, not corrected for ties (empty " +
        "beyond n₁·n₂ = 2,500). Exact Sig. (2-tailed): the exact permutation distribution of the rank sum given the " +
        "midranks, ties handled exactly (as SPSS Exact Tests and R coin::wilcox_test); the two agree without ties.",
    );
  } else {
    const t = (i: number) => report.results[i].comparison.kruskalWallis!;
    testRows = [
      statistic("Kruskal-Wallis H", (i) => spssNumber(t(i).h, 3)),
      statistic("df", (i) => (t(i).df === null ? null : String(t(i).df))),
      statistic("Asymp. Sig.", (i) => spssNumber(t(i).p, 3)),
    ];
  }
  const tests: Table = {
    name: "compare-spss-tests",
    title: "Test Statistics",
    columns: [{ id: "statistic", label: "" }, ...measures.map((m) => ({ id: m }))],
    rows: testRows,
    notes: [...notes, ...reasons],
  };
  if (twoLevels) return [ranks, tests];

  const pairRows: Array<Record<string, Cell>> = report.results.flatMap(({ measure, comparison: c }) =>
    (c.pairwise ?? []).map((p) => ({
      measure,
      pair: `${label(p.a)}-${label(p.b)}`,
      statistic: spssNumber(p.dunn.meanRankDifference, 3),
      se: spssNumber(p.dunn.se, 3),
      z: spssNumber(p.dunn.z, 3),
      p: spssNumber(p.dunn.p, 3),
      p_adjusted: spssNumber(p.dunn.pBonferroni, 3),
    })),
  );
  const pairwise: Table = {
    name: "compare-spss-pairwise",
    title: "Pairwise Comparisons",
    columns: [
      { id: "measure", label: "" }, { id: "pair", label: "Sample 1-Sample 2" }, { id: "statistic", label: "Test Statistic" },
      { id: "se", label: "Std. Error" }, { id: "z", label: "Std. Test Statistic" }, { id: "p", label: "Sig." },
      { id: "p_adjusted", label: "Adj. Sig." },
    ],
    rows: pairRows,
    notes: [
      "Each row tests the null hypothesis that the Sample 1 and Sample 2 distributions are the same. Asymptotic " +
        "significances (2-sided tests) are displayed. Significance values have been adjusted by the Bonferroni " +
        "correction for multiple tests.",
    ],
  };
  return [ranks, tests, pairwise];
}
