import type { CorrelationResult } from "./correlation-result.js";
import { fisherInterval } from "./fisher-interval.js";
import { tTwoSidedP } from "./t-tail.js";

/**
 * The test and interval that go with a correlation r on n cases with k controlled variables: df = n − 2 − k,
 * t = r√(df/(1 − r²)), p two-sided from Student's t (|r| = 1 gives p = 0), 95% CI by Fisher's z with
 * se = 1/√(n − 3 − k). Each part that cannot be computed is null, and `reason` says why.
 * Reference: Fisher (1921, 1924); = scipy.stats.pearsonr p-value (the same t test written as a beta tail).
 *
 * Example: correlationTest({ r: 0.8, reason: null }, 5, 0) → df 3, p 0.1040880386618278, CI from se 1/√2.
 */
export function correlationTest(
  estimate: { r: number | null; reason: string | null },
  n: number,
  controls: number,
): CorrelationResult {
  const { r } = estimate;
  if (r === null) return { n, r: null, df: null, p: null, ciLow: null, ciHigh: null, reason: estimate.reason };
  const df = n - 2 - controls;
  const reasons: string[] = [];
  let p: number | null = null;
  if (df <= 0) {
    reasons.push(`n = ${n}: no degrees of freedom for the test`);
  } else {
    const oneMinusR2 = (1 - r) * (1 + r);
    p = oneMinusR2 === 0 ? 0 : tTwoSidedP(r * Math.sqrt(df / oneMinusR2), df);
  }
  const ci = fisherInterval(r, n, controls);
  if (ci.reason !== null) reasons.push(ci.reason);
  return {
    n,
    r,
    df: df > 0 ? df : null,
    p,
    ciLow: ci.low,
    ciHigh: ci.high,
    reason: reasons.length > 0 ? reasons.join("; ") : null,
  };
}
