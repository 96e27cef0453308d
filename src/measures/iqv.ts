import { sumOfSquaredCounts } from "./blau.js";
import type { CategoryTally } from "./category-tally.js";
import type { MeasureDefinition } from "./measure-definition.js";

/**
 * Index of qualitative variation (Agresti & Agresti 1978): Blau's index divided by its maximum, 1 − 1/K,
 * where K is the number of categories the variable can take (from the configuration, else the codebook;
 * the data's observed categories only when neither lists them, which the run's notes say) — not the
 * number observed in this ego's alters, so egos with few alters are not scored as more diverse.
 * Null when Blau is null (no known value), when K < 2 (no variation possible: 1 − 1/K = 0), or when K is
 * not yet known.
 *
 * Example: Blau 0.625 with K = 4 → 0.625 / 0.75 = 0.8333…; with K = 5 → 0.625 / 0.8 = 0.78125.
 */
export function iqvIndex(tally: CategoryTally, k: number): number | null {
  const n = tally.singleKnown;
  if (n === 0 || k < 2) return null;
  // blau / (1 − 1/K) = (N² − Σ count²) K / (N² (K − 1)): integers, one division.
  return ((n * n - sumOfSquaredCounts(tally)) * k) / (n * n * (k - 1));
}

export const iqvMeasure: MeasureDefinition = {
  id: "iqv_<var>",
  label: "Index of qualitative variation",
  description: "Blau's index scaled to 0–1 by its maximum for the variable's number of possible categories K.",
  definition: "blau_<var> / (1 − 1/K), K = categories the variable can take (config, else codebook, else observed); null when K < 2",
  family: "composition",
  columns: (plan) =>
    plan.composition.map((v) => ({ id: `iqv_${v.id}`, measure: "iqv_<var>", title: `IQV of ${v.id}`, variable: v.id })),
  compute: (c, column) => {
    const variable = c.compositionVariable(column.variable);
    if (variable.categories === null) return null;
    return iqvIndex(c.tally(variable), variable.categories.length);
  },
};
