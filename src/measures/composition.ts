import type { MeasureColumn, MeasureDefinition } from "./measure-definition.js";
import type { StudyPlan } from "../model/study-plan.js";

/**
 * Composition of a categorical alter variable over all counted alters (excluded ones included), as egor's
 * `composition()` (absolute = TRUE gives the counts):
 * - `count_<var>_<cat>`: alters in category cat (an alter with several categories counts in each). Never null.
 * - `share_<var>_<cat>`: count / alters whose value is known. Null when no alter has a known value (0/0).
 *   egor's proportions also count missing values in the denominator; the two agree when missing_<var> = 0.
 * - `missing_<var>`: alters the variable applies to with no value (or only a value outside the variable's
 *   categories). Never null.
 * Count and share columns exist for every category the variable can take (config, else codebook), in order.
 *
 * Example: values vcs, vcs, health, (missing) → count_sector_vcs 2, share_sector_vcs 2/3, missing_sector 1.
 */
function categoryColumns(plan: StudyPlan, prefix: "count" | "share", title: string): MeasureColumn[] {
  const columns: MeasureColumn[] = [];
  for (const v of plan.composition) {
    for (const category of v.categories ?? []) {
      columns.push({
        id: `${prefix}_${v.id}_${category}`,
        measure: `${prefix}_<var>_<cat>`,
        title: `${title}: ${v.id} = ${category}`,
        variable: v.id,
        category,
        set: `${prefix}_${v.id}`,
      });
    }
  }
  return columns;
}

export const countMeasure: MeasureDefinition = {
  id: "count_<var>_<cat>",
  label: "Alters in a category",
  description: "Number of alters in each category of a categorical alter variable.",
  definition: "alters whose <var> is <cat>",
  family: "composition",
  columns: (plan) => categoryColumns(plan, "count", "Alters"),
  compute: (c, column) => c.tally(c.compositionVariable(column.variable)).counts.get(column.category!) ?? 0,
};

export const shareMeasure: MeasureDefinition = {
  id: "share_<var>_<cat>",
  label: "Share of alters in a category",
  description: "Proportion (0–1) of the alters with a known value of the variable that are in each category.",
  definition: "count_<var>_<cat> / alters whose <var> is known; null when none is known",
  family: "composition",
  columns: (plan) => categoryColumns(plan, "share", "Share of alters"),
  compute: (c, column) => {
    const tally = c.tally(c.compositionVariable(column.variable));
    if (tally.known === 0) return null;
    return (tally.counts.get(column.category!) ?? 0) / tally.known;
  },
};

export const missingMeasure: MeasureDefinition = {
  id: "missing_<var>",
  label: "Alters with no value",
  description: "Number of alters with no value of a categorical alter variable.",
  definition: "alters whose <var> is missing",
  family: "composition",
  columns: (plan) =>
    plan.composition.map((v) => ({
      id: `missing_${v.id}`,
      measure: "missing_<var>",
      title: `Alters with no ${v.id}`,
      variable: v.id,
    })),
  compute: (c, column) => c.tally(c.compositionVariable(column.variable)).missing,
};
