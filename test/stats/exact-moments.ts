/**
 * Exact means, standard deviations and Pearson correlations of doubles, in integers (BigInt): an independent
 * reference for the property tests, the same arithmetic as Python's fractions in exact_sd.py. Every double
 * is m·2ᵉ with an integer m, so with E the smallest exponent all values are integers Mᵢ·2ᴱ and
 * n·Σ(x − x̄)² = (nΣM² − (ΣM)²)·2²ᴱ exactly. Square roots are taken to 64 bits or more, then rounded once.
 */
import { timesPowerOfTwo } from "../../src/stats/index.js";

/** A finite double as sign·m·2ᵉ: m an integer below 2⁵³. */
function decompose(value: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biased = (high >>> 20) & 0x7ff;
  let m = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let e = -1074;
  if (biased !== 0) {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return { m: negative ? -m : m, e };
}

/** The values as integers Mᵢ with a common exponent E: xᵢ = Mᵢ·2ᴱ exactly. */
function integers(values: readonly number[]): { M: bigint[]; E: number } {
  const parts = values.map(decompose);
  const E = Math.min(...parts.map((p) => p.e));
  return { M: parts.map((p) => p.m << BigInt(p.e - E)), E };
}

function bitLength(a: bigint): number {
  return a === 0n ? 0 : a.toString(2).length;
}

/** ⌊√a⌋ by Newton's method. */
function isqrt(a: bigint): bigint {
  if (a < 2n) return a;
  let x = 1n << BigInt(Math.ceil(bitLength(a) / 2));
  for (;;) {
    const y = (x + a / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** a·2^k for a BigInt, k of either sign (a right shift truncates). */
function shifted(a: bigint, k: number): bigint {
  return k >= 0 ? a << BigInt(k) : a >> BigInt(-k);
}

/** num/den (positive) as a double times 2^exponent, to 64 significant bits before the one rounding. */
function ratio(num: bigint, den: bigint, exponent: number): number {
  if (num === 0n) return 0;
  const shift = 64 - (bitLength(num) - bitLength(den));
  return timesPowerOfTwo(Number(shifted(num, shift) / den), exponent - shift);
}

/** √(num/den)·2^exponent, to 64 significant bits before the one rounding. */
function sqrtRatio(num: bigint, den: bigint, exponent: number): number {
  if (num === 0n) return 0;
  const shift = Math.ceil((128 - (bitLength(num) - bitLength(den))) / 2);
  return timesPowerOfTwo(Number(isqrt(shifted(num, 2 * shift) / den)), exponent - shift);
}

/** The exact mean of the doubles, rounded (to within one rounding of 64 bits). */
export function exactMean(values: readonly number[]): number {
  const { M, E } = integers(values);
  const sum = M.reduce((a, b) => a + b, 0n);
  const magnitude = ratio(sum < 0n ? -sum : sum, BigInt(values.length), E);
  return sum < 0n ? -magnitude : magnitude;
}

/** The exact sample standard deviation (n − 1) of the doubles, rounded; Infinity past the largest double. */
export function exactSd(values: readonly number[]): number {
  const n = BigInt(values.length);
  const { M, E } = integers(values);
  let s = 0n;
  let q = 0n;
  for (const m of M) {
    s += m;
    q += m * m;
  }
  return sqrtRatio(n * q - s * s, n * (n - 1n), E);
}

/** The exact Pearson r of the doubles, rounded; null when a variable is constant. */
export function exactPearson(x: readonly number[], y: readonly number[]): number | null {
  const n = BigInt(x.length);
  const a = integers(x).M;
  const b = integers(y).M;
  let sa = 0n;
  let sb = 0n;
  let saa = 0n;
  let sbb = 0n;
  let sab = 0n;
  for (let i = 0; i < a.length; i++) {
    sa += a[i];
    sb += b[i];
    saa += a[i] * a[i];
    sbb += b[i] * b[i];
    sab += a[i] * b[i];
  }
  const cab = n * sab - sa * sb;
  const caa = n * saa - sa * sa;
  const cbb = n * sbb - sb * sb;
  if (caa === 0n || cbb === 0n) return null;
  const magnitude = sqrtRatio(cab * cab, caa * cbb, 0);
  return cab < 0n ? -magnitude : magnitude;
}
