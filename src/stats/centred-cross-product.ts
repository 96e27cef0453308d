import type { CentredValues } from "./centred-values.js";

/**
 * The centred cross product Σ (aᵢ − ā)(bᵢ − b̄) of two samples of the same cases, in the scaled units of
 * centredValues (multiply by 2^(eₐ + e_b) for the data's units; a correlation's ratio needs no unscaling).
 * Corrected two-pass formula: Σ dₐᵢ d_bᵢ − rₐ r_b / n, where d are the deviations from the rounded means and
 * r the exactly summed residuals, so the rounding of the means does not leak into the result. With a = b it
 * is the sum of squares of a variance; it is then never negative (clipped at 0).
 * Reference: Chan, Golub & LeVeque (1983), The American Statistician 37:242–247, eq. 1.7; R's cov() uses
 * the same correction (src/library/stats/src/cov.c).
 *
 * Example: centredCrossProduct(centredValues([1, 2, 3, 4]), centredValues([1, 2, 4, 3])) → 0.0625, in units of
 * 2⁻⁶ (both exponents are 3): the unscaled Σ(a − ā)(b − b̄) is 4.
 */
export function centredCrossProduct(a: CentredValues, b: CentredValues): number {
  const n = a.n;
  const da = a.deviations;
  const db = b.deviations;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += da[i] * db[i];
  if (n === 0) return 0;
  const product = sum - (a.residual * b.residual) / n;
  return a === b ? Math.max(0, product) : product;
}
