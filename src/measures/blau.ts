import type { CategoryTally } from "./category-tally.js";
import type { MeasureDefinition } from "./measure-definition.js";

/**
 * Blau's index of heterogeneity (Blau 1977): 1 − Σ_c p_c², p_c the proportion of alters with a known value
 * in category c. 0 when all alters share one category; approaches 1 − 1/K with K equally filled categories.
 * Alters with several categories chosen have no single category and are left out, like missing values.
 * Null when no alter has a (single) known value: there is no distribution.
 *
 * Example: vcs, vcs, health, council → 1 − (0.5² + 0.25² + 0.25²) = 0.625.
 */
export function blauIndex(tally: CategoryTally): number | null {
  const n = tally.singleKnown;
  if (n === 0) return null;
  return (n * n - sumOfSquaredCounts(tally)) / (n * n);
}

/**
 * Σ_c (count_c)², an integer: Blau = (N² − Σ count²) / N² is then one correctly rounded division, so
 * 1 − (0.8² + 0.2²) prints as 0.32, not 0.31999999999999995.
 */
export function sumOfSquaredCounts(tally: CategoryTally): number {
  let sum = 0;
  for (const count of tally.single.values()) sum += count * count;
  return sum;
}

export const blauMeasure: MeasureDefinition = {
  id: "blau_<var>",
  label: "Blau's heterogeneity",
  description: "Diversity of the alters' categories (Blau 1977); 0 = all alike.",
  definition: "1 − Σ p_c², p_c = share of alters with a known value in category c; null when none is known",
  family: "composition",
  columns: (plan) =>
    plan.composition.map((v) => ({ id: `blau_${v.id}`, measure: "blau_<var>", title: `Blau heterogeneity of ${v.id}`, variable: v.id })),
  compute: (c, column) => blauIndex(c.tally(c.compositionVariable(column.variable))),
};
