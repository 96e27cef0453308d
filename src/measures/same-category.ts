import type { Alter, Ego } from "../model/index.js";
import type { CompositionVariable } from "../model/study-plan.js";
import { allowedCategories, alterCategories, egoCategory } from "./category-tally.js";

/**
 * Whether an alter is in the ego's own category of a composition variable that has an ego variable: 1 when
 * the alter's one category equals the ego's, 0 when it differs, null when either has none (missing, several,
 * or outside the known categories) or the variable does not apply to the alter's node type. The same alters
 * as the E-I index counts: over one ego, the 1s are I and the non-null values E + I.
 *
 * Example: ego vcs; alters vcs → 1, health → 0, (no sector) → null.
 */
export function sameCategory(
  alter: Alter,
  ego: Ego,
  variable: CompositionVariable,
  allowed = allowedCategories(variable),
  own = egoCategory(ego, variable, allowed),
): 0 | 1 | null {
  if (own === null || own === undefined) return null;
  if (variable.nodeTypes !== null && !variable.nodeTypes.includes(alter.nodeType)) return null;
  const categories = alterCategories(alter, variable, allowed);
  if (categories.length !== 1) return null;
  return categories[0] === own ? 1 : 0;
}
