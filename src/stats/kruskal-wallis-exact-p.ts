import { dropMissing } from "./drop-missing.js";
import { midranks } from "./ranks.js";
import { bigGcd, gcd } from "./gcd.js";

/** Outcome of the exact Kruskal–Wallis p: `p` null with a `reason` when it was not computed. */
export interface KruskalWallisExactPResult {
  p: number | null;
  reason: string | null;
}

export interface KruskalWallisExactPOptions {
  /** Limit on the work N·(number of states); default DEFAULT_MAX_KRUSKAL_WALLIS_EXACT_WORK. */
  maxWork?: number;
}

/**
 * Default work limit, about a second at ~6 ns per state visit: covers every split of N ≤ 14 into three or four
 * groups, ties or not, three groups of up to 11 untied (9 with ties), four of 5, 4, 4, 4 untied.
 */
export const DEFAULT_MAX_KRUSKAL_WALLIS_EXACT_WORK = 1.5e8;

/** Largest state table (doubles) allocated whatever maxWork says: 2²³ states, 64 MiB. */
const MAX_STATES = 2 ** 23;

/**
 * Exact p of the Kruskal–Wallis test, P(H ≥ h) under the permutation distribution conditional on the
 * observed midranks: the N pooled midranks are fixed and each of the N!/(n₁!⋯n_k!) assignments of them to
 * groups of the observed sizes is equally likely. Ties are handled exactly because the distribution is taken
 * over the midranks themselves. H is R's kruskal.test statistic, the tie-corrected
 * H = [12/(N(N + 1)) Σ nᵢ(R̄ᵢ − (N + 1)/2)²] / [1 − Σ(t³ − t)/(N³ − N)]; the tie correction and 12/(N(N + 1))
 * are the same for every assignment, so H ≥ h ⇔ Σ Eᵢ²/nᵢ ≥ its observed value, Eᵢ = Σ over group i of the
 * centred doubled midranks 2r − (N + 1) (integers). The comparison is made in exact integers, Σ Eᵢ²·(L/nᵢ)
 * with L = lcm(nᵢ) (BigInt where that could pass 2⁵³), so assignments with the same H are never split by
 * rounding. This is the exact test of Kruskal & Wallis (1952) and Hollander, Wolfe & Chicken (2014) §6.1,
 * with ties as in Klotz & Teng (1977, J. Amer. Statist. Assoc. 72, 165–169); R coin has no exact k-sample
 * version (kruskal_test(distribution = "exact") stops: "not a two-sample problem"). With two groups it is
 * the two-sided exact rank-sum p (rankSumExactP). Missing values are dropped.
 *
 * Algorithm: a dynamic programme over the pooled items, one at a time (the multivariate form of the shift
 * algorithm, Streitberg & Röhmel 1986): the state is (cᵢ, Sᵢ) for every group but one, cᵢ the items placed
 * in group i and Sᵢ their sum of doubled midranks (divided by their common divisor); the group left out takes
 * the rest, and is the one with the most states. Each item goes to one of the k − 1 tracked groups or to the
 * left-out one, and the number of ways to reach every state is counted in place in one Float64Array. For
 * group i the (c, S) pairs number Lᵢ = Σ_{c=0..nᵢ} (maxSum(c) − minSum(c) + 1), about nᵢ²(N − nᵢ)/2 untied
 * (twice that with half-ranks); the table has ∏ Lᵢ states, each visited once per item, so the work is
 * N·∏ Lᵢ visits (plus k − 1 additions per reachable state), against N!/(n₁!⋯n_k!) for listing. Beyond
 * `maxWork`, or 2²³ states (64 MiB), p is null with the reason. Counts are doubles: exact below 2⁵³, then
 * relative error ~N·2⁻⁵³, far below 1e-9.
 *
 * Null with a reason when fewer than two groups are given, a group has no values (kruskalWallis leaves such
 * a group out: pass the groups with values), every value is tied (H = 0/0), or the samples are too large.
 *
 * Example: kruskalWallisExactP([[1, 2], [3], [4]]) → p 0.5 (H 2.7; of the 6 equally likely pairs for the
 * first group, {1, 2}, {2, 3} and {3, 4} give H ≥ 2.7); kruskalWallisExactP([[1, 1], [2], [3]]) → 1/6.
 */
export function kruskalWallisExactP(
  groups: readonly (readonly (number | null)[])[],
  options: KruskalWallisExactPOptions = {},
): KruskalWallisExactPResult {
  const maxWork = options.maxWork ?? DEFAULT_MAX_KRUSKAL_WALLIS_EXACT_WORK;
  if (groups.length < 2) return { p: null, reason: "fewer than two groups" };
  const samples = groups.map((g) => dropMissing(g));
  const empty = samples.findIndex((s) => s.length === 0);
  if (empty >= 0) return { p: null, reason: `group ${empty + 1} has no values` };
  const sizes = samples.map((s) => s.length);
  const k = sizes.length;
  const N = sizes.reduce((a, b) => a + b, 0);
  const doubled = midranks(samples.flat()).map((r) => Math.round(2 * r));
  if (doubled.every((d) => d === doubled[0])) return { p: null, reason: "all values are tied: no variation to test" };
  const divisor = doubled.reduce((g, a) => gcd(g, a), 0);
  const scores = doubled.map((d) => d / divisor);
  const total = scores.reduce((a, b) => a + b, 0);
  const ascending = [...scores].sort((a, b) => a - b);

  // Per group: minSum/maxSum of c items, the offset of c's block of sums, and the block sizes.
  const layouts = sizes.map((n) => layout(ascending, n));
  let last = 0;
  for (let i = 1; i < k; i++) if (layouts[i].states > layouts[last].states) last = i;
  const tracked = sizes.map((_, i) => i).filter((i) => i !== last);
  let states = 1;
  for (const i of tracked) states *= layouts[i].states;
  const work = N * states;
  if (work > maxWork || states > MAX_STATES) {
    return {
      p: null,
      reason: `exact p not computed: groups of ${sizes.join(", ")} are too large for the exact distribution (use the asymptotic or Monte-Carlo p)`,
    };
  }

  // Strides: the last tracked group varies fastest. shift[d][c] moves a state of dimension d from c to c + 1
  // items (before adding the item's score times the stride).
  const dims = tracked.length;
  const stride = new Array<number>(dims);
  const extent = new Array<number>(dims);
  const cOf: Int32Array[] = [];
  const shift: Float64Array[] = [];
  let s = 1;
  for (let d = dims - 1; d >= 0; d--) {
    const lay = layouts[tracked[d]];
    stride[d] = s;
    extent[d] = lay.states;
    s *= lay.states;
  }
  for (let d = 0; d < dims; d++) {
    const lay = layouts[tracked[d]];
    const n = sizes[tracked[d]];
    const c = new Int32Array(lay.states);
    for (let j = 0; j < n; j++) c.fill(j + 1, lay.offset[j + 1], lay.offset[j + 2] ?? lay.states);
    cOf.push(c);
    const sh = new Float64Array(n);
    for (let j = 0; j < n; j++) sh[j] = stride[d] * (lay.offset[j + 1] - lay.offset[j] - lay.minSum[j + 1] + lay.minSum[j]);
    shift.push(sh);
  }
  const trackedSizes = tracked.map((i) => sizes[i]);

  const ways = new Float64Array(states);
  ways[0] = 1;
  const local = new Int32Array(dims);
  for (const v of scores) {
    // Descending order: every target index is larger than its source, so sources are read before they grow.
    for (let d = 0; d < dims; d++) local[d] = extent[d] - 1;
    for (let x = states - 1; x >= 0; x--) {
      const w = ways[x];
      if (w !== 0) {
        for (let d = 0; d < dims; d++) {
          const c = cOf[d][local[d]];
          if (c < trackedSizes[d]) ways[x + shift[d][c] + stride[d] * v] += w;
        }
      }
      for (let d = dims - 1; d >= 0; d--) {
        if (--local[d] >= 0) break;
        local[d] = extent[d] - 1;
      }
    }
  }

  // Final states: every tracked group full. Σ Eᵢ²·(L/nᵢ) with Eᵢ = divisor·Sᵢ − nᵢ(N + 1).
  const lcmAll = sizes.reduce((a, b) => (a / gcd(a, b)) * b, 1);
  const safe = N * (N - 1) * (N - 1) * lcmAll <= Number.MAX_SAFE_INTEGER;
  const observedSums = sizes.map(() => 0);
  let offset = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < sizes[i]; j++) observedSums[i] += scores[offset + j];
    offset += sizes[i];
  }
  const statistic: (sums: readonly number[]) => number | bigint = safe
    ? numberStatistic(sizes, lcmAll, divisor, N)
    : bigStatistic(sizes, divisor, N);
  const observed = statistic(observedSums);
  const full = tracked.map((i) => layouts[i].offset[sizes[i]]);
  const span = tracked.map((i) => layouts[i].maxSum[sizes[i]] - layouts[i].minSum[sizes[i]] + 1);
  const sums = sizes.map(() => 0);
  const pick = new Int32Array(dims);
  let all = 0;
  let extreme = 0;
  for (;;) {
    let x = 0;
    let rest = total;
    for (let d = 0; d < dims; d++) {
      const i = tracked[d];
      x += (full[d] + pick[d]) * stride[d];
      sums[i] = layouts[i].minSum[sizes[i]] + pick[d];
      rest -= sums[i];
    }
    const w = ways[x];
    if (w !== 0) {
      sums[last] = rest;
      all += w;
      if (statistic(sums) >= observed) extreme += w;
    }
    let d = dims - 1;
    while (d >= 0 && ++pick[d] >= span[d]) pick[d--] = 0;
    if (d < 0) break;
  }
  return { p: Math.min(1, extreme / all), reason: null };
}

interface Layout {
  /** Sum of the c smallest / largest scores, c = 0 … n. */
  minSum: number[];
  maxSum: number[];
  /** Start of the block of sums of c items; the blocks are laid out in increasing c. */
  offset: number[];
  states: number;
}

function layout(ascending: readonly number[], n: number): Layout {
  const N = ascending.length;
  const minSum = [0];
  const maxSum = [0];
  const offset = [0];
  let states = 1;
  for (let c = 1; c <= n; c++) {
    minSum.push(minSum[c - 1] + ascending[c - 1]);
    maxSum.push(maxSum[c - 1] + ascending[N - c]);
    offset.push(states);
    states += maxSum[c] - minSum[c] + 1;
  }
  return { minSum, maxSum, offset, states };
}

/** Σ Eᵢ²·(L/nᵢ) in doubles, exact while N(N − 1)²L ≤ 2⁵³ − 1 (|Eᵢ| ≤ nᵢ(N − 1)). */
function numberStatistic(sizes: readonly number[], lcmAll: number, divisor: number, N: number) {
  const weight = sizes.map((n) => lcmAll / n);
  return (sums: readonly number[]): number => {
    let q = 0;
    for (let i = 0; i < sizes.length; i++) {
      const e = divisor * sums[i] - sizes[i] * (N + 1);
      q += e * e * weight[i];
    }
    return q;
  };
}

/** The same statistic in BigInt, for sizes whose lcm would take it past 2⁵³. */
function bigStatistic(sizes: readonly number[], divisor: number, N: number) {
  let lcmAll = 1n;
  for (const n of sizes) lcmAll = (lcmAll / bigGcd(lcmAll, BigInt(n))) * BigInt(n);
  const weight = sizes.map((n) => lcmAll / BigInt(n));
  return (sums: readonly number[]): bigint => {
    let q = 0n;
    for (let i = 0; i < sizes.length; i++) {
      const e = BigInt(divisor * sums[i] - sizes[i] * (N + 1));
      q += e * e * weight[i];
    }
    return q;
  };
}
