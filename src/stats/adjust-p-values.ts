import { benjaminiHochbergAdjust } from "./benjamini-hochberg.js";
import { bonferroniAdjust } from "./bonferroni.js";
import { holmAdjust } from "./holm.js";

/** `--adjust`: how a family of p-values is adjusted for multiplicity. */
export type PAdjustMethod = "holm" | "bonferroni" | "bh" | "none";
export const P_ADJUST_METHODS: readonly PAdjustMethod[] = ["holm", "bonferroni", "bh", "none"];

/** How each method is named beside an adjusted p. */
export const P_ADJUST_LABELS: Record<PAdjustMethod, string> = { holm: "Holm", bonferroni: "Bonferroni", bh: "Benjamini–Hochberg", none: "unadjusted" };

/**
 * A family of p-values adjusted by one method: Holm's step-down, Bonferroni, Benjamini–Hochberg's step-up,
 * or none (the values as they are). Nulls stay null and do not count in the family's size.
 * Reference: = R p.adjust(p, method = "holm" | "bonferroni" | "BH" | "none").
 *
 * Example: adjustPValues([0.01, 0.04, 0.03], "bh") → [0.03, 0.04, 0.04].
 */
export function adjustPValues(pValues: readonly (number | null)[], method: PAdjustMethod): (number | null)[] {
  if (method === "holm") return holmAdjust(pValues);
  if (method === "bonferroni") return bonferroniAdjust(pValues);
  if (method === "bh") return benjaminiHochbergAdjust(pValues);
  return [...pValues];
}
