import type { CategoryTally } from "./category-tally.js";
import type { MeasureDefinition } from "./measure-definition.js";

/**
 * Krackhardt & Stern's (1988) E-I index of the ego's ties to its alters, as egor's `comp_ei()`:
 * (E − I) / (E + I), E = alters whose category differs from the ego's, I = alters in the ego's category.
 * −1 = all alters like the ego (homophily), +1 = all different. Alters with no value, or with several
 * categories, are left out. Null when the ego has no (single) value of its variable, or when no alter has a
 * known value (E + I = 0).
 *
 * Example: ego vcs; alters vcs, vcs, health, council → E = 2, I = 2, (2 − 2)/4 = 0.
 */
export function eiIndex(tally: CategoryTally): number | null {
  if (tally.egoCategory === null || tally.egoCategory === undefined) return null;
  const internal = tally.single.get(tally.egoCategory) ?? 0;
  const external = tally.singleKnown - internal;
  if (external + internal === 0) return null;
  return (external - internal) / (external + internal);
}

export const eiMeasure: MeasureDefinition = {
  id: "ei_<var>",
  label: "E-I index (ego–alter)",
  description: "Whether the alters are in the ego's own category (−1) or in others (+1); needs the ego variable.",
  definition: "(E − I)/(E + I); E = alters whose <var> differs from the ego's, I = alters with the ego's; null when the ego's is missing",
  family: "composition",
  columns: (plan) =>
    plan.composition
      .filter((v) => v.egoVariable !== null)
      .map((v) => ({ id: `ei_${v.id}`, measure: "ei_<var>", title: `E-I index of ${v.id}`, variable: v.id })),
  compute: (c, column) => eiIndex(c.tally(c.compositionVariable(column.variable))),
};
