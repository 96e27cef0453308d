import { lazyModule } from "../lazy-module.js";

const gammainc = lazyModule<typeof import("@stdlib/math-base-special-gammainc")>("@stdlib/math-base-special-gammainc");

/**
 * Upper tail of the χ² distribution: P(X ≥ x) = Q(df/2, x/2), the upper regularised incomplete gamma
 * function (computed directly, not as 1 − P, so small tails stay precise). Null when df ≤ 0.
 * Reference: Abramowitz & Stegun 26.4.19; = scipy.stats.chi2.sf(x, df).
 *
 * Example: chiSquareUpperTail(5.991464547107979, 2) → 0.05 (to 1e-15).
 */
export function chiSquareUpperTail(x: number, df: number): number | null {
  if (!(df > 0)) return null;
  if (x <= 0) return 1;
  return gammainc()(x / 2, df / 2, true, true);
}
