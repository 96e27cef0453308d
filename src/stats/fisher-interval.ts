import { lazyModule } from "../lazy-module.js";

const normalQuantile = lazyModule<typeof import("@stdlib/stats-base-dists-normal-quantile")>("@stdlib/stats-base-dists-normal-quantile");

export interface Interval {
  low: number | null;
  high: number | null;
  reason: string | null;
}

/**
 * Confidence interval of a correlation by Fisher's z transformation: tanh(atanh(r) ± z₍₁₋α/₂₎ / √(n − 3 − k)),
 * k = number of controlled variables (0 for a plain correlation). Null with a reason when n − 3 − k ≤ 0
 * (no standard error) or |r| = 1 (atanh is infinite).
 * Reference: Fisher (1921); = scipy.stats.pearsonr(x, y).confidence_interval(0.95) for k = 0.
 *
 * Example: fisherInterval(0.5, 28) → low 0.15602836252908603, high 0.7358184794439376 (se = 1/5).
 */
export function fisherInterval(r: number, n: number, controls = 0, confidence = 0.95): Interval {
  const dof = n - 3 - controls;
  if (dof <= 0) {
    return { low: null, high: null, reason: `n = ${n} is too small for a confidence interval (needs n > ${3 + controls})` };
  }
  if (Math.abs(r) >= 1) return { low: null, high: null, reason: "|r| = 1: the Fisher z interval is undefined" };
  const centre = Math.atanh(r);
  const half = normalQuantile()((1 + confidence) / 2, 0, 1) / Math.sqrt(dof);
  return { low: Math.tanh(centre - half), high: Math.tanh(centre + half), reason: null };
}
