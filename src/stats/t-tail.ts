import { lazyModule } from "../lazy-module.js";

const betainc = lazyModule<typeof import("@stdlib/math-base-special-betainc")>("@stdlib/math-base-special-betainc");

/**
 * Two-sided tail probability of Student's t with `df` degrees of freedom:
 * P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2), the regularised incomplete beta function, which keeps small
 * tails precise. Null when df ≤ 0 (no degrees of freedom).
 * Reference: Abramowitz & Stegun 26.7.1; = 2 * scipy.stats.t.sf(abs(t), df).
 *
 * Example: tTwoSidedP(2.228138851986274, 10) → 0.05 (to 1e-12).
 */
export function tTwoSidedP(t: number, df: number): number | null {
  if (!(df > 0)) return null;
  if (!Number.isFinite(t)) return 0;
  return betainc()(df / (df + t * t), df / 2, 0.5);
}
