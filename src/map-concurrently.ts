/**
 * `fn` over `items` with at most `limit` calls in flight; results in input order. On a failure no further
 * call starts, and the promise rejects with the first error once the calls in flight have ended, so a
 * caller that cleans up afterwards (removes a folder, closes files) never races one still running.
 *
 * Example: await mapConcurrently(["a.csv", "b.csv"], 8, readHeaderOf) → [header of a.csv, header of b.csv].
 */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await fn(items[i]);
      } catch (e) {
        if (!failed) failure = e;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failure;
  return results;
}
