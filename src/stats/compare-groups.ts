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
}

/**
 * Compares one variable across the levels of a grouping variable: two levels → Mann–Whitney U; three or more →
 * Kruskal–Wallis with Dunn's pairwise tests (Bonferroni and Holm) and pairwise Mann–Whitney (Holm). Each level
 * also gets its descriptives. A level with no values leaves the omnibus test null, with a reason naming it.
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
  const emptyReason = empty.length > 0 ? `no values in level${empty.length === 1 ? "" : "s"} ${empty.join(", ")}` : null;

  if (levels.length === 2) {
    const test = mannWhitney(values[0], values[1], options);
    test.groups.forEach((g, i) => {
      summaries[i].meanRank = g.meanRank;
      summaries[i].rankSum = g.rankSum;
    });
    return { test: "mann-whitney", levels: summaries, mannWhitney: test, reason: emptyReason ?? test.reason };
  }

  const test = kruskalWallis(values);
  test.groups.forEach((g, i) => {
    summaries[i].meanRank = g.meanRank;
    summaries[i].rankSum = g.rankSum;
  });
  const dunn = dunnPairwise(values);
  const pairs = pairwiseMannWhitney(values, options);
  const pairwise = pairs.map((p, i): PairComparison => {
    const d = dunn.pairs[i];
    const emptyInPair = [p.a, p.b].filter((j) => summaries[j].n === 0).map((j) => `"${levels[j]}"`);
    const reason = emptyInPair.length > 0 ? `no values in level${emptyInPair.length === 1 ? "" : "s"} ${emptyInPair.join(", ")}` : (p.test.reason ?? d.reason);
    return { a: levels[p.a], b: levels[p.b], mannWhitney: p.test, pHolm: p.pHolm, pExactHolm: p.pExactHolm, dunn: d, reason };
  });
  return { test: "kruskal-wallis", levels: summaries, kruskalWallis: test, pairwise, reason: emptyReason ?? test.reason };
}
