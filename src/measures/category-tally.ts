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
  const allowed = allowedCategories(variable);
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
    const given = unique(categoriesOf(alter.attributes[variable.variable]));
    const categories = allowed === null ? given : given.filter((c) => allowed.has(c));
    if (categories.length < given.length) tally.undeclared++;
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
  if (variable.egoVariable !== null) tally.egoCategory = egoCategory(ego, variable, allowed);
  return tally;
}

/**
 * The ego's own category of a composition variable with an ego variable: its one value (read through
 * `egoValues` when the study gives them), when that is one of the known categories; null when missing, several or outside them; undefined when the variable has no ego
 * variable.
 */
export function egoCategory(ego: Ego, variable: CompositionVariable, allowed = allowedCategories(variable)): string | null | undefined {
  if (variable.egoVariable === null) return undefined;
  const values = variable.egoValues;
  const own = unique(categoriesOf(ego.attributes[variable.egoVariable]).map((c) => values?.[c] ?? c));
  return own.length === 1 && (allowed === null || allowed.has(own[0])) ? own[0] : null;
}

/** An alter's categories of a composition variable, without repeats, those outside the known categories dropped. */
export function alterCategories(alter: Alter, variable: CompositionVariable, allowed = allowedCategories(variable)): string[] {
  const given = unique(categoriesOf(alter.attributes[variable.variable]));
  return allowed === null ? given : given.filter((c) => allowed.has(c));
}

/** The known categories as a set; null while they are still unknown (observed in the data). */
export function allowedCategories(variable: CompositionVariable): ReadonlySet<string> | null {
  return variable.categories === null ? null : new Set(variable.categories);
}

function unique(values: string[]): string[] {
  return values.length < 2 ? values : [...new Set(values)];
}
