import { descriptives, type Descriptives } from "./descriptives.js";
import { dunnPairwise, type DunnPair } from "./dunn.js";
import { kruskalWallis, type KruskalWallisResult } from "./kruskal-wallis.js";
import { mannWhitney, type MannWhitneyOptions, type MannWhitneyResult } from "./mann-whitney.js";
import { pairwiseMannWhitney } from "./pairwise-mann-whitney.js";

/** One level of the grouping variable: its descriptives and its ranks in the test's pooled ranking. */
export interface LevelSummary extends Descriptives {
  level: string;
  meanRank: number | null;
  rankSum: number | null;
}

/** One pair of levels after Kruskal–Wallis: Mann–Whitney on the pair alone, and Dunn's test on the pooled ranks. */
export interface PairComparison {
  a: string;
  b: string;
  mannWhitney: MannWhitneyResult;
  /** Holm-adjusted asymptotic (and exact) Mann–Whitney p over the pairs. */
  pHolm: number | null;
  pExactHolm: number | null;
  dunn: DunnPair;
  /** Why something in this row is null, with level names. */
  reason: string | null;
}

export interface GroupComparison {
  test: "mann-whitney" | "kruskal-wallis";
  levels: LevelSummary[];
  /** Two levels. */
  mannWhitney?: MannWhitneyResult;
  /** Three or more levels. */
  kruskalWallis?: KruskalWallisResult;
  pairwise?: PairComparison[];
  /** Why the test is null, with level names (null when it was computed). */
  reason: string | null;
  /** What the reader should know about a computed test, with level names (levels left out), else null. */
  note: string | null;
}

/**
 * Compares one variable across the levels of a grouping variable: two levels → Mann–Whitney U; three or more →
 * Kruskal–Wallis with Dunn's pairwise tests (Bonferroni and Holm) and pairwise Mann–Whitney (Holm). Each level
 * also gets its descriptives. With two levels, a level with no values leaves the test null, with a reason
 * naming it. With three or more, levels with no values are left out of Kruskal–Wallis as R's
 * kruskal.test(x, g) leaves them out (df = levels with values − 1), and `note` names them; their pairs are
 * null with a reason, and the pairwise adjustments count only the pairs tested (as R's pairwise.wilcox.test
 * and dunn.test on the same data).
 * Reference: see mannWhitney, kruskalWallis, dunnPairwise, pairwiseMannWhitney.
 *
 * Example: compareGroups(["No", "Yes"], [[1, 2, 3], [4, 5, 6, 7]]).mannWhitney.u → 0.
 */
export function compareGroups(
  levels: readonly string[],
  values: readonly (readonly (number | null)[])[],
  options: MannWhitneyOptions = {},
): GroupComparison {
  const summaries = levels.map((level, i) => ({ level, ...descriptives(values[i]), meanRank: null, rankSum: null }) as LevelSummary);
  const empty = summaries.filter((s) => s.n === 0).map((s) => `"${s.level}"`);
  const noValuesIn = (names: string[]) => `no values in level${names.length === 1 ? "" : "s"} ${names.join(", ")}`;

  if (levels.length === 2) {
    const test = mannWhitney(values[0], values[1], options);
    test.groups.forEach((g, i) => {
      summaries[i].meanRank = g.meanRank;
      summaries[i].rankSum = g.rankSum;
    });
    return { test: "mann-whitney", levels: summaries, mannWhitney: test, reason: empty.length > 0 ? noValuesIn(empty) : test.reason, note: null };
  }

  const test = kruskalWallis(values);
  test.groups.forEach((g, i) => {
    summaries[i].meanRank = g.meanRank;
    summaries[i].rankSum = g.rankSum;
  });
  const withValues = levels.length - empty.length;
  const reason = withValues < 2 ? `${noValuesIn(empty)}: fewer than two levels to compare` : test.reason;
  const note = test.note === null ? null : `${noValuesIn(empty)}: left out of the test (df = ${test.df ?? withValues - 1})`;
  const dunn = dunnPairwise(values);
  const pairs = pairwiseMannWhitney(values, options);
  const pairwise = pairs.map((p, i): PairComparison => {
    const d = dunn.pairs[i];
    const emptyInPair = [p.a, p.b].filter((j) => summaries[j].n === 0).map((j) => `"${levels[j]}"`);
    const pairReason = emptyInPair.length > 0 ? noValuesIn(emptyInPair) : (p.test.reason ?? d.reason);
    return { a: levels[p.a], b: levels[p.b], mannWhitney: p.test, pHolm: p.pHolm, pExactHolm: p.pExactHolm, dunn: d, reason: pairReason };
  });
  return { test: "kruskal-wallis", levels: summaries, kruskalWallis: test, pairwise, reason, note };
}
