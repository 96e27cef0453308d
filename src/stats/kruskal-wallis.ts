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
  /** Tie-corrected H. */
  h: number | null;
  /** k − 1. */
  df: number | null;
  /** Upper χ²(df) tail of H. */
  p: number | null;
  /** ε² = H/(N − 1) (Tomczak & Tomczak 2014). */
  epsilonSquared: number | null;
  reason: string | null;
}

/**
 * Kruskal–Wallis H test for k ≥ 2 groups. Pool and rank with midranks; with group sizes nᵢ and mean ranks
 * R̄ᵢ, H = [12/(N(N + 1)) Σ nᵢ(R̄ᵢ − (N + 1)/2)²] / [1 − Σ(t³ − t)/(N³ − N)], df = k − 1, p = P(χ²_df ≥ H)
 * (= scipy.stats.kruskal, SPSS, R kruskal.test). The sum of squared deviations is used instead of the
 * textbook 12/(N(N+1)) Σ Rᵢ²/nᵢ − 3(N + 1), which loses digits by cancellation when H is small.
 * Missing values are dropped. Null with a reason when fewer than two groups are given, a group has no
 * values (the k-group test is then not the test asked for), or every value is tied (H = 0/0).
 * Reference: Kruskal & Wallis (1952); Hollander, Wolfe & Chicken (2014) §6.1.
 *
 * Example: kruskalWallis([[1, 2], [3, 4], [5, 6]]) → H 4.571428571428571, df 2, p 0.10170139230422684,
 * ε² 0.9142857142857143.
 */
export function kruskalWallis(groups: readonly (readonly (number | null)[])[]): KruskalWallisResult {
  const samples = groups.map((g) => dropMissing(g));
  const sizes = samples.map((s) => s.length);
  const N = sizes.reduce((a, b) => a + b, 0);
  const nulls = { h: null, df: null, p: null, epsilonSquared: null };
  if (samples.length < 2) {
    return { groups: sizes.map(unranked), n: N, ...nulls, reason: "fewer than two groups" };
  }
  const empty = sizes.findIndex((n) => n === 0);
  if (empty !== -1) {
    return { groups: sizes.map(unranked), n: N, ...nulls, reason: `group ${empty + 1} has no values` };
  }
  const pooled = samples.flat();
  const ranks = midranks(pooled);
  const rankGroups: RankGroup[] = [];
  let offset = 0;
  let between = 0;
  const centre = (N + 1) / 2;
  for (const n of sizes) {
    let sum = 0;
    for (let i = offset; i < offset + n; i++) sum += ranks[i];
    offset += n;
    const meanRank = sum / n;
    rankGroups.push({ n, meanRank, rankSum: sum });
    between += n * (meanRank - centre) * (meanRank - centre);
  }
  const ties = tieSum(pooled);
  if (ties === N * N * N - N) {
    return { groups: rankGroups, n: N, ...nulls, reason: "all values are tied: no variation to test" };
  }
  const h = ((12 / (N * (N + 1))) * between) / (1 - ties / (N * N * N - N));
  const df = samples.length - 1;
  return { groups: rankGroups, n: N, h, df, p: chiSquareUpperTail(h, df), epsilonSquared: h / (N - 1), reason: null };
}

function unranked(n: number): RankGroup {
  return { n, meanRank: null, rankSum: null };
}
