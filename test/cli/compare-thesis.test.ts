/**
 * Thesis Tables 6 and 7 (Mann–Whitney U, LW01–LW05 "No" vs the other 16 "Yes"), reproduced through the CLI from
 * the per-ego rows derived from the published Tables 5 and 12. Expected values are the published figures
 * (fixtures/thesis/published/published_tables.md), plus R coin for the exact p.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const PUBLISHED = new URL("../../fixtures/thesis/published/", import.meta.url);
const DERIVED = "fixtures/thesis/published/derived/ego-rows.csv";

function readCsv(url: URL): Array<Record<string, string>> {
  return parse(readFileSync(url, "utf8"), { columns: true, skip_empty_lines: true });
}

describe("the derived per-ego rows", () => {
  it("follow from Tables 5 and 12 (re-derived here)", () => {
    const participants = new Map(readCsv(new URL("table05_participants.csv", PUBLISHED)).map((r) => [r.id, r]));
    const table12 = readCsv(new URL("table12_subgroups.csv", PUBLISHED));
    const derived = readCsv(new URL(`../../${DERIVED}`, import.meta.url));
    expect(derived.length).toBe(21);
    table12.forEach((r, i) => {
      // "{1: 18, 2: 12, 3: 4, 4: 6}" → 18 + 12 + 4 + 6
      const cored = [...r.core_distribution.matchAll(/\d+:\s*(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
      const lwAlters = Number(r.network_size) - (cored + Number(r.isolates));
      const row = derived[i];
      expect(row.id).toBe(r.id);
      expect(Number(row.network_size)).toBe(Number(r.network_size));
      expect(Number(row.excluded_alters)).toBe(lwAlters);
      expect(row.lw_question_asked).toBe(["LW01", "LW02", "LW03", "LW04", "LW05"].includes(r.id) ? "No" : "Yes");
      expect(Number(row.months_in_post)).toBe(Number(participants.get(r.id)!.months_in_post));
    });
  });
});

describe("netsp compare reproduces thesis Tables 6 and 7", () => {
  const args = ["compare", DERIVED, "--by", "lw_question_asked", "--measures", "network_size,excluded_alters"];

  it("in JSON: U, W, Z, p, mean ranks and rank sums", async () => {
    const run = await runCli([...args, "--format", "json"]);
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.by).toBe("lw_question_asked");
    expect(out.levels).toEqual(["No", "Yes"]);
    const [total, lw] = out.results;
    // Table 6: total alters No 5, 8.00, 40.00; Yes 16, 11.94, 191.00. LW alters No 5, 6.60, 33.00; Yes 16, 12.38, 198.00.
    expect(total.groups.map((g: { n: number }) => g.n)).toEqual([5, 16]);
    expect(total.groups.map((g: { rank_sum: number }) => g.rank_sum)).toEqual([40, 191]);
    expect(total.groups.map((g: { mean_rank: number }) => g.mean_rank.toFixed(2))).toEqual(["8.00", "11.94"]);
    expect(lw.groups.map((g: { rank_sum: number }) => g.rank_sum)).toEqual([33, 198]);
    expect(lw.groups.map((g: { mean_rank: number }) => g.mean_rank.toFixed(2))).toEqual(["6.60", "12.38"]);
    // Table 7: U 25.000 / 18.000, W 40.000 / 33.000, Z −1.239 / −1.833, Asymp. Sig. .215 / .067.
    expect([total.test, total.u, total.w, lw.u, lw.w]).toEqual(["mann-whitney", 25, 40, 18, 33]);
    expect(total.z.toFixed(3)).toBe("-1.239");
    expect(lw.z.toFixed(3)).toBe("-1.833");
    expect(total.p.toFixed(3)).toBe("0.215");
    expect(lw.p.toFixed(3)).toBe("0.067");
    // python3 -c "import scipy.stats as st; print(st.mannwhitneyu([56,32,34,25,67],[54,68,48,35,33,48,45,42,71,49,
    //   133,66,55,43,45,57],method='asymptotic',use_continuity=False).pvalue)" → 0.21520136375194188
    expect(Math.abs(total.p - 0.21520136375194188)).toBeLessThan(1e-12);
    // Rscript -e 'library(coin); d <- read.csv("fixtures/thesis/published/derived/ego-rows.csv");
    //   pvalue(wilcox_test(network_size ~ factor(lw_question_asked), data = d, distribution = exact()))'
    //   → 0.23205071502285124 (excluded_alters: 0.068996019460415753)
    expect(Math.abs(total.p_exact - 0.23205071502285124)).toBeLessThan(1e-12);
    expect(Math.abs(lw.p_exact - 0.068996019460415753)).toBeLessThan(1e-12);
    expect(run.stdout).not.toMatch(/NaN/);
  });

  it("in SPSS layout, printed as the thesis prints it", async () => {
    const run = await runCli([...args, "--layout", "spss", "--format", "md"]);
    expect(run.exitCode).toBe(0);
    const lines = run.stdout.split("\n");
    for (const expected of [
      "| network_size | No | 5 | 8.00 | 40.00 |",
      "|  | Yes | 16 | 11.94 | 191.00 |",
      "|  | Total | 21 |  |  |",
      "| excluded_alters | No | 5 | 6.60 | 33.00 |",
      "|  | Yes | 16 | 12.38 | 198.00 |",
      "| Mann-Whitney U | 25.000 | 18.000 |",
      "| Wilcoxon W | 40.000 | 33.000 |",
      "| Z | -1.239 | -1.833 |",
      "| Asymp. Sig. (2-tailed) | .215 | .067 |",
      "| Exact Sig. (2-tailed) | .232 | .069 |",
    ]) {
      expect(lines).toContain(expected);
    }
    expect(run.stdout).toContain("| N | Mean Rank | Sum of Ranks |");
  });

  it("levels default to the sorted values, and --levels reorders them (U, |Z|, p unchanged)", async () => {
    const run = await runCli([...args, "--levels", "Yes,No", "--format", "json"]);
    const out = JSON.parse(run.stdout);
    expect(out.levels).toEqual(["Yes", "No"]);
    expect(out.results[0].u).toBe(25);
    expect(out.results[0].w).toBe(40); // still the "No" rank sum: its U equals U
    expect(out.results[0].z.toFixed(3)).toBe("-1.239");
    expect(out.results[0].rank_biserial).toBeCloseTo(1 - (2 * 25) / 80, 12); // 2·U(Yes)/(16·5) − 1 = 2·55/80 − 1
  });
});

describe("netsp correlate reproduces the thesis text figure", () => {
  it("r = 0.782 for months in post vs network size", async () => {
    const run = await runCli(["correlate", DERIVED, "--vars", "months_in_post,network_size", "--format", "json"]);
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.method).toBe("pearson");
    const [pair] = out.pairs;
    expect([pair.x, pair.y, pair.n]).toEqual(["months_in_post", "network_size", 21]);
    expect(pair.r.toFixed(3)).toBe("0.782");
    // python3 -c "import csv, scipy.stats as st; r=list(csv.DictReader(open('fixtures/thesis/published/derived/ego-rows.csv')));
    //   res=st.pearsonr([float(x['months_in_post']) for x in r],[float(x['network_size']) for x in r]);
    //   print(res.statistic, res.pvalue, res.confidence_interval(0.95))"
    //   → 0.7820179844387409 2.8180927475606303e-05 (0.5288711310083444, 0.9073839103808208)
    expect(Math.abs(pair.r - 0.7820179844387409)).toBeLessThan(1e-12);
    expect(Math.abs(pair.p - 2.8180927475606303e-5) / 2.8180927475606303e-5).toBeLessThan(1e-9);
    expect(Math.abs(pair.ci_low - 0.5288711310083444)).toBeLessThan(1e-12);
    expect(Math.abs(pair.ci_high - 0.9073839103808208)).toBeLessThan(1e-12);
  });
});
