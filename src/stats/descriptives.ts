import { centredCrossProduct } from "./centred-cross-product.js";
import { centredValues } from "./centred-values.js";
import { isPresent } from "./drop-missing.js";
import { quantileType7 } from "./quantile.js";
import { timesPowerOfTwo } from "./times-power-of-two.js";

/** Group descriptives. Every statistic is null (with `reason`) when it is undefined. */
export interface Descriptives {
  /** Non-missing values. */
  n: number;
  /** Missing values dropped. */
  missing: number;
  median: number | null;
  /** Quartiles, R type 7 (numpy `linear`). */
  q1: number | null;
  q3: number | null;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Why some statistic is null, else null. */
  reason: string | null;
}

/**
 * n, median, quartiles (R type 7), mean, standard deviation (n − 1), min and max of the non-missing values
 * (R `summary()` + `sd()`; numpy `percentile`, `std(ddof=1)`). Missing values are dropped and counted.
 * An empty sample gives n = 0 and nulls; one value gives sd = null (no spread can be estimated from one value).
 * The mean and sd are those of the exact values of the doubles, to the last bit or two whatever their size
 * or offset (see centredValues: exact sums on values scaled by a power of two, corrected two-pass sum of
 * squares), as Python's statistics.mean and statistics.stdev compute them with fractions; R's sd() on
 * 1e12 + 0.008, 1e12 + 0.007 × 3 is 0.2% off the exact 0.00054931640625. An sd beyond the largest double
 * (values near ±1.8e308) is null with a reason.
 *
 * Example: descriptives([1, 2, 3, 4, null]) → n 4, missing 1, median 2.5, q1 1.75, q3 3.25, mean 2.5,
 * sd 1.2909944487358056, min 1, max 4.
 */
export function descriptives(values: ArrayLike<number | null>): Descriptives {
  // The values dropMissing keeps, straight into a typed array: it sorts numbers natively, several times
  // faster than a comparator, and tables of 100,000 egos describe every column of every group.
  let n = 0;
  for (let i = 0; i < values.length; i++) if (isPresent(values[i])) n++;
  const x = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (isPresent(values[i])) x[k++] = values[i] as number;
  x.sort();
  const missing = values.length - n;
  if (n === 0) {
    return {
      n, missing, median: null, q1: null, q3: null, mean: null, sd: null, min: null, max: null,
      reason: "no non-missing values",
    };
  }
  const centred = centredValues(x);
  let sd: number | null = null;
  let reason: string | null = null;
  if (n < 2) {
    reason = "one value: the standard deviation is undefined";
  } else {
    sd = timesPowerOfTwo(Math.sqrt(centredCrossProduct(centred, centred) / (n - 1)), centred.exponent);
    if (!Number.isFinite(sd)) {
      sd = null;
      reason = "the standard deviation is beyond the largest double (about 1.8e308)";
    }
  }
  return {
    n,
    missing,
    median: quantileType7(x, 0.5),
    q1: quantileType7(x, 0.25),
    q3: quantileType7(x, 0.75),
    mean: centred.mean,
    sd,
    min: x[0],
    max: x[n - 1],
    reason,
  };
}
