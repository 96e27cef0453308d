import { toFiniteNumber } from "./category-values.js";
import type { MeasureDefinition } from "./measure-definition.js";

/**
 * `alters_per_<egoVar>`: network_size divided by an ego variable the configuration names as a denominator
 * (thesis Tables 8–9: alters per patient = network size / caseload). Null when the ego's value is missing,
 * not a number, 0 (division by zero) or negative (not a count).
 *
 * Example: 56 alters, caseload 42 → 1.3333….
 */
export function altersPer(networkSize: number, denominator: number | null): number | null {
  if (denominator === null || denominator <= 0) return null;
  return networkSize / denominator;
}

export const altersPerMeasure: MeasureDefinition = {
  id: "alters_per_<egoVar>",
  label: "Alters per unit of an ego variable",
  description: "Network size divided by an ego variable (e.g. caseload), for each configured denominator.",
  definition: "network_size / the ego's <egoVar>; null when that is missing, 0 or negative",
  family: "composition",
  columns: (plan) =>
    plan.denominators.map((v) => ({
      id: `alters_per_${v.id}`,
      measure: "alters_per_<egoVar>",
      title: `Alters per ${v.id}`,
      variable: v.id,
    })),
  compute: (c, column) => {
    const variable = c.denominator(column.variable);
    return altersPer(c.graph.alters.length, toFiniteNumber(c.ego.attributes[variable.variable]));
  },
};
