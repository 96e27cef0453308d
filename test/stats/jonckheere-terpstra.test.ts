import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jonckheereTerpstra, type JonckheereAlternative } from "../../src/stats/jonckheere-terpstra.js";
import { kendall } from "../../src/stats/kendall.js";
import { expectClose, ZERO_FLOOR } from "./close.js";

/**
 * The Jonckheere–Terpstra test against values computed in R from the textbook definitions (J by a double
 * loop, the tie-corrected variance by its formula, the exact p by enumerating every assignment for N ≤ 12,
 * or by pwilcox for two groups): `Rscript test/reference/stats/make_jonckheere_terpstra.R >
 * test/reference/stats/jonckheere-terpstra.json`.
 */
const fixture = JSON.parse(readFileSync(new URL("../reference/stats/jonckheere-terpstra.json", import.meta.url), "utf8")) as {
  cases: Array<{
    groups: number[][];
    alternative: JonckheereAlternative;
    exact: "enumeration" | "pwilcox" | "none";
    j: number;
    mean: number;
    sd: number;
    z: number;
    p: number;
    pExact: number | null;
  }>;
};

/** Group labels 1 … k and the pooled values, for Kendall's τ between them. */
function labelled(groups: number[][]): [number[], number[]] {
  return [groups.flatMap((g, i) => g.map(() => i + 1)), groups.flat()];
}

describe("jonckheereTerpstra against the R reference", () => {
  it("holds at least 500 cases, with exact and asymptotic ones", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(500);
    expect(fixture.cases.filter((c) => c.exact === "enumeration").length).toBeGreaterThanOrEqual(300);
    expect(fixture.cases.filter((c) => c.exact === "none").length).toBeGreaterThanOrEqual(100);
  });

  it("J, E J, sd, z, p and the exact p equal R's", () => {
    fixture.cases.forEach((c, k) => {
      const t = jonckheereTerpstra(c.groups, { alternative: c.alternative, exact: c.exact !== "none" });
      const label = `case ${k} (${c.groups.map((g) => g.length).join(", ")}; ${c.alternative}; ${c.exact})`;
      expectClose(t.j, c.j, `${label} J`, ZERO_FLOOR);
      expectClose(t.mean, c.mean, `${label} E J`);
      expectClose(t.sd, c.sd, `${label} sd`);
      expectClose(t.z, c.z, `${label} z`, ZERO_FLOOR);
      expectClose(t.p, c.p, `${label} p`);
      expectClose(t.pExact, c.pExact, `${label} exact p`);
      expect(t.alternative).toBe(c.alternative);
      expect(t.reason, label).toBe(c.exact === "none" ? "exact p not requested" : null);
    });
  });
});

describe("jonckheereTerpstra by hand and against other sources", () => {
  it("the doc example", () => {
    const t = jonckheereTerpstra([[1, 3, 2], [4, 2.5], [5, 6, 4.5]], { alternative: "increasing" });
    expect(t.j).toBe(20);
    expect(t.mean).toBe(10.5);
    expectClose(t.sd, Math.sqrt(14.25), "sd");
    expectClose(t.z, 2.516611478423583, "z");
    expectClose(t.p, 0.005924470464173741, "p");
    expectClose(t.pExact, 3 / 560, "exact p");
    expect([t.n, t.reason, t.note]).toEqual([8, null, null]);
  });

  it("a small untied case", () => {
    // [1, 2] < [3, 4] < [5, 6]: every one of the 2·2 + 2·2 + 2·2 = 12 cross-group pairs is ordered, J = 12.
    // E J = (6² − 3·2²)/4 = 6. No ties: Var = [6·5·17 − 3·(2·1·9)]/72 = (510 − 54)/72 = 19/3, z = 6/√(19/3).
    // Exact: 6!/(2!·2!·2!) = 90 equally likely assignments; only this one has J = 12 (the maximum), and J is
    // symmetric about 6 (J = 0 only for the reverse), so the two-sided p = 2·(1/90).
    const t = jonckheereTerpstra([[1, 2], [3, 4], [5, 6]]);
    expect([t.j, t.mean]).toEqual([12, 6]);
    expectClose(t.sd, Math.sqrt(19 / 3), "sd");
    expectClose(t.z, 6 / Math.sqrt(19 / 3), "z");
    expectClose(t.pExact, 2 / 90, "exact p");
    expectClose(jonckheereTerpstra([[1, 2], [3, 4], [5, 6]], { alternative: "increasing" }).pExact, 1 / 90, "increasing");
    expectClose(jonckheereTerpstra([[1, 2], [3, 4], [5, 6]], { alternative: "decreasing" }).pExact, 1, "decreasing");
  });

  it("a small tied case", () => {
    // [1, 2] vs [2, 3]: 1 < 2, 1 < 3, 2 < 3 and the tie 2 = 2 counts ½: J = 3.5; E J = (4² − 2·2²)/4 = 2.
    // Ties t = (1, 2, 1): Var = [4·3·13 − 2·(2·1·9) − 2·1·9]/72 + 0 + [2·(2·1)]·[2·1]/(8·4·3)
    //   = (156 − 36 − 18)/72 + 8/96 = 17/12 + 1/12 = 1.5, z = 1.5/√1.5 = √1.5.
    // Exact: the C(4, 2) = 6 choices of the first group's two values (the 2s are distinct positions) give J =
    // 3.5 ({1, 2}, {1, 2'}), 2 ({1, 3}, {2, 2'}), 0.5 ({2, 3}, {2', 3}): mean 2 and variance (4·2.25)/6 = 1.5,
    // as the formula says; P(J ≥ 3.5) = 2/6, P(J ≤ 3.5) = 1, two-sided p = 2/3.
    const t = jonckheereTerpstra([[1, 2], [2, 3]]);
    expect([t.j, t.mean]).toEqual([3.5, 2]);
    expectClose(t.sd, Math.sqrt(1.5), "sd");
    expectClose(t.z, Math.sqrt(1.5), "z");
    expectClose(t.pExact, 2 / 3, "exact p");
  });

  it("Hollander, Wolfe & Chicken (2014) Example 6.2, and Kendall's τ between label and value", () => {
    // Motivational effect of knowledge of performance: J = 79, large-sample z 2.04 (with ties).
    const motivation = [[40, 35, 38, 43, 44, 41], [38, 40, 47, 44, 40, 42], [48, 40, 45, 43, 46, 44]];
    const t = jonckheereTerpstra(motivation, { alternative: "increasing" });
    expect(t.j).toBe(79);
    expect(t.z!.toFixed(2)).toBe("2.04");
    // Exact with ties: 359,641 of the 18!/(6!)³ = 17,153,136 assignments have J ≥ 79 (counted one by one in R:
    // every first group of 6 from 18, then every second group of 6 from the 12 left).
    expectClose(t.pExact, 359641 / 17153136, "exact p");
    // S of Kendall's τ between group label and value is 2(J − E J), with the same tie-corrected variance, so
    // the two-sided normal p of both tests is the same number (kendall uses its normal p with ties).
    const cases = [motivation, ...fixture.cases.filter((c) => c.exact === "none").slice(0, 20).map((c) => c.groups)];
    for (const groups of cases) {
      const [labels, values] = labelled(groups);
      expectClose(jonckheereTerpstra(groups).p, kendall(labels, values).p, "two-sided p = Kendall's");
    }
  });

  it("groups of one value: the exact p is Kendall's exact p (untied, n < 50)", () => {
    for (const n of [3, 7, 20, 49]) {
      const values = Array.from({ length: n }, (_, i) => ((i * 37) % n) + (i % 3) / 10);
      const groups = values.map((v) => [v]);
      const [labels] = labelled(groups);
      expectClose(jonckheereTerpstra(groups).pExact, kendall(labels, values).p, `n ${n}`);
    }
  });

  it("counts J as a double loop would, ties included", () => {
    let seed = 3;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [k, size, levels] of [[3, 200, 10], [5, 120, 4], [4, 150, 1000]]) {
      const groups = Array.from({ length: k }, (_, g) => Array.from({ length: size }, () => Math.floor(next() * levels) + g));
      let j = 0;
      for (let a = 0; a < k; a++)
        for (let b = a + 1; b < k; b++) for (const x of groups[a]) for (const y of groups[b]) j += x < y ? 1 : x === y ? 0.5 : 0;
      expect(jonckheereTerpstra(groups).j).toBe(j);
    }
  });

  it("100,000 values: J at its extremes, asymptotic p only", () => {
    const groups = [0, 1, 2, 3].map((g) => Array.from({ length: 25_000 }, (_, i) => g * 25_000 + i));
    const up = jonckheereTerpstra(groups, { alternative: "increasing" });
    expect(up.j).toBe(6 * 25_000 * 25_000);
    expect(up.mean).toBe(3 * 25_000 * 25_000);
    expect(up.pExact).toBeNull();
    expect(up.reason).toBe("exact p not computed: N = 100000 is above 100 (use the asymptotic p)");
    expect(jonckheereTerpstra([...groups].reverse()).j).toBe(0);
  });

  it("reversing the groups mirrors J and swaps the one-sided p's", () => {
    for (const groups of [[[1, 3, 2], [4, 2.5], [5, 6, 4.5]], [[1, 1, 2], [2, 3], [1, 3, 3, 4]]]) {
      const reversed = [...groups].reverse();
      const up = jonckheereTerpstra(groups, { alternative: "increasing" });
      const down = jonckheereTerpstra(reversed, { alternative: "decreasing" });
      expect(up.j! + (jonckheereTerpstra(reversed).j as number)).toBe(2 * up.mean!);
      expectClose(down.pExact, up.pExact, "exact");
      expectClose(down.p, up.p, "asymptotic");
    }
  });
});

describe("jonckheereTerpstra: missing values, left-out groups and null results", () => {
  it("drops missing values and leaves out empty groups, with a note", () => {
    const full = jonckheereTerpstra([[1, 3, 2], [4, 2.5], [5, 6, 4.5]]);
    const gappy = jonckheereTerpstra([[1, null, 3, 2, Number.NaN], [null], [4, 2.5, Number.POSITIVE_INFINITY], [], [5, 6, 4.5]]);
    expect({ ...gappy, note: null }).toEqual(full);
    expect(gappy.note).toBe("groups 2, 4 have no values: left out of the test (k = 3)");
    expect(jonckheereTerpstra([[1, 2], [], [3]]).note).toBe("group 2 has no values: left out of the test (k = 2)");
  });

  it("is null with a reason when there is nothing to test", () => {
    const none = { j: null, mean: null, sd: null, z: null, p: null, pExact: null, note: null };
    expect(jonckheereTerpstra([[1, 2, 3]])).toEqual({ ...none, n: 3, alternative: "two-sided", reason: "fewer than two groups" });
    expect(jonckheereTerpstra([])).toMatchObject({ ...none, n: 0, reason: "fewer than two groups" });
    expect(jonckheereTerpstra([[1, 2], [null], []])).toMatchObject({
      ...none,
      n: 2,
      reason: "fewer than two groups have values (groups 2, 3 have none)",
    });
    // Every one of the 2·1 + 2·3 + 1·3 = 11 cross-group pairs is tied: J = 11/2 = E J = (6² − 14)/4, Var J = 0.
    expect(jonckheereTerpstra([[5, 5], [5], [5, 5, 5]])).toMatchObject({
      j: 5.5,
      mean: 5.5,
      sd: 0,
      z: null,
      p: null,
      pExact: null,
      reason: "all values are tied: no variation to test (Var J = 0)",
    });
  });

  it("says why the exact p is missing", () => {
    expect(jonckheereTerpstra([[1, 2], [3, 4]], { exact: false })).toMatchObject({ pExact: null, reason: "exact p not requested" });
    expect(jonckheereTerpstra([[1, 2], [3, 4]], { maxExactN: 3 })).toMatchObject({
      pExact: null,
      reason: "exact p not computed: N = 4 is above 3 (use the asymptotic p)",
    });
    // Four groups of 25 drawn from 30 levels: too many states for the exact conditional distribution.
    const tied = [0, 1, 2, 3].map((g) => Array.from({ length: 25 }, (_, i) => (i * 7 + g * 3) % 30));
    expect(jonckheereTerpstra(tied)).toMatchObject({
      pExact: null,
      reason: "exact p not computed: with ties the conditional distribution is too large to count (use the asymptotic p)",
    });
    // Two values, N = 2: the middle variance term is 0/0 and is taken as 0, Var = 18/72 (J is 0 or 1).
    expect(jonckheereTerpstra([[1], [2]])).toMatchObject({ j: 1, mean: 0.5, sd: 0.5, z: 1, pExact: 1 });
  });
});
