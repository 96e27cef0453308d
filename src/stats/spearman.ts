import type { CorrelationResult } from "./correlation-result.js";
import { correlationTest } from "./correlation-test.js";
import { completePairs, pearsonR } from "./pearson.js";
import { midranks } from "./ranks.js";

/**
 * Spearman's ρ: Pearson's r of the midranks of the complete pairs (ties averaged), p by the same t
 * approximation with n − 2 df and a 95% Fisher z interval (se = 1/√(n − 3), no variance inflation).
 * Null with a reason when n < 2 or a variable is constant.
 * Reference: Spearman (1904); = scipy.stats.spearmanr (statistic, pvalue); SPSS NONPAR CORR uses the same t.
 *
 * Example: spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → ρ 0.8207826816681233.
 */
export function spearman(x: readonly (number | null)[], y: readonly (number | null)[]): CorrelationResult {
  const [a, b] = completePairs(x, y);
  return correlationTest(pearsonR(midranks(a), midranks(b)), a.length, 0);
}
