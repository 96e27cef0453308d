/** `netsp correlate`: pairs, methods, partial correlation, missing values and usage errors. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-correlate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = path.join(dir, "rows.csv");
writeFileSync(
  data,
  [
    "ego_id,a,b,c,flat,text",
    "1,1,2,5,3,x",
    "2,2,1,3,3,y",
    "3,3,4,4,3,z",
    "4,4,3,1,3,w",
    "5,5,7,2,3,v",
    "6,6,8,2,3,u",
    "7,7,6,8,3,t",
    "8,8,NA,9,3,s",
  ].join("\n") + "\n",
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(args: string[]): Promise<any> {
  const run = await runCli([...args, "--format", "json"]);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).not.toMatch(/NaN|Infinity/);
  return JSON.parse(run.stdout);
}

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

describe("netsp correlate", () => {
  it("every pair, missing values dropped pairwise, with n", async () => {
    const out = await json(["correlate", data, "--vars", "a,b,c"]);
    expect(out.method).toBe("pearson");
    expect(out.pairs.map((p: { x: string; y: string; n: number }) => [p.x, p.y, p.n])).toEqual([
      ["a", "b", 7],
      ["a", "c", 8],
      ["b", "c", 7],
    ]);
    // python3 -c "import scipy.stats as st; r=st.pearsonr([1,2,3,4,5,6,7],[2,1,4,3,7,8,6]);
    //   print(r.statistic, r.pvalue, r.confidence_interval(0.95))"
    //   → 0.8485483171719466 0.015774701109298097 (0.2645203478292727, 0.977181437695197)
    const ab = out.pairs[0];
    close(ab.r, 0.8485483171719466);
    close(ab.p, 0.015774701109298097);
    close(ab.ci_low, 0.2645203478292727);
    close(ab.ci_high, 0.977181437695197);
    // python3 -c "import scipy.stats as st; print(st.pearsonr([1,2,3,4,5,6,7,8],[5,3,4,1,2,2,8,9]))"
    //   → 0.48009602880960334, pvalue 0.22857822083193663
    close(out.pairs[1].r, 0.48009602880960334);
    close(out.pairs[1].p, 0.22857822083193663);
  });

  it("--method both gives each pair twice, with the method per pair", async () => {
    const out = await json(["correlate", data, "--vars", "a,b", "--method", "both"]);
    expect(out.method).toBe("both");
    expect(out.pairs.map((p: { method: string }) => p.method)).toEqual(["pearson", "spearman"]);
    // python3 -c "import scipy.stats as st; print(st.spearmanr([1,2,3,4,5,6,7],[2,1,4,3,7,8,6]))"
    //   → statistic 0.8214285714285715, pvalue 0.0234488083456915
    close(out.pairs[1].r, 0.8214285714285715);
    close(out.pairs[1].p, 0.0234488083456915);
  });

  it("--control gives the partial correlation, df = n − 2 − k", async () => {
    const out = await json(["correlate", data, "--vars", "a,b", "--control", "c"]);
    expect(out.control).toEqual(["c"]);
    const [p] = out.pairs;
    expect([p.n, p.df, p.control]).toEqual([7, 4, ["c"]]);
    // Residual method: python3 -c "import numpy as np, scipy.stats as st, math; a=np.arange(1,8.);
    //   b=np.array([2,1,4,3,7,8,6.]); c=np.array([5,3,4,1,2,2,8.]); X=np.column_stack([np.ones(7),c]);
    //   ea=a-X@np.linalg.lstsq(X,a,rcond=None)[0]; eb=b-X@np.linalg.lstsq(X,b,rcond=None)[0];
    //   r=st.pearsonr(ea,eb).statistic; t=r*math.sqrt(4/(1-r*r)); print(r, 2*st.t.sf(abs(t),4))"
    //   → 0.8633107022233869 0.026748997221916853
    close(p.r, 0.8633107022233869);
    close(p.p, 0.026748997221916853);
  });

  it("a constant variable gives null r with a reason (empty cells in CSV)", async () => {
    const out = await json(["correlate", data, "--vars", "a,flat"]);
    expect(out.pairs[0]).toMatchObject({ n: 8, r: null, p: null, ci_low: null, ci_high: null });
    expect(out.pairs[0].reason).toMatch(/constant/);
    const run = await runCli(["correlate", data, "--vars", "a,flat", "--format", "csv"]);
    const [row] = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect([row.r, row.p]).toEqual(["", ""]);
    expect(row.reason).toMatch(/constant/);
  });

  it("usage errors: one variable, an unknown or non-numeric column, a control that is also a variable", async () => {
    for (const [args, message] of [
      [["--vars", "a"], /at least two different variables/],
      [["--vars", "a,nope"], /no column "nope"/],
      [["--vars", "a,text"], /"text" is not a numeric column: ego 1 \(line 2\) has "x"/],
      [["--vars", "a,b", "--control", "b"], /both correlated and controlled for/],
    ] as const) {
      const run = await runCli(["correlate", data, ...args]);
      expect(run.exitCode, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it("reads a readable table on request", async () => {
    const run = await runCli(["correlate", data, "--vars", "a,b", "--format", "md"]);
    // p APA style: no leading zero (r keeps its zero here).
    expect(run.stdout).toContain("| a | b | 7 | 0.849 | .016 | 0.265 | 0.977 |");
  });
});

describe("netsp correlate --method kendall", () => {
  it("gives R's τ-b and p on the thesis measures, with no confidence interval", async () => {
    // Rscript -e 'm <- read.csv("measures.csv"); t <- cor.test(m$network_size, m$density, method = "kendall");
    //   cat(sprintf("%.15g %.15g", t$estimate, t$p.value))'   (measures.csv of netsp analyse fixtures/thesis)
    // → -0.191389750587738 0.226670606146621; density–isolates → -0.469457900552031 0.00380506592603245 (ties: normal z).
    const run = await runCli(["correlate", "fixtures/thesis", "--vars", "network_size,density,isolates", "--method", "kendall", "--format", "json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const pairs = (JSON.parse(run.stdout) as { pairs: Array<{ x: string; y: string; r: number; p: number; ci_low: null }> }).pairs;
    const pair = (x: string, y: string) => pairs.find((p) => p.x === x && p.y === y)!;
    expect(pair("network_size", "density").r).toBeCloseTo(-0.191389750587738, 13);
    expect(pair("network_size", "density").p).toBeCloseTo(0.226670606146621, 13);
    expect(pair("density", "isolates").r).toBeCloseTo(-0.469457900552031, 13);
    expect(pair("density", "isolates").p).toBeCloseTo(0.00380506592603245, 15);
    expect(pair("density", "isolates").ci_low).toBeNull();
  });
});

describe("netsp correlate --exact", () => {
  it("adds Spearman's exact p beside the t p: n = 3, ρ = −1 gives 1/3 where t gives 0", async () => {
    const small = path.join(dir, "small.csv");
    writeFileSync(small, "ego_id,a,b\ne1,1,3\ne2,2,2\ne3,3,1\n");
    // R: cor.test(1:3, 3:1, method = "spearman", exact = TRUE)$p.value → 0.3333333 (t approximation: p = 0).
    const run = await runCli(["correlate", small, "--vars", "a,b", "--method", "spearman", "--exact", "--format", "json"]);
    expect(run.exitCode, run.stderr).toBe(0);
    const [pair] = (JSON.parse(run.stdout) as { pairs: Array<{ r: number; p: number; p_exact: number }> }).pairs;
    expect(pair.r).toBe(-1);
    expect(pair.p).toBe(0);
    expect(pair.p_exact).toBeCloseTo(1 / 3, 15);
    const md = await runCli(["correlate", small, "--vars", "a,b", "--method", "spearman", "--exact", "--format", "md"]);
    expect(md.stdout).toContain("| a | b | 3 | -1.000 | < .001 | .333 |");
    const pearsonOnly = await runCli(["correlate", small, "--vars", "a,b", "--exact", "--format", "json"]);
    expect((JSON.parse(pearsonOnly.stdout) as { pairs: Array<{ p_exact: null }> }).pairs[0].p_exact).toBeNull();
  });
});
