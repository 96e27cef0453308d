/**
 * Greatest common divisor of two integers (Euclid), for reducing integer scores such as doubled midranks;
 * gcd(0, 0) = 0. `bigGcd` is the same for BigInt, where exact sums outgrow 2⁵³.
 *
 * Example: gcd(12, -18) → 6; bigGcd(12n, 18n) → 6n.
 */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** gcd for non-negative BigInts. */
export function bigGcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
