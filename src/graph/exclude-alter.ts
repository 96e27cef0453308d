import type { Alter, Value } from "../model/index.js";
import type { AlterRule } from "../model/study-plan.js";

/**
 * Whether an alter is left off the sociogram: it matches a rule when the rule applies to its node type and
 * its value of the rule's variable equals one of the rule's values. Values of different JavaScript types
 * compare as text (`"1"` matches 1, `"true"` matches true); a categorical value (a list) matches when any
 * chosen option does; a missing value never matches.
 *
 * Example: {variable: "lw_colleague", values: [true]} excludes an alter whose `lw_colleague` is true.
 */
export function isExcludedAlter(alter: Alter, rules: readonly AlterRule[]): boolean {
  for (const rule of rules) {
    if (rule.nodeType !== undefined && rule.nodeType !== alter.nodeType) continue;
    if (valueMatches(alter.attributes[rule.variable] ?? null, rule.values)) return true;
  }
  return false;
}

function valueMatches(value: Value, wanted: ReadonlyArray<string | number | boolean>): boolean {
  if (value === null) return false;
  if (Array.isArray(value)) return value.some((v) => valueMatches(v, wanted));
  for (const w of wanted) {
    if (typeof w === typeof value ? w === value : String(w) === String(value)) return true;
  }
  return false;
}
