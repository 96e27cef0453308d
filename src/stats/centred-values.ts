import { ExactSum } from "./exact-sum.js";
import { scaleExponent } from "./scale-exponent.js";
import { timesPowerOfTwo } from "./times-power-of-two.js";

/** Values brought to unit scale and centred on their mean: the first pass of every mean, variance and correlation. */
export interface CentredValues {
  n: number;
  /** The data were multiplied by 2⁻ᵉˣᵖᵒⁿᵉⁿᵗ (exactly) so that the largest |x| is in [½, 1). */
  exponent: number;
  /** The mean of the data, unscaled: the exact mean to within half an ulp and a negligible term. Null when n = 0. */
  mean: number | null;
  /** dᵢ = xᵢ·2⁻ᵉ − m·2⁻ᵉ rounded, in input order (m the mean). */
  deviations: Float64Array;
  /** Σ (xᵢ·2⁻ᵉ − m·2⁻ᵉ) computed exactly, then rounded: what the rounded mean leaves over (n(x̄ − m), scaled). */
  residual: number;
}

/**
 * Scales finite values by a power of two to unit size (exact: see scaleExponent), takes their mean from the
 * exactly rounded sum (ExactSum), refines it once by the exactly summed residuals Σ(xᵢ − m), and returns the
 * deviations with that residual. Scaling keeps squares of values near 1e±300 representable; the exact sums
 * keep the mean of values with a large offset (1e12 + 0.008, …) right to the last bit, where a running sum
 * is off by ulps that a variance of the same size cannot afford. Pair with centredCrossProduct.
 * Reference: Chan, Golub & LeVeque (1983), "Algorithms for computing the sample variance", The American
 * Statistician 37:242–247 (the corrected two-pass algorithm, eq. 1.7); Shewchuk (1997) for the exact sums.
 *
 * Example: centredValues([1, 2, 3, 4]) → exponent 3, mean 2.5, deviations [−0.1875, −0.0625, 0.0625, 0.1875],
 * residual 0.
 */
export function centredValues(values: ArrayLike<number>): CentredValues {
  const n = values.length;
  const exponent = scaleExponent(values);
  const scaled = new Float64Array(n);
  const sum = new ExactSum();
  // One multiplication when 2⁻ᵉ is a double (all but the smallest subnormal data), else in steps.
  const factor = -exponent <= 1023 ? 2 ** -exponent : Number.NaN;
  for (let i = 0; i < n; i++) {
    scaled[i] = -exponent <= 1023 ? values[i] * factor : timesPowerOfTwo(values[i], -exponent);
    sum.add(scaled[i]);
  }
  if (n === 0) return { n, exponent, mean: null, deviations: scaled, residual: 0 };
  let m = sum.value() / n;
  let residual = exactResidual(scaled, m);
  // The division rounded m once more: one step of refinement brings it to the rounded exact mean.
  const refined = m + residual / n;
  if (refined !== m) {
    m = refined;
    residual = exactResidual(scaled, m);
  }
  const deviations = new Float64Array(n);
  for (let i = 0; i < n; i++) deviations[i] = scaled[i] - m;
  return { n, exponent, mean: timesPowerOfTwo(m, exponent), deviations, residual };
}

/** Σ (xᵢ − m) exactly (each difference split into its rounded value and rounding error), rounded once. */
function exactResidual(x: Float64Array, m: number): number {
  const sum = new ExactSum();
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - m;
    // Knuth's TwoSum: x − m = d + error exactly.
    const z = d - x[i];
    const error = x[i] - (d - z) + (-m - z);
    sum.add(d);
    if (error !== 0) sum.add(error);
  }
  return sum.value();
}
