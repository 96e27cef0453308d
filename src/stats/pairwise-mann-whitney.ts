import { holmAdjust } from "./holm.js";
import { mannWhitney, type MannWhitneyOptions, type MannWhitneyResult } from "./mann-whitney.js";

export interface PairwiseMannWhitney {
  /** Indexes of the two groups in the input, a < b. */
  a: number;
  b: number;
  test: MannWhitneyResult;
  /** Holm-adjusted asymptotic p over the pairs that could be tested. */
  pHolm: number | null;
  /** Holm-adjusted exact p over the pairs with an exact p. */
  pExactHolm: number | null;
}

/**
 * Mann–Whitney U for every pair of groups, each pair ranked on its own (unlike Dunn's test, which uses the
 * pooled ranking), with Holm-adjusted p-values. Pairs in order (0,1), (0,2), …, (k−2,k−1).
 * Reference: Holm (1979); each test as mannWhitney.
 *
 * Example: pairwiseMannWhitney([[1, 2], [3, 4], [5, 6]]) → three pairs, each U 0, p 0.12133525035848218,
 * Holm p 0.3640057510754465.
 */
export function pairwiseMannWhitney(
  groups: readonly (readonly (number | null)[])[],
  options: MannWhitneyOptions = {},
): PairwiseMannWhitney[] {
  const pairs: PairwiseMannWhitney[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      pairs.push({ a, b, test: mannWhitney(groups[a], groups[b], options), pHolm: null, pExactHolm: null });
    }
  }
  const holm = holmAdjust(pairs.map((p) => p.test.p));
  const exactHolm = holmAdjust(pairs.map((p) => p.test.pExact));
  pairs.forEach((pair, i) => {
    pair.pHolm = holm[i];
    pair.pExactHolm = exactHolm[i];
  });
  return pairs;
}
