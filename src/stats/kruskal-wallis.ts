import { chiSquareUpperTail } from "./chi-square-tail.js";
import { dropMissing } from "./drop-missing.js";
import type { RankGroup } from "./mann-whitney.js";
import { midranks } from "./ranks.js";
import { tieSum } from "./tie-sum.js";

export interface KruskalWallisResult {
  /** Per group, in input order: non-missing n, mean rank and rank sum in the pooled ranking. */
  groups: RankGroup[];
  /** Total non-missing N. */
  n: number;
  /** Indexes of the groups with no values, left out of the test (as R does): empty when every group has values. */
  dropped: number[];
  /** Tie-corrected H. */
  h: number | null;
  /** k − 1, k the number of groups with values. */
  df: number | null;
  /** Upper χ²(df) tail of H. */
  p: number | null;
  /** ε² = H/(N − 1) (Tomczak & Tomczak 2014). */
  epsilonSquared: number | null;
  /** Why the test is null, else null. */
  reason: string | null;
  /** What the reader should know about a computed test (groups left out), else null. */
  note: string | null;
}

/**
 * Kruskal–Wallis H test for k ≥ 2 groups. Pool and rank with midranks; with group sizes nᵢ and mean ranks
 * R̄ᵢ, H = [12/(N(N + 1)) Σ nᵢ(R̄ᵢ − (N + 1)/2)²] / [1 − Σ(t³ − t)/(N³ − N)], df = k − 1, p = P(χ²_df ≥ H)
 * (= scipy.stats.kruskal, SPSS, R kruskal.test). The sum of squared deviations is used instead of the
 * textbook 12/(N(N+1)) Σ Rᵢ²/nᵢ − 3(N + 1), which loses digits by cancellation when H is small.
 * Missing values are dropped. A group with no values is left out, as R's kruskal.test(x, g) does (it
 * re-factors g after dropping NA, so an empty level is not a group): k counts the groups with values, the
 * left-out groups are listed in `dropped` and named in `note`, and their mean rank and rank sum are null.
 * (scipy 1.17 returns NaN instead, with a SmallSampleWarning; R's list form kruskal.test(list(...)) stops.)
 * Null with a reason when fewer than two groups have values, or every value is tied (H = 0/0).
 * Reference: Kruskal & Wallis (1952); Hollander, Wolfe & Chicken (2014) §6.1.
 *
 * Example: kruskalWallis([[1, 2], [3, 4], [5, 6]]) → H 4.571428571428571, df 2, p 0.10170139230422684,
 * ε² 0.9142857142857143; kruskalWallis([[1, 2], [3, 4], []]) → H 2.4, df 1, p 0.12133525035848 (R:
 * kruskal.test(c(1, 2, 3, 4, NA), factor(c("A", "A", "B", "B", "C")))), dropped [2].
 */
export function kruskalWallis(groups: readonly (readonly (number | null)[])[]): KruskalWallisResult {
  const samples = groups.map((g) => dropMissing(g));
  const sizes = samples.map((s) => s.length);
  const N = sizes.reduce((a, b) => a + b, 0);
  const nulls = { h: null, df: null, p: null, epsilonSquared: null };
  const dropped = sizes.flatMap((n, i) => (n === 0 ? [i] : []));
  const kept = sizes.length - dropped.length;
  const note =
    dropped.length === 0 || kept < 2
      ? null
      : `group${dropped.length === 1 ? "" : "s"} ${dropped.map((i) => i + 1).join(", ")} ${dropped.length === 1 ? "has" : "have"} no values: ` +
        `left out of the test (df = ${kept - 1})`;
  if (kept < 2) {
    const reason =
      samples.length < 2
        ? "fewer than two groups"
        : `fewer than two groups have values (group${dropped.length === 1 ? "" : "s"} ${dropped.map((i) => i + 1).join(", ")} ${dropped.length === 1 ? "has" : "have"} none)`;
    return { groups: sizes.map(unranked), n: N, dropped, ...nulls, reason, note: null };
  }
  const pooled = samples.flat();
  const ranks = midranks(pooled);
  const rankGroups: RankGroup[] = [];
  let offset = 0;
  let between = 0;
  const centre = (N + 1) / 2;
  for (const n of sizes) {
    if (n === 0) {
      rankGroups.push(unranked(0));
      continue;
    }
    let sum = 0;
    for (let i = offset; i < offset + n; i++) sum += ranks[i];
    offset += n;
    const meanRank = sum / n;
    rankGroups.push({ n, meanRank, rankSum: sum });
    between += n * (meanRank - centre) * (meanRank - centre);
  }
  const ties = tieSum(pooled);
  if (ties === N * N * N - N) {
    return { groups: rankGroups, n: N, dropped, ...nulls, reason: "all values are tied: no variation to test", note };
  }
  const h = ((12 / (N * (N + 1))) * between) / (1 - ties / (N * N * N - N));
  const df = kept - 1;
  return { groups: rankGroups, n: N, dropped, h, df, p: chiSquareUpperTail(h, df), epsilonSquared: h / (N - 1), reason: null, note };
}

function unranked(n: number): RankGroup {
  return { n, meanRank: null, rankSum: null };
}
