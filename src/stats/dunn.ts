import { bonferroniAdjust } from "./bonferroni.js";
import { dropMissing } from "./drop-missing.js";
import { holmAdjust } from "./holm.js";
import { normalTwoSidedP } from "./normal-tail.js";
import { midranks } from "./ranks.js";
import { tieSum } from "./tie-sum.js";

export interface DunnPair {
  /** Indexes of the two groups in the input, a < b. */
  a: number;
  b: number;
  /** R̄_a − R̄_b in the pooled ranking (SPSS "Test Statistic"). */
  meanRankDifference: number | null;
  /** Its standard error (SPSS "Std. Error"). */
  se: number | null;
  /** Difference / se (SPSS "Std. Test Statistic"). */
  z: number | null;
  /** Two-sided 2Φ(−|z|) (SPSS "Sig."). */
  p: number | null;
  /** p × number of comparisons, capped at 1 (SPSS "Adj. Sig."). */
  pBonferroni: number | null;
  /** Holm-adjusted p over the comparisons. */
  pHolm: number | null;
  reason: string | null;
}

/**
 * Dunn's pairwise test after Kruskal–Wallis, on the mean ranks of the pooled ranking (all groups ranked
 * together), tie-corrected: z = (R̄_a − R̄_b) / √[(N(N + 1)/12 − Σ(t³ − t)/(12(N − 1))) · (1/n_a + 1/n_b)],
 * p = 2Φ(−|z|), adjusted by Bonferroni (as SPSS prints it) and by Holm over the pairs that could be tested.
 * Pairs in order (0,1), (0,2), …, (k−2,k−1). Missing values are dropped. A pair with an empty group, or
 * data with every value tied, gives nulls and a reason.
 * Reference: Dunn (1964), Technometrics 6:241–252; IBM SPSS Statistics Algorithms, "Nonparametric tests:
 * pairwise comparisons"; the same formula as R dunn.test and FSA::dunnTest.
 *
 * Example: dunnPairwise([[1, 2], [3, 4], [5, 6]]).pairs[1] (groups 1 and 3) → difference −4,
 * se √(3.5·1) = 1.8708286933869707, z −2.138089935299395, p 0.032509444645719546, Bonferroni 0.09752833393715864.
 */
export function dunnPairwise(groups: readonly (readonly (number | null)[])[]): { pairs: DunnPair[]; reason: string | null } {
  const samples = groups.map((g) => dropMissing(g));
  const sizes = samples.map((s) => s.length);
  const pooled = samples.flat();
  const N = pooled.length;
  const ranks = midranks(pooled);
  const meanRanks: (number | null)[] = [];
  let offset = 0;
  for (const n of sizes) {
    let sum = 0;
    for (let i = offset; i < offset + n; i++) sum += ranks[i];
    offset += n;
    meanRanks.push(n > 0 ? sum / n : null);
  }
  const ties = tieSum(pooled);
  const allTied = N > 0 && ties === N * N * N - N;
  const spread = N > 1 ? (N * (N + 1)) / 12 - ties / (12 * (N - 1)) : 0;
  const pairs: DunnPair[] = [];
  for (let a = 0; a < samples.length; a++) {
    for (let b = a + 1; b < samples.length; b++) {
      const base = { a, b, pBonferroni: null, pHolm: null };
      const ra = meanRanks[a];
      const rb = meanRanks[b];
      if (ra === null || rb === null) {
        const which = ra === null ? a : b;
        pairs.push({ ...base, meanRankDifference: null, se: null, z: null, p: null, reason: `group ${which + 1} has no values` });
        continue;
      }
      const difference = ra - rb;
      if (allTied) {
        pairs.push({ ...base, meanRankDifference: difference, se: null, z: null, p: null, reason: "all values are tied: no variation to test" });
        continue;
      }
      const se = Math.sqrt(spread * (1 / sizes[a] + 1 / sizes[b]));
      const z = difference / se;
      pairs.push({ ...base, meanRankDifference: difference, se, z, p: normalTwoSidedP(z), reason: null });
    }
  }
  const bonferroni = bonferroniAdjust(pairs.map((p) => p.p));
  const holm = holmAdjust(pairs.map((p) => p.p));
  pairs.forEach((pair, i) => {
    pair.pBonferroni = bonferroni[i];
    pair.pHolm = holm[i];
  });
  return { pairs, reason: allTied ? "all values are tied: no variation to test" : null };
}
