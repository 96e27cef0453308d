import type { Value } from "../model/index.js";

/**
 * The categories a value names, as text: a categorical value is the list of chosen options; a scalar
 * (text, number, boolean — readers without a codebook may give those) is one category. Missing, an empty
 * list, or an empty string name none.
 *
 * Example: categoriesOf(["vcs"]) → ["vcs"]; categoriesOf(3) → ["3"]; categoriesOf(null) → [].
 */
export function categoriesOf(value: Value | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value);
  return text === "" ? [] : [text];
}

/**
 * A value as a finite number, or null: numbers as they are, numeric text (`"42"`, `" 1.5 "`) parsed;
 * anything else (missing, text, booleans, lists) is null.
 */
export function toFiniteNumber(value: Value | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
