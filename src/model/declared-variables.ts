import type { StudyConfig, VariableConfig } from "./study-config.js";
import type { Variable, VariableOption, VariableSet } from "./variable.js";

/** The entity a config `variables` key names: `ego`, a node type or an edge type, and the variable. */
export function splitVariableKey(key: string): { entity: string; name: string } | undefined {
  const dot = key.indexOf(".");
  if (dot <= 0 || dot === key.length - 1) return undefined;
  return { entity: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** The config's declarations for one entity (`ego`, a node type or an edge type), keyed by variable name. */
export function declarationsFor(config: StudyConfig, entity: string): Map<string, VariableConfig> {
  const out = new Map<string, VariableConfig>();
  for (const [key, declared] of Object.entries(config.variables ?? {})) {
    const split = splitVariableKey(key);
    if (split && split.entity === entity) out.set(split.name, declared);
  }
  return out;
}

/**
 * The declared variables of an entity that carry a type, as Variables (source `config`): what a reader
 * plans columns with before it infers the rest, so a declared categorical's option columns are found by its
 * name, never by guessing where the option value starts.
 *
 * Example: {"variables": {"Person.gender": {"type": "categorical", "options": ["cis_male", "cis_female"]}}}
 * → typedDeclarations(config, "Person").gender = {name: "gender", type: "categorical", options: [...], source: "config"}.
 */
export function typedDeclarations(config: StudyConfig, entity: string): VariableSet {
  const out: VariableSet = {};
  for (const [name, declared] of declarationsFor(config, entity)) {
    if (declared.type === undefined) continue;
    out[name] = declaredVariable({ name, type: declared.type }, declared);
  }
  return out;
}

/**
 * Lays the config's declarations over the variables a reader found (from the protocol, GraphML or
 * inference): a declared type, options, levels, labels, label or missing codes replace what was found, and
 * the variable's source becomes `config`. In place (readers' column plans share the Variable objects), and
 * idempotent. Declarations naming no variable of the entity are left to the config check, which names them.
 */
export function overlayDeclarations(variables: VariableSet, config: StudyConfig, entity: string): VariableSet {
  for (const [name, declared] of declarationsFor(config, entity)) {
    const variable = variables[name];
    if (variable === undefined) continue;
    Object.assign(variable, declaredVariable(variable, declared));
  }
  return variables;
}

function declaredVariable(found: Variable, declared: VariableConfig): Variable {
  const out: Variable = { ...found };
  const changesType = declared.type !== undefined || declared.options !== undefined || declared.levels !== undefined;
  if (declared.type !== undefined) out.type = declared.type;
  const labels = declared.labels ?? {};
  const options = declared.levels ?? declared.options;
  if (options !== undefined) {
    const foundLabels = new Map((found.options ?? []).map((o) => [o.value, o.label]));
    out.options = options.map((o): VariableOption => {
      const value = typeof o === "string" ? o : o.value;
      const label = (typeof o === "string" ? undefined : o.label) ?? labels[value] ?? foundLabels.get(value) ?? value;
      return { value, label };
    });
    if (declared.levels !== undefined && declared.type === undefined) out.type = "ordinal";
  } else if (declared.labels !== undefined && out.options) {
    out.options = out.options.map((o) => ({ value: o.value, label: labels[o.value] ?? o.label }));
  }
  if (declared.label !== undefined) out.label = declared.label;
  if (declared.missing !== undefined) out.missing = [...declared.missing];
  if (declared.role !== undefined) out.role = declared.role;
  if (changesType) {
    out.source = "config";
    delete out.note;
  }
  return out;
}
