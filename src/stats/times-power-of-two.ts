/**
 * x · 2ᵏ for any integer k, in at most three multiplications by powers of two that are themselves doubles
 * (2⁻¹⁰²² … 2¹⁰²³). Exact whenever the result is a normal double (scaling by a power of two only moves the
 * exponent), so statistics can work on scaled copies of their data and scale back without error; a result
 * past the largest double is ±Infinity and one below the normal range is rounded, as ldexp does.
 * Reference: IEEE 754-2019 §5.3.3 scaleB; = C ldexp(x, k), R x * 2^k.
 *
 * Example: timesPowerOfTwo(3, -1074) → 1.5e-323 (a subnormal, exact); timesPowerOfTwo(1.5e-323, 1074) → 3;
 * timesPowerOfTwo(1e300, -997) → 0.7466108948025751 (= 1e300 / 2⁹⁹⁷ exactly); timesPowerOfTwo(1, -1075) → 0
 * (half the smallest subnormal, rounded to even).
 */
export function timesPowerOfTwo(x: number, k: number): number {
  let y = x;
  let rest = k;
  // Steps toward the target keep the intermediate between x and the result, so only the last can round.
  while (rest > 1023) {
    y *= 2 ** 1023;
    rest -= 1023;
  }
  while (rest < -1022) {
    y *= 2 ** -1022;
    rest += 1022;
  }
  return y * 2 ** rest;
}
