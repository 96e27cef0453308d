import type { Codebook, Column, StudyConfig, StudyPlan } from "../model/index.js";

/**
 * The ego variables a study carries into its rows, as columns with their labels: the grouping variables
 * (as the config names them, aliases kept), then every other non-identifying ego variable (role `group` or
 * `numeric`) not already among them. Labels and value labels come from the config's `groups`, then the
 * codebook; the level is ordinal for an ordinal, scale for a number, nominal otherwise. What SPSS, Stata and
 * R files label the columns with.
 *
 * Example: groups {deprivation: {label: "Area deprivation", labels: {high: "High"}}}, alias deprivation →
 * area_deprivation → { id: "deprivation", description: "Area deprivation", valueLabels: [{ value: "high", label: "High" }, …] }.
 */
export function egoVariableColumns(codebook: Codebook, plan: StudyPlan, config: StudyConfig): Column[] {
  const groupIds = plan.groupVariables.map((g) => g.id);
  const grouped = new Set(plan.groupVariables.map((g) => g.variable));
  const others = Object.values(codebook.ego)
    .filter((v) => (v.role === "group" || v.role === "numeric") && !grouped.has(v.name) && !groupIds.includes(v.name))
    .map((v) => v.name);
  return [...groupIds, ...others].map((id) => {
    const variable = codebook.ego[plan.aliases[id] ?? id];
    const group = config.groups?.[id] ?? config.groups?.[variable?.name ?? id];
    const column: Column = { id };
    const description = group?.label ?? variable?.label;
    if (description !== undefined) column.description = description;
    if (variable?.type === "number" || variable?.type === "scalar") {
      column.level = "scale";
      return column;
    }
    column.level = variable?.type === "ordinal" ? "ordinal" : "nominal";
    const levels = group?.levels ?? variable?.options?.map((o) => o.value) ?? [];
    const labelOf = (value: string) => group?.labels?.[value] ?? variable?.options?.find((o) => o.value === value)?.label ?? value;
    if (variable?.type === "boolean") {
      // Booleans are written 0/1 in SPSS and Stata files; the config may label them.
      column.valueLabels = [
        { value: 0, label: labelOf("false") },
        { value: 1, label: labelOf("true") },
      ];
    } else if (levels.length > 0) {
      column.valueLabels = levels.map((value) => ({ value, label: labelOf(value) }));
    }
    return column;
  });
}
