/** `netsp compare`: inputs, levels, formats and the named edge cases (each a clear error or null with a reason). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { adjustPValues } from "../../src/stats/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "netsp-compare-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(args: string[]): Promise<any> {
  const run = await runCli([...args, "--format", "json"]);
  expect(run.stderr).not.toMatch(/error/);
  expect(run.exitCode).toBe(0);
  expect(run.stdout).not.toMatch(/NaN|Infinity/);
  return JSON.parse(run.stdout);
}

const rows = file(
  "rows.csv",
  [
    "ego_id,group,size,constant,label,three",
    "e1,A,10,5,x,p",
    "e2,A,12,5,y,q",
    "e3,A,NA,5,z,r",
    "e4,B,20,5,w,p",
    "e5,B,,5,v,q",
    "e6,B,25,5,u,r",
    "e7,C,30,5,t,p",
    "e8,,40,5,s,q",
  ].join("\n") + "\n",
);

describe("a group of one", () => {
  it("is compared; its sd is null with a reason", async () => {
    const out = await json(["compare", rows, "--by", "group", "--levels", "A,C", "--measures", "size"]);
    const [r] = out.results;
    expect(r.groups.map((g: { n: number }) => g.n)).toEqual([2, 1]);
    // A = {10, 12}, C = {30}: ranks 1, 2 | 3. U_A = 3 − 3 = 0, U_C = 3 − 1 = 2; U = 0, W = 3.
    expect([r.u, r.w]).toEqual([0, 3]);
    expect(r.p).not.toBeNull();
    expect(r.groups[1].sd).toBeNull();
    expect(r.groups[1].reason).toMatch(/one value/);
  });
});

describe("all values tied", () => {
  it("gives null Z and p with a reason", async () => {
    const out = await json(["compare", rows, "--by", "group", "--levels", "A,B", "--measures", "constant"]);
    const [r] = out.results;
    expect([r.u, r.w]).toEqual([4.5, 10.5]); // every midrank 3.5; R_A = 10.5, U_A = 10.5 − 6 = 4.5 = n1n2/2
    expect([r.z, r.p, r.p_exact, r.r]).toEqual([null, null, null, null]);
    expect(r.reason).toMatch(/tied/);
  });
});

describe("a level with no egos", () => {
  it("is reported with n = 0 and left out of the test, as R does, with a note", async () => {
    const out = await json(["compare", rows, "--by", "group", "--levels", "A,B,D", "--measures", "size"]);
    const [r] = out.results;
    expect(r.test).toBe("kruskal-wallis");
    expect(r.groups.map((g: { level: string; n: number }) => [g.level, g.n])).toEqual([["A", 2], ["B", 2], ["D", 0]]);
    // A = {10, 12}, B = {20, 25}: ranks 1, 2 | 3, 4.
    // unlist(kruskal.test(c(10, 12, 20, 25, NA), factor(c('A', 'A', 'B', 'B', 'D')))[c('statistic', 'parameter', 'p.value')])
    //   → 2.3999999999999986 1 0.12133525035848212
    expect(Math.abs(r.h - 2.3999999999999986)).toBeLessThanOrEqual(1e-9 * 2.4);
    expect(r.df).toBe(1);
    expect(Math.abs(r.p - 0.12133525035848212)).toBeLessThanOrEqual(1e-9 * 0.12133525035848212);
    expect(r.reason).toBeNull();
    expect(r.note).toBe('no values in level "D": left out of the test (df = 1)');
    expect(r.groups.map((g: { mean_rank: number | null }) => g.mean_rank)).toEqual([1.5, 3.5, null]);
    expect(r.pairwise.map((p: { p: number | null }) => p.p === null)).toEqual([false, true, true]);
    expect(r.pairwise[1].reason).toMatch(/"D"/);
  });
  it("warns on stderr", async () => {
    const run = await runCli(["compare", rows, "--by", "group", "--levels", "A,B,D", "--measures", "size", "--format", "csv"]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/no egos in level "D"/);
  });
  it("is a usage error when fewer than two levels have egos", async () => {
    const run = await runCli(["compare", rows, "--by", "group", "--levels", "A,D", "--measures", "size"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/at least two levels.*only "A"/);
  });
});

describe("missing values", () => {
  it("are left out per measure, counted, and egos without a group value are reported", async () => {
    const run = await runCli(["compare", rows, "--by", "group", "--levels", "A,B", "--measures", "size", "--format", "json"]);
    const out = JSON.parse(run.stdout);
    const [r] = out.results;
    expect(r.groups.map((g: { n: number; missing: number }) => [g.n, g.missing])).toEqual([[2, 1], [2, 1]]);
    expect(r.n).toBe(4);
    // A = {10, 12}, B = {20, 25}: U = 0, W = 3; exact p = 2/C(4,2) = 1/3.
    expect([r.u, r.w]).toEqual([0, 3]);
    expect(r.p_exact).toBeCloseTo(1 / 3, 15);
    expect(run.stderr).toMatch(/1 ego with no group value left out/);
    expect(run.stderr).toMatch(/1 ego with group = C \(not among the levels compared\) left out/);
  });
});

describe("a non-numeric column", () => {
  it("is a usage error naming the column, the ego and the line", async () => {
    const run = await runCli(["compare", rows, "--by", "group", "--measures", "size,label"]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/"label" is not a numeric column: ego e1 \(line 2\) has "x"/);
    expect(run.stdout).toBe("");
  });
});

describe("usage errors", () => {
  it("unknown grouping or measure column, --layout spss with csv, no input", async () => {
    const noBy = await runCli(["compare", rows, "--by", "nope"]);
    expect(noBy.exitCode).toBe(2);
    expect(noBy.stderr).toMatch(/no column "nope".*columns: ego_id, group/);
    const noMeasure = await runCli(["compare", rows, "--by", "group", "--measures", "density"]);
    expect(noMeasure.exitCode).toBe(2);
    expect(noMeasure.stderr).toMatch(/no measure column "density"/);
    const noDefault = await runCli(["compare", rows, "--by", "group"]);
    expect(noDefault.exitCode).toBe(2);
    expect(noDefault.stderr).toMatch(/none of the default measures/);
    const spssCsv = await runCli(["compare", rows, "--by", "group", "--measures", "size", "--layout", "spss", "--format", "csv"]);
    expect(spssCsv.exitCode).toBe(2);
    const empty = mkdtempSync(path.join(dir, "empty-"));
    const noInput = await runCli(["compare", "--by", "group"], { cwd: empty });
    expect(noInput.exitCode).toBe(2);
    expect(noInput.stderr).toMatch(/no input given/);
    const missingBy = await runCli(["compare", rows]);
    expect(missingBy.exitCode).toBe(2);
    const missingFile = await runCli(["compare", path.join(dir, "absent.csv"), "--by", "group"]);
    expect(missingFile.exitCode).toBe(1);
    expect(missingFile.stderr).toMatch(/no such file/);
  });
});

describe("input tables", () => {
  it("semicolon-separated with decimal commas, and tab-separated, read the same as CSV", async () => {
    const comma = file("c.csv", "id,g,v\na,x,1.5\nb,x,2\nc,y,3.25\nd,y,4\n");
    const semi = file("s.csv", "id;g;v\na;x;1,5\nb;x;2\nc;y;3,25\nd;y;4\n");
    const tab = file("t.tsv", "id\tg\tv\na\tx\t1.5\nb\tx\t2\nc\ty\t3.25\nd\ty\t4\n");
    const expected = await json(["compare", comma, "--by", "g", "--measures", "v"]);
    for (const f of [semi, tab]) {
      const out = await json(["compare", f, "--by", "g", "--measures", "v"]);
      expect(out.results).toEqual(expected.results);
    }
    expect(expected.results[0].groups[0].median).toBe(1.75);
  });
  it("a ragged row is an input error with the line", async () => {
    const bad = file("bad.csv", "id,g,v\na,x,1\nb,x\n");
    const run = await runCli(["compare", bad, "--by", "g", "--measures", "v"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv:3/);
  });
});

describe("study configuration", () => {
  it("aliases, level order and labels, and the data named in netsp.config.json", async () => {
    const study = mkdtempSync(path.join(dir, "study-"));
    writeFileSync(
      path.join(study, "egos.csv"),
      "ego_id,area_deprivation,network_size\n1,high,10\n2,low,3\n3,high,12\n4,low,5\n5,mixture,7\n6,high,11\n",
    );
    writeFileSync(
      path.join(study, "netsp.config.json"),
      JSON.stringify({
        data: "egos.csv",
        aliases: { deprivation: "area_deprivation" },
        groups: { area_deprivation: { levels: ["low", "high"], labels: { low: "Low", high: "High" }, label: "Area deprivation" } },
      }),
    );
    const run = await runCli(["compare", "--by", "deprivation", "--format", "json"], { cwd: study });
    expect(run.exitCode).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.by).toBe("area_deprivation");
    expect(out.levels).toEqual(["low", "high"]);
    expect(out.results.map((r: { measure: string }) => r.measure)).toEqual(["network_size"]);
    expect(out.results[0].groups[0]).toMatchObject({ level: "low", label: "Low", n: 2, rank_sum: 3 });
    expect(run.stderr).toMatch(/area_deprivation = mixture/);
    const md = await runCli(["compare", "--by", "deprivation", "--levels", "Low,High", "--format", "md"], { cwd: study });
    expect(md.stdout).toContain("## Groups by Area deprivation");
    expect(md.stdout).toContain("| network_size | Low | 2 |");
  });
});

describe("three or more levels", () => {
  it("CSV: an overall Kruskal–Wallis row and one pairwise row per pair", async () => {
    const three = file("three.csv", "id,g,v\n1,a,1\n2,a,2\n3,b,3\n4,b,4\n5,c,5\n6,c,6\n");
    const run = await runCli(["compare", three, "--by", "g", "--measures", "v", "--format", "csv"]);
    expect(run.exitCode).toBe(0);
    const table = parse(run.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(table.map((r) => [r.test, r.level_a, r.level_b])).toEqual([
      ["kruskal-wallis", "", ""],
      ["pairwise", "a", "b"],
      ["pairwise", "a", "c"],
      ["pairwise", "b", "c"],
    ]);
    // H = 12/(6·7) · Σ nᵢ(R̄ᵢ − 3.5)² = (2/7)·(8 + 0 + 8) = 32/7; Dunn (a, c): (1.5 − 5.5)/√(3.5) (see dunn.ts example).
    expect(Number(table[0].h)).toBeCloseTo(32 / 7, 14);
    expect(Number(table[0].mean_rank_b)).toBe(3.5);
    expect(Number(table[2].dunn_z)).toBeCloseTo(-4 / Math.sqrt(3.5), 14);
    expect(Number(table[2].dunn_p_bonferroni)).toBeCloseTo(3 * Number(table[2].dunn_p), 14);
    const spss = await runCli(["compare", three, "--by", "g", "--measures", "v", "--format", "md", "--layout", "spss"]);
    expect(spss.stdout).toContain("| Kruskal-Wallis H | 4.571 |");
    expect(spss.stdout).toContain("| v | a-c | -4.000 | 1.871 | -2.138 | .033 | .098 |");
  });
  it("--out writes the file, its format from the extension", async () => {
    const three = file("three2.csv", "id,g,v\n1,a,1\n2,a,2\n3,b,3\n4,b,4\n5,c,5\n6,c,6\n");
    const out = path.join(dir, "result.json");
    const run = await runCli(["compare", three, "--by", "g", "--measures", "v", "--out", out]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(out, "utf8")).results[0].test).toBe("kruskal-wallis");
  });
});

describe("an interview export as input", () => {
  it("is measured, then compared (fixtures/network-canvas-radar)", async () => {
    const out = await json(["compare", "fixtures/network-canvas-radar", "--by", "MarijuanaUsed", "--measures", "network_size,density"]);
    expect(out.levels).toEqual(["false", "true"]);
    const [size, density] = out.results;
    // Independent count: python3 -c "import csv,glob; [print(list(csv.DictReader(open(e)))[0]['MarijuanaUsed'],
    //   sum(len(list(csv.DictReader(open(f)))) for f in glob.glob(e[:-8]+'_attributeList_*.csv')))
    //   for e in sorted(glob.glob('fixtures/network-canvas-radar/*_ego.csv'))]"
    //   → network_size false: 5, 7, 9, 6; true: 6, 5, 6, 7, 5, 7
    // python3 -c "import scipy.stats as st; print(st.mannwhitneyu([5,7,9,6],[6,5,6,7,5,7],method='asymptotic',
    //   use_continuity=False))" → statistic 15.0 (U₁ of "false"), pvalue 0.5065551690490403
    expect(size.groups.map((g: { n: number }) => g.n)).toEqual([4, 6]);
    expect(size.u).toBe(9); // min(15, 4·6 − 15)
    expect(Math.abs(size.p - 0.5065551690490403)).toBeLessThan(1e-12);
    expect(density.test).toBe("mann-whitney");
    expect(density.u).not.toBeNull();
  });
});

describe("netsp compare --adjust", () => {
  it("adjusts each measure's p and exact p over the measures (holm, bonferroni, bh), beside the unadjusted ones", async () => {
    for (const method of ["holm", "bonferroni", "bh"] as const) {
      const run = await runCli(["compare", "fixtures/thesis", "--by", "lw_question_asked", "--adjust", method, "--format", "json"]);
      expect(run.exitCode, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as { adjust: string; results: Array<{ p: number | null; p_exact: number | null; p_adjusted: number | null; p_exact_adjusted: number | null }> };
      expect(out.adjust).toBe(method);
      expect(out.results.length).toBeGreaterThan(5);
      expect(out.results.map((r) => r.p_adjusted)).toEqual(adjustPValues(out.results.map((r) => r.p), method));
      expect(out.results.map((r) => r.p_exact_adjusted)).toEqual(adjustPValues(out.results.map((r) => r.p_exact), method));
    }
  });

  it("shows the adjusted p beside p in Markdown and CSV, says what it did, and refuses an unknown method (exit 2)", async () => {
    const md = await runCli(["compare", "fixtures/thesis", "--by", "deprivation", "--adjust", "holm", "--format", "md"]);
    expect(md.stdout).toContain("| measure | N | H | df | p | p (Holm) | ε² |");
    expect(md.stdout).toContain("Holm-adjusted p over the 11 measures of this table (= R p.adjust)");
    const csv = await runCli(["compare", "fixtures/thesis", "--by", "deprivation", "--adjust", "bonferroni", "--format", "csv"]);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    const overall = rows.filter((r) => r.test === "kruskal-wallis");
    expect(overall.map((r) => Number(r.p_adjusted))).toEqual(overall.map((r) => Math.min(1, Number(r.p) * overall.length)));
    const none = await runCli(["compare", "fixtures/thesis", "--by", "deprivation", "--format", "csv"]);
    expect(none.stdout.split("\n")[0]).not.toContain("p_adjusted");
    const bad = await runCli(["compare", "fixtures/thesis", "--by", "deprivation", "--adjust", "fdr"]);
    expect(bad.exitCode).toBe(2);
  });
});
