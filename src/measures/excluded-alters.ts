import { scalarMeasure } from "./measure-definition.js";

/**
 * `excluded_alters`: alters an exclusion rule of the configuration leaves off the sociogram (in the thesis,
 * link-worker colleagues, for whom no alter–alter ties were elicited; §4.3.4). Never null.
 *
 * Example: rule {variable: "lw_colleague", equals: true} and 7 such alters of 56 → 7.
 */
export const excludedAltersMeasure = scalarMeasure({
  id: "excluded_alters",
  label: "Excluded alters",
  description: "Alters left off the sociogram by an exclusion rule (counted in composition, not in structure).",
  definition: "alters matching a config exclude rule",
  family: "composition",
  compute: (c) => c.graph.excludedAlters.length,
});
