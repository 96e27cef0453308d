import { dropMissing } from "./drop-missing.js";
import { normalTwoSidedP } from "./normal-tail.js";
import { normalUpperTail } from "./normal-upper-tail.js";
import { untiedUCounts } from "./untied-exact-p.js";

/** Default largest N for the exact p (as R clinfun::jonckheere.test decides; under about 30 ms without ties). */
export const JT_MAX_EXACT_N = 100;

/** With ties, the exact conditional distribution is given up beyond this many operations (about 40 ms). */
export const JT_MAX_TIED_EXACT_WORK = 2e7;

export type JonckheereAlternative = "two-sided" | "increasing" | "decreasing";

export interface JonckheereTerpstraOptions {
  /** "increasing": the groups' values rise in the given order; "decreasing": they fall (default "two-sided"). */
  alternative?: JonckheereAlternative;
  /** Compute the exact p (default true). */
  exact?: boolean;
  /** Largest N for the exact p (default JT_MAX_EXACT_N). */
  maxExactN?: number;
}

export interface JonckheereTerpstraResult {
  /** J = Σ_{i<j} U_ij over the groups with values, ties counted ½. */
  j: number | null;
  /** E J = (N² − Σnᵢ²)/4 under H₀. */
  mean: number | null;
  /** √Var J under H₀, corrected for ties. */
  sd: number | null;
  /** (J − E J)/sd, no continuity correction (SPSS's "Std. J-T Statistic"). */
  z: number | null;
  /** Asymptotic p for the alternative, from the normal. */
  p: number | null;
  /** Exact p for the alternative, from the permutation distribution of J (conditional on the ties). */
  pExact: number | null;
  /** Total non-missing N. */
  n: number;
  alternative: JonckheereAlternative;
  /** Why the test (or some field, such as pExact) is null, else null. */
  reason: string | null;
  /** What the reader should know about a computed test (groups left out), else null. */
  note: string | null;
}

/**
 * Jonckheere–Terpstra test for a trend across k ≥ 2 ordered groups (lowest level first). J = Σ_{i<j} U_ij,
 * U_ij = #(x < y) + ½#(x = y) over x in group i, y in group j. Under H₀, E J = (N² − Σnᵢ²)/4 and, with
 * nᵢ the group sizes and t the sizes of the groups of tied values (Hollander, Wolfe & Chicken 2014 §6.2;
 * equal to the variance of the enumerated distribution in every reference case; it is Kendall's tie-corrected Var S/4 between label and value),
 *   Var J = [N(N−1)(2N+5) − Σnᵢ(nᵢ−1)(2nᵢ+5) − Σt(t−1)(2t+5)]/72
 *         + Σnᵢ(nᵢ−1)(nᵢ−2)·Σt(t−1)(t−2)/[36N(N−1)(N−2)] + Σnᵢ(nᵢ−1)·Σt(t−1)/[8N(N−1)]
 * (the middle term is 0 for N = 2, where it would be 0/0). z = (J − E J)/√Var J, no continuity correction;
 * p: two-sided 2Φ(−|z|), increasing P(Z ≥ z), decreasing P(Z ≤ z).
 * Exact p (N ≤ maxExactN): every assignment of the pooled values to groups of the observed sizes is equally
 * likely. Without ties J's distribution is the q-multinomial [N; n₁…n_k]_q, the product of the Mann–Whitney
 * distributions of each group against all before it (independent), convolved as probabilities. With ties it
 * is the conditional distribution given the tie pattern, by a dynamic programme over the tied blocks (null
 * with a reason beyond JT_MAX_TIED_EXACT_WORK). Increasing P(J ≥ j), decreasing P(J ≤ j); two-sided
 * min(1, 2·min(P(J ≤ j), P(J ≥ j))), doubling the smaller tail as clinfun::jonckheere.test does (its exact
 * p is 2·min(iPVAL, dPVAL, 1)): J's distribution is symmetric only for some group sizes, so this keeps the
 * two-sided p consistent with the one-sided ones (never below the smaller one-sided p) for all sizes.
 * Missing values are dropped; a group with no values is left out (named in `note`; J, E J and Var J do not
 * change). Null with a reason when fewer than two groups have values, or every value is tied (Var J = 0).
 * Counting J takes O(N log N): the pooled values are sorted once and each group, in order, is looked up in
 * a Fenwick tree of the values of the groups before it.
 * Reference: Terpstra (1952), Indag. Math. 14:327–333; Jonckheere (1954), Biometrika 41:133–145;
 * Hollander, Wolfe & Chicken (2014), Nonparametric Statistical Methods, 3rd ed., §6.2.
 *
 * Example: jonckheereTerpstra([[1, 3, 2], [4, 2.5], [5, 6, 4.5]], { alternative: "increasing" }) → J 20
 * (U₁₂ 5 + U₁₃ 9 + U₂₃ 6), E J 10.5, sd 3.774917217635375 (Var 14.25), z 2.516611478423583,
 * p 0.005924470464173741, exact p 3/560 = 0.005357142857142857 (of the 8!/(3!·2!·3!) = 560 arrangements, one
 * has J = 21 and two have J = 20); the same in R from the definitions (make_jonckheere_terpstra.R).
 * HWC Example 6.2 (groups of 6, ties): J 79, z 2.0392930588447173, p 0.020710393993047242, exact p
 * 359,641/17,153,136 = 0.020966486827831365 (checked by enumerating all 17,153,136 assignments in R).
 */
export function jonckheereTerpstra(
  groups: readonly (readonly (number | null)[])[],
  options: JonckheereTerpstraOptions = {},
): JonckheereTerpstraResult {
  const alternative = options.alternative ?? "two-sided";
  const all = groups.map((g) => dropMissing(g));
  const dropped = all.flatMap((s, i) => (s.length === 0 ? [i + 1] : []));
  const samples = all.filter((s) => s.length > 0);
  const sizes = samples.map((s) => s.length);
  const N = sizes.reduce((a, b) => a + b, 0);
  const k = samples.length;
  const nulls = { j: null, mean: null, sd: null, z: null, p: null, pExact: null, n: N, alternative };
  const which = `group${dropped.length === 1 ? "" : "s"} ${dropped.join(", ")}`;
  if (k < 2) {
    const reason = all.length < 2 ? "fewer than two groups" : `fewer than two groups have values (${which} ${dropped.length === 1 ? "has" : "have"} none)`;
    return { ...nulls, reason, note: null };
  }
  const note = dropped.length === 0 ? null : `${which} ${dropped.length === 1 ? "has" : "have"} no values: left out of the test (k = ${k})`;

  // The distinct values, sorted, and the size of each tied block.
  const sorted = Float64Array.from(samples.flat()).sort();
  const distinct: number[] = [];
  const ties: number[] = [];
  for (let i = 0, e = 0; i < N; i = e) {
    while (e < N && sorted[e] === sorted[i]) e++;
    distinct.push(sorted[i]);
    ties.push(e - i);
  }
  const twoJ = countTwiceJ(samples, distinct);
  const j = twoJ / 2;
  const mean = (N * N - sizes.reduce((s, n) => s + n * n, 0)) / 4;
  if (distinct.length === 1) {
    return { ...nulls, j, mean, sd: 0, reason: "all values are tied: no variation to test (Var J = 0)", note };
  }

  const sum = (ts: number[], f: (t: number) => number) => ts.reduce((acc, t) => acc + f(t), 0);
  const v0 = N * (N - 1) * (2 * N + 5) - sum(sizes, (n) => n * (n - 1) * (2 * n + 5)) - sum(ties, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(sizes, (n) => n * (n - 1)) * sum(ties, (t) => t * (t - 1));
  const v2 = sum(sizes, (n) => n * (n - 1) * (n - 2)) * sum(ties, (t) => t * (t - 1) * (t - 2));
  const variance = v0 / 72 + v1 / (8 * N * (N - 1)) + (N > 2 ? v2 / (36 * N * (N - 1) * (N - 2)) : 0);
  const sd = Math.sqrt(variance);
  const z = (j - mean) / sd;
  const p =
    alternative === "two-sided" ? normalTwoSidedP(z) : alternative === "increasing" ? normalUpperTail(z) : normalUpperTail(-z);

  let pExact: number | null = null;
  let reason: string | null = null;
  const maxN = options.maxExactN ?? JT_MAX_EXACT_N;
  if (options.exact === false) {
    reason = "exact p not requested";
  } else if (N > maxN) {
    reason = `exact p not computed: N = ${N} is above ${maxN} (use the asymptotic p)`;
  } else {
    const tied = distinct.length < N;
    // Both distributions run over 2J (an integer: J is a multiple of ½).
    const distribution = tied ? tiedTwiceJDistribution(sizes, ties) : untiedTwiceJDistribution(sizes);
    if (distribution === null) {
      reason = tied
        ? "exact p not computed: with ties the conditional distribution is too large to count (use the asymptotic p)"
        : "exact p not computed: the counts overflow (use the asymptotic p)";
    } else {
      let lower = 0;
      let upper = 0;
      for (let x = 0; x <= twoJ; x++) lower += distribution[x];
      for (let x = distribution.length - 1; x >= twoJ; x--) upper += distribution[x];
      pExact = alternative === "increasing" ? upper : alternative === "decreasing" ? lower : Math.min(1, 2 * Math.min(lower, upper));
    }
  }
  return { j, mean, sd, z, p, pExact, n: N, alternative, reason, note };
}

/** 2J, counted group by group against a Fenwick tree (over the ranks of `distinct`) of the groups before it. */
function countTwiceJ(samples: readonly number[][], distinct: readonly number[]): number {
  const m = distinct.length;
  const tree = new Float64Array(m + 1); // Fenwick tree: counts of earlier values by rank
  const atRank = new Float64Array(m); // counts of earlier values equal to each distinct value
  const rankOf = (v: number) => {
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (distinct[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let twoJ = 0;
  for (const sample of samples) {
    const ranks = sample.map(rankOf);
    for (const r of ranks) {
      let below = 0; // earlier values strictly less: ranks 0 … r − 1, i.e. tree positions 1 … r
      for (let i = r; i > 0; i -= i & -i) below += tree[i];
      twoJ += 2 * below + atRank[r];
    }
    for (const r of ranks) {
      atRank[r]++;
      for (let i = r + 1; i <= m; i += i & -i) tree[i]++;
    }
  }
  return twoJ;
}

/**
 * P(2J = x) without ties: the convolution over groups g = 2 … k of the Mann–Whitney distribution of U for
 * group g against the n₁ + … + n_{g−1} values before it (the factors [n₁+…+n_g choose n_g]_q of the
 * q-multinomial), each normalised to probabilities first so that nothing overflows. Odd x have probability 0.
 * Null if a count overflows (N beyond about 1,000).
 */
function untiedTwiceJDistribution(sizes: readonly number[]): Float64Array | null {
  let dist = new Float64Array([1]);
  let before = sizes[0];
  for (let g = 1; g < sizes.length; g++) {
    const counts = untiedUCounts(before, sizes[g]);
    let total = 0;
    for (const c of counts) total += c;
    if (!Number.isFinite(total)) return null;
    const next = new Float64Array(dist.length + counts.length - 1);
    for (let u = 0; u < counts.length; u++) {
      const q = counts[u] / total;
      if (q === 0) continue;
      for (let x = 0; x < dist.length; x++) next[x + u] += dist[x] * q;
    }
    dist = next;
    before += sizes[g];
  }
  const doubled = new Float64Array(2 * dist.length - 1);
  for (let x = 0; x < dist.length; x++) doubled[2 * x] = dist[x];
  return doubled;
}

/**
 * P(2J = x) given the tied blocks (sizes `ties`, in ascending order of value): a dynamic programme over the
 * blocks whose state is how many values each group holds so far, with the distribution of 2J so far. A
 * block of t values split c₁ … c_k among the groups, in t!/(c₁!…c_k!) ways, adds 2·Σ_g c_g·(values before
 * it in groups below g) + Σ_{g<h} c_g·c_h (tied pairs across groups count ½ each) to 2J. Null when the
 * work passes JT_MAX_TIED_EXACT_WORK.
 */
function tiedTwiceJDistribution(sizes: readonly number[], ties: readonly number[]): Float64Array | null {
  const k = sizes.length;
  const N = sizes.reduce((a, b) => a + b, 0);
  const width = (N * N - sizes.reduce((s, n) => s + n * n, 0)) + 1; // 2J runs over 0 … N² − Σnᵢ²
  const stride: number[] = [];
  for (let g = 0, s = 1; g < k; s *= sizes[g] + 1, g++) stride.push(s);
  const factorial = [1];
  for (let i = 1; i <= N; i++) factorial.push(factorial[i - 1] * i);
  let current = new Map<number, { held: number[]; dist: Float64Array }>();
  current.set(0, { held: new Array<number>(k).fill(0), dist: Float64Array.from({ length: width }, (_, x) => (x === 0 ? 1 : 0)) });
  if (!Number.isFinite(factorial[N])) return null;
  let work = 0;
  for (const t of ties) {
    const next = new Map<number, { held: number[]; dist: Float64Array }>();
    for (const { held, dist } of current.values()) {
      work += width;
      let lo = width;
      let hi = -1;
      for (let x = 0; x < width; x++) if (dist[x] !== 0) (lo = Math.min(lo, x)), (hi = x);
      // Every split c of the block with c_g ≤ room left in group g.
      const split = new Array<number>(k).fill(0);
      const visit = (g: number, left: number): boolean => {
        if (g === k - 1) {
          if (left > sizes[g] - held[g]) return true;
          split[g] = left;
          work += hi - lo + 1;
          if (work > JT_MAX_TIED_EXACT_WORK) return false;
          let ways = factorial[t];
          let add = 0;
          let belowCount = 0; // values before the block in groups below g
          let splitBelow = 0; // values of the block in groups below g
          let key = 0;
          for (let h = 0; h < k; h++) {
            ways /= factorial[split[h]];
            add += 2 * split[h] * belowCount + split[h] * splitBelow;
            belowCount += held[h];
            splitBelow += split[h];
            key += (held[h] + split[h]) * stride[h];
          }
          let entry = next.get(key);
          if (entry === undefined) {
            // Each state holds a row of `width` doubles: counted as work, and capped at 4e6 cells (32 MB).
            work += width;
            if ((next.size + 1) * width > 4e6) return false;
            entry = { held: held.map((c, h) => c + split[h]), dist: new Float64Array(width) };
            next.set(key, entry);
          }
          for (let x = lo; x <= hi; x++) entry.dist[x + add] += ways * dist[x];
          return true;
        }
        for (let c = 0; c <= Math.min(left, sizes[g] - held[g]); c++) {
          split[g] = c;
          if (!visit(g + 1, left - c)) return false;
        }
        return true;
      };
      if (!visit(0, t)) return null;
    }
    current = next;
  }
  const [final] = current.values();
  let total = 0;
  for (const c of final.dist) total += c;
  return final.dist.map((c) => c / total);
}
