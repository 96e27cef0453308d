/**
 * For non-negative integer scores, the number of subsets of `size` of them with each sum 0 … maxSum (maxSum at
 * least the largest such sum): the permutation distribution of a rank sum, counted by a dynamic programme
 * over the scores (Streitberg & Röhmel 1986, "shift algorithm"), each size's reachable sums tracked so that
 * only they are visited. Counts are doubles: exact below 2⁵³, then relative error ~N·2⁻⁵³.
 *
 * Example: subsetSumCounts([1, 2, 3, 4], 2, 7) → [0, 0, 0, 1, 1, 2, 1, 1] (sums 3, 4, 5, 5, 6, 7).
 */
export function subsetSumCounts(scores: readonly number[], size: number, maxSum: number): Float64Array {
  const N = scores.length;
  const width = maxSum + 1;
  const counts = new Float64Array((size + 1) * width);
  const lo = new Array<number>(size + 1).fill(Number.POSITIVE_INFINITY);
  const hi = new Array<number>(size + 1).fill(Number.NEGATIVE_INFINITY);
  counts[0] = 1;
  lo[0] = 0;
  hi[0] = 0;
  for (let i = 0; i < N; i++) {
    const a = scores[i];
    const remaining = N - i - 1;
    const kMax = Math.min(i + 1, size);
    const kMin = Math.max(1, size - remaining);
    for (let k = kMax; k >= kMin; k--) {
      const fromLo = lo[k - 1];
      const fromHi = Math.min(hi[k - 1], maxSum - a);
      if (fromLo > fromHi) continue;
      const src = (k - 1) * width;
      const dst = k * width + a;
      for (let s = fromLo; s <= fromHi; s++) counts[dst + s] += counts[src + s];
      if (fromLo + a < lo[k]) lo[k] = fromLo + a;
      if (fromHi + a > hi[k]) hi[k] = fromHi + a;
    }
  }
  return counts.subarray(size * width, (size + 1) * width);
}
