import { lazyModule } from "../lazy-module.js";

const erfc = lazyModule<typeof import("@stdlib/math-base-special-erfc")>("@stdlib/math-base-special-erfc");

/**
 * Upper tail of the standard normal, P(Z ≥ z) = erfc(z/√2)/2: the one-sided p, computed from erfc so small
 * tails keep full relative precision. Reference: Abramowitz & Stegun 26.2.29; = scipy.stats.norm.sf(z).
 *
 * Example: normalUpperTail(1.6448536269514722) → 0.05 (to 1e-15).
 */
export function normalUpperTail(z: number): number {
  return erfc()(z / Math.SQRT2) / 2;
}
