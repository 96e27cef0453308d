/**
 * Bonferroni adjustment as SPSS prints it ("Adj. Sig."): p × m capped at 1, m = the number of non-null
 * p-values (the comparisons actually made). Null entries stay null.
 * Reference: Dunn (1961), JASA 56:52–64; = R p.adjust(p, method = "bonferroni").
 *
 * Example: bonferroniAdjust([0.01, 0.4, null]) → [0.02, 0.8, null].
 */
export function bonferroniAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const m = pValues.filter((p) => p !== null).length;
  return pValues.map((p) => (p === null ? null : Math.min(1, p * m)));
}
