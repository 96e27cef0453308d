import { DataError } from "../errors.js";
import type { Random } from "../random.js";

/**
 * Gives every tie of a simple graph its relation types (multiplex ties), so that the typed tie rows add up
 * to exactly `rows`: each pair first gets one type drawn from those it may carry, then `rows − pairs`
 * further (pair, type) combinations are drawn without replacement from all the remaining allowed ones.
 * No pair is added or removed, so the simple graph (and its k-cores) is unchanged; only multiplex degree
 * (2 × rows / n) moves. Throws when `rows` is below the number of pairs or above what the pairs can carry.
 *
 * Example: 2 pairs that may each carry [a, b], rows = 3 → one pair gets both types, the other one.
 */
export function assignRelationTypes(
  pairCount: number,
  allowed: (pair: number) => readonly string[],
  rows: number,
  rng: Random,
): string[][] {
  const options = Array.from({ length: pairCount }, (_, i) => allowed(i));
  const capacity = options.reduce((sum, o) => sum + o.length, 0);
  if (!Number.isInteger(rows) || rows < pairCount || rows > capacity) {
    throw new DataError(
      `typed tie rows must be between ${pairCount} (one type per tie) and ${capacity} (every allowed type), got ${rows}`,
      1,
    );
  }
  const types: string[][] = [];
  const extra: Array<[number, string]> = [];
  options.forEach((o, i) => {
    if (o.length === 0) throw new DataError(`tie ${i} cannot carry any relation type`, 1);
    const base = rng.int(0, o.length - 1);
    types.push([o[base]]);
    o.forEach((t, j) => {
      if (j !== base) extra.push([i, t]);
    });
  });
  const need = rows - pairCount;
  for (const k of rng.sampleIndices(extra.length, need)) {
    const [i, t] = extra[k];
    types[i].push(t);
  }
  return types;
}
