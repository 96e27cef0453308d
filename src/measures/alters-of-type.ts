import type { MeasureDefinition } from "./measure-definition.js";

/**
 * `alters_<type>`: alters of one node type (e.g. `alters_Person`, `alters_Organisation`), one column per
 * counted node type the configuration or the codebook names (Network Canvas node types, thesis §4.3.4:
 * people and organisations). Never null (0 when the ego named none).
 *
 * Example: 49 Person and 7 Organisation alters → alters_Person 49, alters_Organisation 7.
 */
export const altersOfTypeMeasure: MeasureDefinition = {
  id: "alters_<type>",
  label: "Alters of a node type",
  description: "Number of alters of one node type, for each counted node type.",
  definition: "alters whose node type is <type>",
  family: "composition",
  columns: (plan) =>
    plan.alterTypes.map((type) => ({
      id: `alters_${type}`,
      measure: "alters_<type>",
      title: `Alters of type ${type}`,
      category: type,
    })),
  compute: (c, column) => {
    let count = 0;
    for (const alter of c.graph.alters) if (alter.nodeType === column.category) count++;
    return count;
  },
};
