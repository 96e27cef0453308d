import type { Alter, Ego } from "../model/index.js";
import { categoriesOf } from "./category-values.js";
import type { CompositionVariable } from "../model/study-plan.js";

/**
 * How one ego's alters spread over the categories of one categorical variable: the counts every
 * composition, diversity and E-I measure of that variable is computed from.
 *
 * Rules (stated once here, repeated in each measure's doc):
 * - The variable applies to alters of the node types whose codebook defines it (every counted type when
 *   the codebook does not say).
 * - An alter with no category (missing, or an empty choice) is missing.
 * - A value outside the variable's known categories is dropped (and counted in `undeclared`); an alter left
 *   with no category is then missing. With categories still unknown (observed), every value is kept.
 * - An alter with several categories chosen counts in each for count_/share_, but has no single category,
 *   so blau_, iqv_ and ei_ leave it out (`multiple`).
 */
export interface CategoryTally {
  /** Alters the variable applies to. */
  applicable: number;
  /** Of those, alters with no (known) category. */
  missing: number;
  /** Alters with at least one category. */
  known: number;
  /** Alters having each category (an alter with several counts in each). */
  counts: Map<string, number>;
  /** Alters having exactly this one category. */
  single: Map<string, number>;
  /** Alters with exactly one category. */
  singleKnown: number;
  /** Alters with several categories. */
  multiple: number;
  /** Alters with a value outside the known categories. */
  undeclared: number;
  /** The ego's own category for E-I: undefined = no ego variable; null = missing or not exactly one. */
  egoCategory: string | null | undefined;
}

/** Tallies the counted alters (all of them: composition ignores the sociogram exclusion). */
export function tallyCategories(alters: readonly Alter[], ego: Ego, variable: CompositionVariable): CategoryTally {
  const types = variable.nodeTypes === null ? null : new Set(variable.nodeTypes);
  const allowed = variable.categories === null ? null : new Set(variable.categories);
  const tally: CategoryTally = {
    applicable: 0,
    missing: 0,
    known: 0,
    counts: new Map(),
    single: new Map(),
    singleKnown: 0,
    multiple: 0,
    undeclared: 0,
    egoCategory: undefined,
  };
  for (const alter of alters) {
    if (types !== null && !types.has(alter.nodeType)) continue;
    tally.applicable++;
    let categories = unique(categoriesOf(alter.attributes[variable.variable]));
    if (allowed !== null) {
      const kept = categories.filter((c) => allowed.has(c));
      if (kept.length < categories.length) tally.undeclared++;
      categories = kept;
    }
    if (categories.length === 0) {
      tally.missing++;
      continue;
    }
    tally.known++;
    for (const c of categories) tally.counts.set(c, (tally.counts.get(c) ?? 0) + 1);
    if (categories.length === 1) {
      tally.singleKnown++;
      tally.single.set(categories[0], (tally.single.get(categories[0]) ?? 0) + 1);
    } else {
      tally.multiple++;
    }
  }
  if (variable.egoVariable !== null) {
    const own = unique(categoriesOf(ego.attributes[variable.egoVariable]));
    tally.egoCategory = own.length === 1 && (allowed === null || allowed.has(own[0])) ? own[0] : null;
  }
  return tally;
}

function unique(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}
