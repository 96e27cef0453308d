import type { GroupComparison, LevelSummary, PAdjustMethod, PairComparison } from "../stats/index.js";
import { jsonNumberGuard } from "./write-json.js";

/** The results of `netsp compare`: one comparison per measure across the levels of one grouping variable. */
export interface ComparisonReport {
  /** The grouping variable (its column name). */
  by: string;
  /** Level values, in order, and their display labels. */
  levels: string[];
  labels: Record<string, string>;
  /** Display label of the grouping variable. */
  byLabel?: string;
  results: Array<{ measure: string; comparison: GroupComparison }>;
  /** Where the rows came from. */
  source?: string;
  /**
   * With `--adjust`: each result's p and exact p (Mann–Whitney only) adjusted over the measures of the
   * comparison, in the order of `results` (the unadjusted values stay in the results).
   */
  adjusted?: { method: PAdjustMethod; p: Array<number | null>; pExact: Array<number | null> };
}

/**
 * The report as JSON: `{by, levels, source, results: [{measure, test, groups, …}]}`. Mann–Whitney results add
 * `n, u, w, z, p, p_exact, p_exact_untied (SPSS Base's Exact Sig. [2*(1-tailed Sig.)]), r, rank_biserial`; Kruskal–Wallis results add `n, h, df, p, epsilon_squared` and
 * `pairwise`. Undefined values are null with a `reason`; a number that is not finite is a bug and throws.
 * Kruskal–Wallis results also carry `note` (null, or which levels with no values were left out).
 */
export function compareJson(report: ComparisonReport): string {
  const out = {
    by: report.by,
    levels: report.levels,
    ...(report.source !== undefined ? { source: report.source } : {}),
    ...(report.adjusted !== undefined ? { adjust: report.adjusted.method } : {}),
    results: report.results.map(({ measure, comparison }, i) => ({
      ...resultJson(measure, comparison, report.labels),
      ...(report.adjusted !== undefined
        ? { p_adjusted: report.adjusted.p[i], ...(comparison.test === "mann-whitney" ? { p_exact_adjusted: report.adjusted.pExact[i] } : {}) }
        : {}),
    })),
  };
  return JSON.stringify(out, jsonNumberGuard, 2) + "\n";
}

function resultJson(measure: string, c: GroupComparison, labels: Record<string, string>): Record<string, unknown> {
  const groups = c.levels.map((g) => groupJson(g, labels));
  if (c.test === "mann-whitney") {
    const t = c.mannWhitney!;
    return {
      measure, test: c.test, groups, n: t.n, u: t.u, w: t.w, z: t.z, p: t.p, p_exact: t.pExact, p_exact_untied: t.pExactUntied, r: t.r,
      rank_biserial: t.rankBiserial, reason: c.reason,
    };
  }
  const t = c.kruskalWallis!;
  return {
    measure, test: c.test, groups, n: t.n, h: t.h, df: t.df, p: t.p, epsilon_squared: t.epsilonSquared, reason: c.reason,
    note: c.note, pairwise: (c.pairwise ?? []).map(pairJson),
  };
}

function groupJson(g: LevelSummary, labels: Record<string, string>): Record<string, unknown> {
  return {
    level: g.level,
    ...(labels[g.level] !== undefined && labels[g.level] !== g.level ? { label: labels[g.level] } : {}),
    n: g.n, missing: g.missing, median: g.median, q1: g.q1, q3: g.q3, mean: g.mean, sd: g.sd, min: g.min, max: g.max,
    mean_rank: g.meanRank, rank_sum: g.rankSum, reason: g.reason,
  };
}

function pairJson(p: PairComparison): Record<string, unknown> {
  const m = p.mannWhitney;
  return {
    a: p.a, b: p.b, n: m.n, u: m.u, w: m.w, z: m.z, p: m.p, p_exact: m.pExact, p_holm: p.pHolm, p_exact_holm: p.pExactHolm,
    rank_biserial: m.rankBiserial,
    dunn_difference: p.dunn.meanRankDifference, dunn_se: p.dunn.se, dunn_z: p.dunn.z, dunn_p: p.dunn.p,
    dunn_p_bonferroni: p.dunn.pBonferroni, dunn_p_holm: p.dunn.pHolm, reason: p.reason,
  };
}
