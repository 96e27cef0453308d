/**
 * The values a statistic uses: `null` is missing and is dropped. Non-finite numbers (which netsp's readers
 * never produce) are dropped too, so NaN can never reach a result.
 *
 * Example: dropMissing([3, null, 1]) → [3, 1].
 */
export function dropMissing(values: ArrayLike<number | null | undefined>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) out.push(v);
  }
  return out;
}

/** What dropMissing keeps: a finite number. */
export function isPresent(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
