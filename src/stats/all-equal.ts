/**
 * Whether every value is the same number: a constant variable, decided on the data and not on a computed
 * variance (the mean of three 0.1s is not exactly 0.1, so their computed deviations are not all 0).
 * True for zero or one value. 0 and −0 are equal, as in R (`0 == -0`).
 *
 * Example: allEqual([0.1, 0.1, 0.1]) → true; allEqual([1, 1, 1.0000000000000002]) → false.
 */
export function allEqual(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
