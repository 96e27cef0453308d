/**
 * Σ (t³ − t) over the groups of tied values (t = size of a group): the tie term of the Mann–Whitney and
 * Kruskal–Wallis variances. 0 when there are no ties; N³ − N when every value is tied.
 * Reference: Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods, 3rd ed., §4.1, §6.1.
 *
 * Example: tieSum([1, 1, 2, 3, 3, 3]) → (8 − 2) + (27 − 3) = 30.
 */
export function tieSum(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let sum = 0;
  for (const t of counts.values()) sum += t * t * t - t;
  return sum;
}
