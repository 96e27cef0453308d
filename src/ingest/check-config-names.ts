import { didYouMean } from "../did-you-mean.js";
import { UsageError } from "../errors.js";
import { resolveAlias, splitVariableKey, type Codebook, type StudyConfig } from "../model/index.js";

/**
 * Every variable the config names must be a variable of the data: a misspelt name (`groups.clinik`,
 * `denominators: ["agee"]`) would otherwise give empty tables without a word. Checks `groups`,
 * `composition`, `denominators`, `exclude`, the tables' `by` and `variable`, and `variables`; names are
 * resolved through `aliases`. Throws one UsageError listing every unknown name with the nearest known one.
 * A number declared under `groups` without levels is refused too: numbers group egos only by declared levels.
 */
export function checkConfigNames(codebook: Codebook, config: StudyConfig): void {
  const problems: string[] = [];
  const ego = Object.keys(codebook.ego);
  const alter = [...new Set(Object.values(codebook.node).flatMap((vs) => Object.keys(vs)))];
  const aliasesOf = (names: string[]) => [...names, ...Object.entries(config.aliases ?? {}).filter(([, v]) => names.includes(v)).map(([a]) => a)];
  const known = { ego: aliasesOf(ego), alter: aliasesOf(alter) };
  const check = (at: string, name: string, kind: "ego" | "alter") => {
    const names = kind === "ego" ? ego : alter;
    if (names.length === 0 || names.includes(resolveAlias(name, config))) return;
    problems.push(`${at}: "${name}" is not ${kind === "ego" ? "an ego variable" : "a variable of any node type"} of the data${didYouMean(name, known[kind])}`);
  };

  for (const [id, group] of Object.entries(config.groups ?? {})) {
    check(`groups.${id}`, id, "ego");
    const v = codebook.ego[resolveAlias(id, config)];
    if (v && (v.type === "number" || v.type === "scalar") && !group.levels) {
      problems.push(
        `groups.${id}: "${id}" is a number, and numbers group egos only by declared levels: add "levels" (e.g. "levels": ["1", "2", "3"]), ` +
          "or use correlate for a numeric variable",
      );
    }
  }
  for (const [id, c] of Object.entries(config.composition ?? {})) {
    check(`composition.${id}`, id, "alter");
    if (c.egoVariable !== undefined) check(`composition.${id}.egoVariable`, c.egoVariable, "ego");
  }
  (config.denominators ?? []).forEach((d, i) => check(`denominators[${i}]`, d, "ego"));
  (config.exclude ?? []).forEach((rule, i) => {
    const types = rule.nodeType !== undefined ? [rule.nodeType] : Object.keys(codebook.node);
    if (rule.nodeType !== undefined && !(rule.nodeType in codebook.node) && Object.keys(codebook.node).length > 0) {
      problems.push(`exclude[${i}].nodeType: "${rule.nodeType}" is not a node type of the data${didYouMean(rule.nodeType, Object.keys(codebook.node))}`);
      return;
    }
    const name = resolveAlias(rule.variable, config);
    const names = [...new Set(types.flatMap((t) => Object.keys(codebook.node[t] ?? {})))];
    if (names.length > 0 && !names.includes(name)) {
      problems.push(`exclude[${i}].variable: "${rule.variable}" is not a variable of ${rule.nodeType ?? "any node type"}${didYouMean(rule.variable, names)}`);
    }
  });
  (config.tables ?? []).forEach((t, i) => {
    if (t.by !== undefined) check(`tables[${i}] (${t.name}).by`, t.by, "ego");
    if (t.variable !== undefined) check(`tables[${i}] (${t.name}).variable`, t.variable, "alter");
  });
  const entities: Record<string, Record<string, unknown>> = { ego: codebook.ego, ...codebook.node, ...codebook.edge };
  for (const key of Object.keys(config.variables ?? {})) {
    const split = splitVariableKey(key);
    if (!split) continue; // the schema check names it
    const variables = entities[split.entity];
    if (variables === undefined) {
      problems.push(`variables."${key}": "${split.entity}" is not "ego" or a node or edge type of the data${didYouMean(split.entity, Object.keys(entities))}`);
    } else if (!(split.name in variables)) {
      problems.push(`variables."${key}": "${split.name}" is not a variable of ${split.entity}${didYouMean(split.name, Object.keys(variables))}`);
    }
  }
  if (problems.length > 0) {
    throw new UsageError(`the config names ${problems.length === 1 ? "a variable" : "variables"} the data does not have:\n  ${problems.join("\n  ")}`);
  }
}
