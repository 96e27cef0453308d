/**
 * Statistics at the edges of floating point: constants that a computed mean does not see as constant,
 * values near 1e±300, subnormals, large offsets, n = 2, ties at extreme magnitudes. Each expected value is
 * R's (the expression from test/reference/stats/edge-cases.R beside it, run with R 4.2.2) or, where R is off
 * or overflows, the exact statistic of the input doubles from test/reference/stats/exact_sd.py (Python
 * fractions; the expression beside it). Everything to 1e-9 relative (see close.ts), or null with a reason.
 */
import { describe, expect, it } from "vitest";
import {
  compareGroups,
  descriptives,
  dunnPairwise,
  kruskalWallis,
  mannWhitney,
  pairwiseMannWhitney,
  partialCorrelation,
  pearson,
  spearman,
} from "../../src/stats/index.js";
import { expectClose } from "./close.js";

/** Expects r, p and the 95% CI of a correlation (each may be null). */
function expectCorrelation(
  actual: { r: number | null; p: number | null; ciLow: number | null; ciHigh: number | null; reason: string | null },
  expected: [number, number, number, number],
): void {
  expectClose(actual.r, expected[0], "r");
  expectClose(actual.p, expected[1], "p");
  expectClose(actual.ciLow, expected[2], "CI low");
  expectClose(actual.ciHigh, expected[3], "CI high");
  expect(actual.reason).toBeNull();
}

const kilo = (n: number, f: (k: number) => number) => Array.from({ length: n }, (_, k) => f(k));

describe("constants decided on the data", () => {
  it("three 0.1s are constant: no correlation (P1a, P1b), sd exactly 0 (P1c)", () => {
    // cor(c(0.1, 0.1, 0.1), c(0.1, 0.1, 0.1)) → NA ("the standard deviation is zero")
    // cor(c(0.1, 0.1, 0.1), c(1, 2, 3)) → NA
    for (const r of [pearson([0.1, 0.1, 0.1], [0.1, 0.1, 0.1]), pearson([0.1, 0.1, 0.1], [1, 2, 3]), spearman([0.1, 0.1, 0.1], [1, 2, 3])]) {
      expect([r.r, r.p, r.ciLow, r.ciHigh]).toEqual([null, null, null, null]);
      expect(r.reason).toMatch(/constant/);
    }
    // sd(c(0.1, 0.1, 0.1)) → 0
    expect(descriptives([0.1, 0.1, 0.1])).toMatchObject({ mean: 0.1, sd: 0 });
  });
  it("a subnormal constant likewise (E14)", () => {
    // sd(c(1e-320, 1e-320, 1e-320)) → 0; cor(c(1e-320, 1e-320, 1e-320), c(1, 2, 3)) → NA
    expect(descriptives([1e-320, 1e-320, 1e-320])).toMatchObject({ mean: 1e-320, sd: 0 });
    expect(pearson([1e-320, 1e-320, 1e-320], [1, 2, 3]).reason).toMatch(/constant/);
  });
  it("a constant 0.1 control makes the partial correlation null (E17)", () => {
    // {z <- rep(0.1, 5); coef(lm(c(1, 2, 3, 4, 5) ~ z))} → 3, NA: z is aliased with the intercept
    const r = partialCorrelation([1, 2, 3, 4, 5], [2, 1, 4, 3, 5], [[0.1, 0.1, 0.1, 0.1, 0.1]]);
    expect(r.r).toBeNull();
    expect(r.reason).toMatch(/constant or collinear/);
    expect(partialCorrelation([0.1, 0.1, 0.1, 0.1, 0.1], [2, 1, 4, 3, 5], [[1, 2, 2, 1, 3]]).reason).toMatch(/x or y is constant/);
  });
});

describe("Pearson on scaled values", () => {
  it("1e300 and 1e-300 give R's r and p (P2a, P2b)", () => {
    // r_p(cor.test(c(1e300, 2e300, 3e300, 4e300), c(1, 2, 4, 3)))
    //   → 0.80000000000000004 0.19999999999999979 -0.69695344529932213 0.99560025046658562
    expectCorrelation(pearson([1e300, 2e300, 3e300, 4e300], [1, 2, 4, 3]), [0.80000000000000004, 0.19999999999999979, -0.69695344529932213, 0.99560025046658562]);
    // r_p(cor.test(c(1e-300, 2e-300, 3e-300, 4e-300), c(1, 2, 4, 3)))
    //   → 0.79999999999999993 0.20000000000000001 -0.69695344529932224 0.99560025046658562
    expectCorrelation(pearson([1e-300, 2e-300, 3e-300, 4e-300], [1, 2, 4, 3]), [0.79999999999999993, 0.20000000000000001, -0.69695344529932224, 0.99560025046658562]);
  });
  it("1e300 against 1e160, where R's cor overflows to NaN (P3d, P3e)", () => {
    // cor(c(1e300, 2e300, 3e300, 4e300), c(1e160, 3e160, 2e160, 5e160)) → NaN
    // r_p(cor.test(c(1e300, 2e300, 3e300, 4e300) * 2^-997, c(1e160, 3e160, 2e160, 5e160) * 2^-531))
    //   → 0.8315218406203001 0.16847815937969984 -0.64513245875652414 0.99635610015141751
    // exact Pearson r of [1e300, 2e300, 3e300, 4e300], [1e160, 3e160, 2e160, 5e160] → 0.8315218406202999
    const r = pearson([1e300, 2e300, 3e300, 4e300], [1e160, 3e160, 2e160, 5e160]);
    expectCorrelation(r, [0.8315218406203001, 0.16847815937969984, -0.64513245875652414, 0.99635610015141751]);
    expectClose(r.r, 0.8315218406202999, "exact r");
  });
  it("multiples of the smallest subnormal, where R underflows (E2)", () => {
    // r_p(cor.test(c(1, 2, 3, 4, 5) * 5e-324, c(2, 1, 4, 3, 5))) → 0.66666666666666663 (R underflows)
    // r_p(cor.test(c(1, 2, 3, 4, 5) * 5e-324 * 2^537 * 2^537, c(2, 1, 4, 3, 5)))
    //   → 0.79999999999999982 0.10408803866182798 -0.27964004196935505 0.9861961933012714
    // exact Pearson r of [1, 2, 3, 4, 5] * 5e-324, [2, 1, 4, 3, 5] → 0.8
    const r = pearson([1, 2, 3, 4, 5].map((k) => k * 5e-324), [2, 1, 4, 3, 5]);
    expectCorrelation(r, [0.79999999999999982, 0.10408803866182798, -0.27964004196935505, 0.9861961933012714]);
    expectClose(r.r, 0.8, "exact r");
  });
  it("a large offset (E3) and mixed signs near overflow (E9)", () => {
    // r_p(cor.test(1e15 + c(1, 2, 3, 4, 5), c(2, 1, 4, 3, 5)))
    //   → 0.79999999999999982 0.10408803866182798 -0.27964004196935505 0.9861961933012714
    expectCorrelation(pearson([1, 2, 3, 4, 5].map((k) => 1e15 + k), [2, 1, 4, 3, 5]), [0.79999999999999982, 0.10408803866182798, -0.27964004196935505, 0.9861961933012714]);
    // r_p(cor.test(c(-1.5e308, -0.5e308, 0.5e308, 1.5e308), c(1, 3, 2, 4)))
    //   → 0.79999999999999993 0.20000000000000001 -0.69695344529932224 0.99560025046658562
    expectCorrelation(pearson([-1.5e308, -0.5e308, 0.5e308, 1.5e308], [1, 3, 2, 4]), [0.79999999999999993, 0.20000000000000001, -0.69695344529932224, 0.99560025046658562]);
  });
  it("1e-300 against 1e300 (E19)", () => {
    // r_p(cor.test(c(1e-300, 2e-300, 3e-300, 4e-300, 6e-300), c(5e300, 1e300, 4e300, 2e300, 3e300)))
    //   → -0.24659848095803588 0.6892329580556027 -0.92714917652621254 0.8124232684200553
    // exact Pearson r → -0.2465984809580359
    const r = pearson([1e-300, 2e-300, 3e-300, 4e-300, 6e-300], [5e300, 1e300, 4e300, 2e300, 3e300]);
    expectCorrelation(r, [-0.24659848095803588, 0.6892329580556027, -0.92714917652621254, 0.8124232684200553]);
    expectClose(r.r, -0.2465984809580359, "exact r");
  });
  it("0.1 + 0.2 against 0.3: R's rounded mean is off, the exact r is that of (1, 0, 0, 1) (E6r)", () => {
    // r_p(cor.test(c(0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2), c(1, 2, 3, 5))) → 0.11952286093343936 (R: mean rounded to 0.3)
    // r_p(cor.test(c(1, 0, 0, 1), c(1, 2, 3, 5)))
    //   → 0.16903085094570333 0.83096914905429664 -0.94568612753468528 0.97218345716167331
    // exact Pearson r of [0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2], [1, 2, 3, 5] → 0.1690308509457033
    const r = pearson([0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2], [1, 2, 3, 5]);
    expectCorrelation(r, [0.16903085094570333, 0.83096914905429664, -0.94568612753468528, 0.97218345716167331]);
  });
  it("n = 2 at ±1e308: r = 1, p and the interval null (E4)", () => {
    // cor(c(-1e308, 1e308), c(1, 2)) → 0.99999999999999978; cor.test(...) → error: not enough finite observations
    const r = pearson([-1e308, 1e308], [1, 2]);
    expectClose(r.r, 0.99999999999999978, "r");
    expect([r.p, r.ciLow, r.ciHigh, r.df]).toEqual([null, null, null, null]);
    expect(r.reason).toMatch(/no degrees of freedom/);
  });
  it("Spearman with ties at extreme magnitudes (E12) and on subnormals (E20)", () => {
    // unlist(cor.test(c(1e300, 1e300, 2e300, 3e300, -1e300), c(1e-300, 3e-300, 2e-300, 2e-300, 5e-324),
    //   method = 'spearman', exact = FALSE)[c('estimate', 'p.value')]) → 0.52631578947368429 0.36224548118984518
    const a = spearman([1e300, 1e300, 2e300, 3e300, -1e300], [1e-300, 3e-300, 2e-300, 2e-300, 5e-324]);
    expectClose(a.r, 0.52631578947368429, "rho");
    expectClose(a.p, 0.36224548118984518, "p");
    // unlist(cor.test(c(5e-324, 1e-323, 1.5e-323, 1.5e-323, 2e-323), c(1e308, -1e308, 1e308, 0, 1.5e308),
    //   method = 'spearman', exact = FALSE)[c('estimate', 'p.value')]) → 0.50000000000000011 0.39100221895577031
    const b = spearman([5e-324, 1e-323, 1.5e-323, 1.5e-323, 2e-323], [1e308, -1e308, 1e308, 0, 1.5e308]);
    expectClose(b.r, 0.50000000000000011, "rho");
    expectClose(b.p, 0.39100221895577031, "p");
  });
  it("partial correlation at 1e300 (E13)", () => {
    // {x <- 1e300 * c(1, 2, 3, 4, 5); y <- c(2, 1, 4, 3, 5); z <- c(1, 1, 2, 2, 3);
    //  r <- cor(resid(lm(x ~ z)), resid(lm(y ~ z))); c(r, 2 * pt(-abs(r * sqrt(2 / (1 - r^2))), 2))}
    //   → -0.86666666666666681 0.13333333333333314
    const r = partialCorrelation([1, 2, 3, 4, 5].map((k) => k * 1e300), [2, 1, 4, 3, 5], [[1, 1, 2, 2, 3]]);
    expectClose(r.r, -0.86666666666666681, "partial r");
    expectClose(r.p, 0.13333333333333314, "p");
    // The same with the control at 1e-300 and y at 1e12 + small: scale and offset change nothing.
    const s = partialCorrelation([1, 2, 3, 4, 5].map((k) => k * 1e300), [2, 1, 4, 3, 5].map((v) => 1e12 + v / 8), [[1, 1, 2, 2, 3].map((v) => v * 1e-300)]);
    expectClose(s.r, -0.86666666666666681, "partial r, rescaled");
  });
});

describe("means and standard deviations of the exact doubles", () => {
  it("a large offset: the exact sd, where R's is 0.2% off (P4)", () => {
    // sd(c(1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007)) → 0.00055044552646763847
    // statistics.stdev([1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007]) → 0.00054931640625
    // statistics.mean(same) → 1000000000000.0072
    const d = descriptives([1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007]);
    expectClose(d.sd, 0.00054931640625, "sd");
    expectClose(d.mean, 1000000000000.0072, "mean");
  });
  it("values of 1e200: sd finite, where R's overflows to Inf (P3a, P3b)", () => {
    // sd(c(1e200, 2e200, 3e200)) → Inf; statistics.stdev([1e200, 2e200, 3e200]) → 1e+200
    expectClose(descriptives([1e200, 2e200, 3e200]).sd, 1e200, "sd");
    // sd(c(4e200, 5e200, 7e200)) → Inf; statistics.stdev([4e200, 5e200, 7e200]) → 1.5275252316519469e+200
    expectClose(descriptives([4e200, 5e200, 7e200]).sd, 1.5275252316519469e200, "sd");
  });
  it("subnormals (E1)", () => {
    // sd(c(1e-310, 2e-310, 4e-310)) → 0 (R underflows); statistics.stdev([1e-310, 2e-310, 4e-310]) → 1.5275252316519e-310
    // mean(c(1e-310, 2e-310, 4e-310)) → 2.3333333333333097e-310; statistics.mean(same) → 2.3333333333333e-310
    const d = descriptives([1e-310, 2e-310, 4e-310]);
    expectClose(d.sd, 1.5275252316519e-310, "sd");
    expectClose(d.mean, 2.3333333333333e-310, "mean");
    expectClose(d.mean, 2.3333333333333097e-310, "mean (R)");
  });
  it("0.1 + 0.2 among 0.3s (E6)", () => {
    // sd(c(0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3)) → 3.9252311467094379e-17 (R's mean rounds to 0.3)
    // statistics.stdev([0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3]) → 3.0404709722440586e-17; statistics.mean → 0.3
    const d = descriptives([0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3]);
    expectClose(d.sd, 3.0404709722440586e-17, "sd");
    expect(d.mean).toBe(0.3);
  });
  it("n = 2 with an offset of 1e16 (E15)", () => {
    // sd(c(1e16, 1e16 + 2)) → 2 (R's mean rounds to 1e16); statistics.stdev([1e16, 1e16 + 2]) → 1.4142135623730951
    expectClose(descriptives([1e16, 1e16 + 2]).sd, 1.4142135623730951, "sd");
  });
  it("mixed signs near overflow: a finite sd, and null with a reason past 1.8e308 (E7, E8)", () => {
    // sd(c(-1e308, 1e308, 1e308)) → Inf; statistics.stdev([-1e308, 1e308, 1e308]) → 1.1547005383792515e+308
    // mean(c(-1e308, 1e308, 1e308)) → 3.3333333333333332e+307; statistics.mean → 3.333333333333333e+307
    const d = descriptives([-1e308, 1e308, 1e308]);
    expectClose(d.sd, 1.1547005383792515e308, "sd");
    expectClose(d.mean, 3.3333333333333332e307, "mean");
    // sd(c(-1.7e308, 1.7e308)) → Inf; statistics.stdev([-1.7e308, 1.7e308]) → OverflowError
    // c(mean(...), quantile(c(-1.7e308, 1.7e308), c(0.25, 0.5, 0.75))) → 0 -8.4999999999999987e+307 0 8.4999999999999987e+307
    const e = descriptives([-1.7e308, 1.7e308]);
    expect(e.sd).toBeNull();
    expect(e.reason).toMatch(/beyond the largest double/);
    expect([e.mean, e.median]).toEqual([0, 0]);
    expectClose(e.q1, -8.4999999999999987e307, "q1");
    expectClose(e.q3, 8.4999999999999987e307, "q3");
  });
  it("1e300, 1, −1e300: the exact mean is 1/3, where R's is 0 (E16)", () => {
    // mean(c(1e300, 1, -1e300)) → 0; statistics.mean([1e300, 1, -1e300]) → 0.3333333333333333
    // sd(c(1e300, 1, -1e300)) → Inf; statistics.stdev([1e300, 1, -1e300]) → 1e+300
    const d = descriptives([1e300, 1, -1e300]);
    expectClose(d.mean, 0.3333333333333333, "mean");
    expectClose(d.sd, 1e300, "sd");
  });
  it("100,000 values with an offset of 1e12, and 100,000 values within one ulp (E21, E22)", () => {
    // statistics.stdev([1e12 + 0.125 * (k % 3) for k in range(100_000)]) → 0.1020628380786399; statistics.mean → 1000000000000.125
    const d = descriptives(kilo(100_000, (k) => 1e12 + 0.125 * (k % 3)));
    expectClose(d.sd, 0.1020628380786399, "sd");
    expect(d.mean).toBe(1000000000000.125);
    // statistics.stdev([0.1] * 99_999 + [0.1 + 2**-56]) → 4.3885418357208764e-20
    expectClose(descriptives([...kilo(99_999, () => 0.1), 0.1 + 2 ** -56]).sd, 4.3885418357208764e-20, "sd");
  });
});

describe("rank tests at extreme magnitudes", () => {
  it("Mann–Whitney on 1e200 (P3c) and with ties at ±1.7e308 and ±5e-324 (E5)", () => {
    // unlist(wilcox.test(c(1e200, 2e200, 3e200), c(4e200, 5e200, 7e200), exact = FALSE, correct = FALSE)[c('statistic', 'p.value')])
    //   → 0 0.049534613435626734
    const a = mannWhitney([1e200, 2e200, 3e200], [4e200, 5e200, 7e200]);
    expect(a.u1).toBe(0);
    expectClose(a.p, 0.049534613435626734, "p");
    // unlist(wilcox.test(c(1.7e308, 1.7e308, -1.7e308), c(1.7e308, 5e-324, -5e-324, -1.7e308), exact = FALSE,
    //   correct = FALSE)[c('statistic', 'p.value')]) → 7.5 0.578403013496116
    const b = mannWhitney([1.7e308, 1.7e308, -1.7e308], [1.7e308, 5e-324, -5e-324, -1.7e308]);
    expect(b.u1).toBe(7.5);
    expectClose(b.p, 0.578403013496116, "p");
  });
});

describe("Kruskal–Wallis leaves out a level with no values, as R does", () => {
  it("A: 1, 2; B: 3, 4; C: none → H 2.4, df 1 (P5)", () => {
    // unlist(kruskal.test(c(1, 2, 3, 4, NA), factor(c('A', 'A', 'B', 'B', 'C')))[c('statistic', 'parameter', 'p.value')])
    //   → 2.3999999999999986 1 0.12133525035848212
    // (kruskal.test(list(c(1, 2), c(3, 4), numeric(0))) → error: all groups must contain data; scipy 1.17 gives NaN)
    const kw = kruskalWallis([[1, 2], [3, 4], [null]]);
    expectClose(kw.h, 2.3999999999999986, "H");
    expect(kw.df).toBe(1);
    expectClose(kw.p, 0.12133525035848212, "p");
    expect(kw.dropped).toEqual([2]);
    expect(kw.note).toMatch(/group 3 has no values: left out/);
    expect(kw.groups.map((g) => g.meanRank)).toEqual([1.5, 3.5, null]);
    expect(kw.reason).toBeNull();
  });
  it("two empty levels of four (E10)", () => {
    // unlist(kruskal.test(c(1, 2, 3, NA, 4, 5, NA), factor(c('A', 'A', 'A', 'B', 'C', 'C', 'D')))[...]) → 3 1 0.083264516663550558
    const kw = kruskalWallis([[1, 2, 3], [null], [4, 5], []]);
    expectClose(kw.h, 3, "H");
    expect(kw.df).toBe(1);
    expectClose(kw.p, 0.083264516663550558, "p");
    expect(kw.dropped).toEqual([1, 3]);
  });
  it("ties at ±1e308 and ±5e-324 with an empty level (E11)", () => {
    // unlist(kruskal.test(c(1e308, 1e308, -5e-324, -1e308, 5e-324, 1e308, NA, 0, 0),
    //   factor(c('A', 'A', 'A', 'B', 'B', 'B', 'C', 'D', 'D')))[...]) → 0.73839662447257215 2 0.69128830592613877
    const kw = kruskalWallis([[1e308, 1e308, -5e-324], [-1e308, 5e-324, 1e308], [], [0, 0]]);
    expectClose(kw.h, 0.73839662447257215, "H");
    expect(kw.df).toBe(2);
    expectClose(kw.p, 0.69128830592613877, "p");
  });
  it("fewer than two levels with values: null with a reason", () => {
    const kw = kruskalWallis([[1, 2], [], [null]]);
    expect([kw.h, kw.p, kw.df]).toEqual([null, null, null]);
    expect(kw.reason).toMatch(/fewer than two groups have values/);
  });
  it("compareGroups names the level in a note; the pairs with it are null, the others tested (E18)", () => {
    // Dunn, A vs B: 2 * pnorm(-abs((1.5 - 3.5) / sqrt(4 * 5 / 12 * (1 / 2 + 1 / 2)))) → 0.12133525035848211
    // unlist(wilcox.test(c(1, 2), c(3, 4), exact = FALSE, correct = FALSE)[c('statistic', 'p.value')]) → 0 0.12133525035848211
    const c = compareGroups(["A", "B", "C"], [[1, 2], [3, 4], [null]]);
    expect(c.reason).toBeNull();
    expect(c.note).toBe('no values in level "C": left out of the test (df = 1)');
    expectClose(c.kruskalWallis!.h, 2.4, "H");
    expect(c.levels.map((l) => [l.level, l.n, l.meanRank])).toEqual([["A", 2, 1.5], ["B", 2, 3.5], ["C", 0, null]]);
    const [ab, ac, bc] = c.pairwise!;
    expectClose(ab.dunn.p, 0.12133525035848211, "Dunn p");
    expectClose(ab.dunn.pBonferroni, 0.12133525035848211, "Dunn Bonferroni (one comparison)");
    expectClose(ab.mannWhitney.p, 0.12133525035848211, "Mann–Whitney p");
    expectClose(ab.pHolm, 0.12133525035848211, "Holm (one comparison)");
    for (const pair of [ac, bc]) {
      expect([pair.dunn.p, pair.mannWhitney.p, pair.pHolm]).toEqual([null, null, null]);
      expect(pair.reason).toBe('no values in level "C"');
    }
    expect(dunnPairwise([[1, 2], [3, 4], []]).pairs[0].p).toBe(ab.dunn.p);
    expect(pairwiseMannWhitney([[1, 2], [3, 4], []])[0].pHolm).toBe(ab.pHolm);
  });
});
