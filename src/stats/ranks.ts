/**
 * Midranks: ranks 1..n in ascending order, tied values sharing the mean of the ranks they occupy
 * (R `rank(ties.method = "average")`, scipy.stats.rankdata(method="average"), SPSS). Each midrank is an
 * integer or an integer + 0.5, so twice a midrank is an exact integer.
 *
 * Example: midranks([10, 20, 10, 30]) → [1.5, 3, 1.5, 4].
 */
export function midranks(values: readonly number[]): number[] {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    // Positions start..end-1 (0-based) hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}
