/**
 * netsp's statistics against the outside references in test/reference/stats/*.json (scipy, numpy and R coin;
 * regenerate with `python3 test/reference/stats/make_stats_cases.py`, which documents where each value comes
 * from and records it per case). Every field to 1e-9 relative (see close.ts for the zero floor).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  chiSquareUpperTail,
  descriptives,
  dunnPairwise,
  kruskalWallis,
  mannWhitney,
  normalTwoSidedP,
  pairwiseMannWhitney,
  partialCorrelation,
  pearson,
  spearman,
  tTwoSidedP,
} from "../../src/stats/index.js";
import { expectClose, ZERO_FLOOR } from "./close.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function load(name: string): { software: Record<string, unknown>; cases: Any[] } {
  return JSON.parse(readFileSync(new URL(`../reference/stats/${name}`, import.meta.url), "utf8"));
}

const mw = load("mann-whitney.json");
const kw = load("kruskal-wallis.json");
const cor = load("correlation.json");
const desc = load("descriptives.json");
const tails = load("tails.json");

describe("reference fixtures", () => {
  it("hold at least 500 cases, with ties and exact p from R coin", () => {
    const total = [mw, kw, cor, desc, tails].reduce((n, f) => n + f.cases.length, 0);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(mw.cases.some((c) => c.reference.p_exact.includes("coin"))).toBe(true);
    expect(mw.cases.some((c) => c.reference.p_exact.includes("scipy"))).toBe(true);
  });
});

describe("Mann–Whitney U against scipy and R coin", () => {
  it.each(mw.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const e = c.expected;
    const r = mannWhitney(c.x, c.y);
    expect(r.reason).toBeNull();
    expect(r.groups[0].n).toBe(e.n1);
    expect(r.groups[1].n).toBe(e.n2);
    expectClose(r.groups[0].rankSum, e.rank_sum1, "rank sum 1");
    expectClose(r.groups[1].rankSum, e.rank_sum2, "rank sum 2");
    expectClose(r.groups[0].meanRank, e.mean_rank1, "mean rank 1");
    expectClose(r.groups[1].meanRank, e.mean_rank2, "mean rank 2");
    expectClose(r.u1, e.u1, "U1", ZERO_FLOOR);
    expectClose(r.u2, e.u2, "U2", ZERO_FLOOR);
    expectClose(r.u, e.u, "U", ZERO_FLOOR);
    expectClose(r.w, e.w, "W");
    expectClose(r.z, e.z, "Z", ZERO_FLOOR);
    expectClose(r.p, e.p, "p");
    expectClose(r.pExact, e.p_exact, `exact p (${c.reference.p_exact})`);
    expectClose(r.r, e.r, "r", ZERO_FLOOR);
    expectClose(r.rankBiserial, e.rank_biserial, "rank-biserial", ZERO_FLOOR);
  });
});

describe("Kruskal–Wallis, Dunn and pairwise Mann–Whitney against scipy, numpy and R", () => {
  it.each(kw.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const e = c.expected;
    const r = kruskalWallis(c.groups);
    expect(r.reason).toBeNull();
    expect(r.n).toBe(e.n);
    expect(r.df).toBe(e.df);
    expectClose(r.h, e.h, "H (scipy)", ZERO_FLOOR);
    expectClose(r.h, e.h_exact_rational, "H (exact rational)", ZERO_FLOOR);
    expectClose(r.p, e.p, "p");
    expectClose(r.epsilonSquared, e.epsilon_squared, "epsilon squared", ZERO_FLOOR);
    r.groups.forEach((g, i) => {
      expectClose(g.rankSum, e.rank_sums[i], `rank sum ${i}`);
      expectClose(g.meanRank, e.mean_ranks[i], `mean rank ${i}`);
    });

    const dunn = dunnPairwise(c.groups);
    expect(dunn.pairs.length).toBe(e.dunn.length);
    dunn.pairs.forEach((d, i) => {
      const x = e.dunn[i];
      expect([d.a, d.b]).toEqual([x.a, x.b]);
      expectClose(d.meanRankDifference, x.difference, `Dunn difference ${i}`, ZERO_FLOOR);
      expectClose(d.se, x.se, `Dunn se ${i}`);
      expectClose(d.z, x.z, `Dunn z ${i}`, ZERO_FLOOR);
      expectClose(d.p, x.p, `Dunn p ${i}`);
      expectClose(d.pBonferroni, x.p_bonferroni, `Dunn Bonferroni ${i}`);
      expectClose(d.pHolm, x.p_holm, `Dunn Holm ${i}`);
    });

    const pairs = pairwiseMannWhitney(c.groups);
    expect(pairs.length).toBe(e.pairwise.length);
    pairs.forEach((p, i) => {
      const x = e.pairwise[i];
      expect([p.a, p.b]).toEqual([x.a, x.b]);
      expectClose(p.test.u, x.u, `pair U ${i}`, ZERO_FLOOR);
      expectClose(p.test.w, x.w, `pair W ${i}`);
      expectClose(p.test.z, x.z, `pair Z ${i}`, ZERO_FLOOR);
      expectClose(p.test.p, x.p, `pair p ${i}`);
      expectClose(p.test.pExact, x.p_exact, `pair exact p ${i} (${x.p_exact_source})`);
      expectClose(p.pHolm, x.p_holm, `pair Holm ${i}`);
    });
  });
});

describe("Pearson, Spearman and partial correlation against scipy and numpy", () => {
  it.each(cor.cases.map((c) => [`${c.id} ${c.kind}${c.ranks ? " (ranks)" : ""}`, c] as const))("%s", (_id, c) => {
    const e = c.expected;
    const r =
      c.kind === "pearson"
        ? pearson(c.x, c.y)
        : c.kind === "spearman"
          ? spearman(c.x, c.y)
          : partialCorrelation(c.x, c.y, c.controls, { ranks: c.ranks });
    expect(r.reason).toBeNull();
    expect(r.n).toBe(e.n);
    if (e.df !== undefined) expect(r.df).toBe(e.df);
    expectClose(r.r, e.r, "r", ZERO_FLOOR);
    expectClose(r.p, e.p, "p");
    expectClose(r.ciLow, e.ci_low, "CI low", ZERO_FLOOR);
    expectClose(r.ciHigh, e.ci_high, "CI high", ZERO_FLOOR);
  });
});

describe("descriptives against numpy", () => {
  it.each(desc.cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const e = c.expected;
    const d = descriptives(c.values);
    expect(d.n).toBe(e.n);
    expect(d.missing).toBe(e.missing);
    for (const key of ["median", "q1", "q3", "mean", "sd", "min", "max"] as const) {
      expectClose(d[key], e[key], key, ZERO_FLOOR);
    }
    if (e.sd === null) expect(d.reason).toMatch(/one value/);
  });
});

describe("distribution tails against scipy", () => {
  it.each(tails.cases.map((c) => [`${c.id} ${c.kind}`, c] as const))("%s", (_id, c) => {
    const value =
      c.kind === "normal" ? normalTwoSidedP(c.z) : c.kind === "t" ? tTwoSidedP(c.t, c.df) : chiSquareUpperTail(c.x, c.df);
    expectClose(value, c.expected, `${c.kind} tail`);
  });
});
