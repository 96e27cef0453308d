import { lazyModule } from "../lazy-module.js";

const erfc = lazyModule<typeof import("@stdlib/math-base-special-erfc")>("@stdlib/math-base-special-erfc");

/**
 * Two-sided tail probability of the standard normal: P(|Z| ≥ |z|) = erfc(|z|/√2). Computed from erfc,
 * never as 1 − Φ, so that small tails keep full relative precision (2·Φ(−8.5) ≈ 1.9e-17, not 0).
 * Reference: Abramowitz & Stegun 26.2.29; = 2 * scipy.stats.norm.sf(abs(z)).
 *
 * Example: normalTwoSidedP(1.959963984540054) → 0.05 (to 1e-15).
 */
export function normalTwoSidedP(z: number): number {
  return erfc()(Math.abs(z) / Math.SQRT2);
}
