/**
 * The non-null entries of a family of p-values with their positions, and an output of the same length
 * filled with null: what every step-wise adjustment starts from (nulls stay null and do not count in m).
 *
 * Example: presentPValues([0.2, null]) → { present: [{ p: 0.2, i: 0 }], out: [null, null] }.
 */
export function presentPValues(pValues: readonly (number | null)[]): { present: Array<{ p: number; i: number }>; out: (number | null)[] } {
  const present = pValues.map((p, i) => ({ p, i })).filter((e): e is { p: number; i: number } => e.p !== null);
  return { present, out: pValues.map(() => null) };
}
