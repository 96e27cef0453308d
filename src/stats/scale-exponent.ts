import { timesPowerOfTwo } from "./times-power-of-two.js";

/**
 * The exponent e with max |xᵢ| · 2⁻ᵉ in [½, 1): the power of two that brings the values to unit scale, so
 * that squares and products of values near 1e±300 neither overflow nor underflow. 0 when every value is 0
 * (or there are none). The values must be finite.
 * Reference: the binary exponent of frexp (C99 §7.12.6.4): max |xᵢ| = f · 2ᵉ with ½ ≤ f < 1.
 *
 * Example: scaleExponent([3, -5]) → 3 (5 = 0.625 · 2³); scaleExponent([1e300]) → 997; scaleExponent([5e-324]) → −1073.
 */
export function scaleExponent(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > max) max = a;
  }
  if (max === 0) return 0;
  let e = Math.floor(Math.log2(max)) + 1;
  // log2 is not exact: correct by one either way.
  if (timesPowerOfTwo(max, -e) >= 1) e++;
  else if (timesPowerOfTwo(max, -e) < 0.5) e--;
  return e;
}
