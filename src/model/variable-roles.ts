import type { Codebook } from "./codebook.js";
import { declarationsFor } from "./declared-variables.js";
import { resolveAlias } from "./resolve-alias.js";
import type { StudyConfig } from "./study-config.js";
import type { Variable, VariableRole } from "./variable.js";

/**
 * Decides how netsp uses each variable of the model, once per study, and records it in `role`:
 * 1. a role the config's `variables` section declares;
 * 2. the ego variables `groups` names are `group`; the alter variables `composition` names are `composition`;
 * 3. by type: text, datetime (and a protocol type netsp does not know) are `identifying`, with or without
 *    the protocol: personal data never reaches an output; layout is `metadata`;
 *    ego: categorical, ordinal, boolean → `group`; number, scalar → `numeric` (a number groups egos only when
 *    the config declares it under `groups` with levels);
 *    alter: categorical, ordinal → `composition` (only those `composition` names, when it names any);
 *    number, scalar → `numeric`; boolean → `metadata`;
 *    tie: number, scalar → `numeric`; the rest → `metadata`.
 * In place (readers' column plans share the Variable objects); the same codebook and config always give the
 * same roles.
 *
 * Example: ego `dob` (datetime) → identifying; ego `area_deprivation` (categorical) → group;
 * Person `sector` (categorical) → composition; Person `name` (text) → identifying.
 */
export function assignRoles(codebook: Codebook, config: StudyConfig): Codebook {
  const groups = new Set(Object.keys(config.groups ?? {}).map((id) => resolveAlias(id, config)));
  const composition = config.composition ? new Set(Object.keys(config.composition).map((id) => resolveAlias(id, config))) : null;
  const declaredRole = (entity: string): Map<string, VariableRole | undefined> =>
    new Map([...declarationsFor(config, entity)].map(([name, d]) => [name, d.role]));

  const egoRoles = declaredRole("ego");
  for (const v of Object.values(codebook.ego)) {
    v.role = egoRoles.get(v.name) ?? (groups.has(v.name) ? "group" : egoRole(v));
  }
  for (const [type, variables] of Object.entries(codebook.node)) {
    const roles = declaredRole(type);
    for (const v of Object.values(variables)) {
      v.role = roles.get(v.name) ?? alterRole(v, composition);
    }
  }
  for (const [type, variables] of Object.entries(codebook.edge)) {
    const roles = declaredRole(type);
    for (const v of Object.values(variables)) v.role = roles.get(v.name) ?? tieRole(v);
  }
  return codebook;
}

/** True for the types that hold personal data by default. */
export function identifiesByType(v: Variable): boolean {
  return v.type === "text" || v.type === "datetime" || v.type === "unknown";
}

function egoRole(v: Variable): VariableRole {
  if (identifiesByType(v)) return "identifying";
  if (v.type === "layout") return "metadata";
  if (v.type === "number" || v.type === "scalar") return "numeric";
  return "group";
}

function alterRole(v: Variable, composition: ReadonlySet<string> | null): VariableRole {
  if (composition?.has(v.name)) return "composition";
  if (identifiesByType(v)) return "identifying";
  if (v.type === "number" || v.type === "scalar") return "numeric";
  if ((v.type === "categorical" || v.type === "ordinal") && composition === null) return "composition";
  return "metadata";
}

function tieRole(v: Variable): VariableRole {
  if (identifiesByType(v)) return "identifying";
  if (v.type === "number" || v.type === "scalar") return "numeric";
  return "metadata";
}
