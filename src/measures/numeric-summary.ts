import { exactSum } from "./exact-sum.js";
import type { MeasureDefinition } from "./measure-definition.js";

/**
 * Mean and median of a numeric alter variable over the alters of the node types that have it (excluded
 * alters included); missing and non-numeric values are left out. The median of an even count is the mean
 * of the two middle values (R `median`, numpy `median`). Both null when no alter has a value. The sum is
 * rounded once (exactSum), so the mean does not depend on the order of the alters.
 *
 * Example: ages 30, 40, 65 → mean 45, median 40; 30, 40 → median 35.
 */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return exactSum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const meanMeasure: MeasureDefinition = {
  id: "mean_<var>",
  label: "Mean of a numeric alter variable",
  description: "Mean over the alters with a value of a numeric alter variable.",
  definition: "mean of <var> over alters with a value; null when none has one",
  family: "composition",
  columns: (plan) => plan.numeric.map((v) => ({ id: `mean_${v.id}`, measure: "mean_<var>", title: `Mean ${v.id}`, variable: v.id })),
  compute: (c, column) => mean(c.numericValues(c.numericVariable(column.variable))),
};

export const medianMeasure: MeasureDefinition = {
  id: "median_<var>",
  label: "Median of a numeric alter variable",
  description: "Median over the alters with a value of a numeric alter variable.",
  definition: "median of <var> over alters with a value; null when none has one",
  family: "composition",
  columns: (plan) =>
    plan.numeric.map((v) => ({ id: `median_${v.id}`, measure: "median_<var>", title: `Median ${v.id}`, variable: v.id })),
  compute: (c, column) => median(c.numericValues(c.numericVariable(column.variable))),
};
