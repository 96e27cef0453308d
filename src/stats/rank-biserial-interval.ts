import { lazyModule } from "../lazy-module.js";
import type { Interval } from "./fisher-interval.js";

const normalQuantile = lazyModule<typeof import("@stdlib/stats-base-dists-normal-quantile")>("@stdlib/stats-base-dists-normal-quantile");

/**
 * Confidence interval of the rank-biserial correlation r = 2U₁/(n₁n₂) − 1 of two independent samples (which is
 * also Cliff's δ): normal on Fisher's z scale, tanh(atanh(r) ± z₍₁₋α/₂₎·SE) with SE = √((n₁ + n₂ + 1)/(3n₁n₂)).
 * Null with a reason when |r| = 1 (atanh is infinite; effectsize prints the degenerate interval [r, r] there,
 * which claims a certainty the data cannot give) or a sample is empty.
 * Reference: Kerby (2014), Compr. Psychol. 3:11.IT.3.1; = R effectsize::rank_biserial(x, y, ci = level)
 * (effectsize 0.8.3, ci_method "normal").
 *
 * Example: rankBiserialInterval(0.5, 10, 12) → low 0.05384858024332285, high 0.7797418113549331
 * (R: tanh(atanh(0.5) + c(-1, 1) * qnorm(0.975) * sqrt(23 / 360))).
 */
export function rankBiserialInterval(r: number, n1: number, n2: number, level = 0.95): Interval {
  if (n1 < 1 || n2 < 1) return { low: null, high: null, reason: "a sample has no values" };
  if (Math.abs(r) >= 1) return { low: null, high: null, reason: "|rank-biserial| = 1: the interval is undefined (complete separation)" };
  const half = normalQuantile()((1 + level) / 2, 0, 1) * Math.sqrt((n1 + n2 + 1) / (3 * n1 * n2));
  const centre = Math.atanh(r);
  return { low: Math.tanh(centre - half), high: Math.tanh(centre + half), reason: null };
}
