/**
 * A sum of floating-point numbers rounded once, exactly (Shewchuk 1997, "Adaptive precision floating-point
 * arithmetic"; the algorithm of Python's math.fsum): the result is the true sum of the inputs rounded to the
 * nearest double, so it does not depend on the order the terms come in. The terms must be finite and the
 * sum must stay below 2¹⁰²⁴ in magnitude (callers in src/stats scale by a power of two first); past that
 * the result is not a number, where math.fsum raises OverflowError.
 * Reference: Shewchuk (1997), Discrete & Computational Geometry 18:305–363; = Python math.fsum.
 *
 * Example: exactSum([0.1, 0.2, 0.3]) === 0.6 (a plain left-to-right sum gives 0.6000000000000001), the same
 * as python3 -c "import math; print(math.fsum([0.1, 0.2, 0.3]))".
 */
export class ExactSum {
  /** Non-overlapping partial sums, smallest magnitude first (the first `count`); their exact total is the sum so far. */
  private readonly partials: number[] = [];
  private count = 0;

  add(value: number): void {
    const p = this.partials;
    let x = value;
    let i = 0;
    for (let k = 0; k < this.count; k++) {
      let y = p[k];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p[i++] = x; // the array is not shortened: `count` says how much of it is in use
    this.count = i;
  }

  /** The exact sum rounded to the nearest double (ties to even, as math.fsum). */
  value(): number {
    const p = this.partials;
    let n = this.count;
    if (n === 0) return 0;
    let hi = p[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way case: the next partial decides the rounding direction.
    if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/** The exactly rounded sum of `values` (see ExactSum). */
export function exactSum(values: Iterable<number>): number {
  const sum = new ExactSum();
  for (const v of values) sum.add(v);
  return sum.value();
}
