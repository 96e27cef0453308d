import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-synth-egos-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), "utf8")]));

describe("netsp synth --egos", () => {
  it("writes the same cohort twice for one seed, and another for another seed", async () => {
    const args = ["synth", "--egos", "25", "--alters", "15", "--density", "0.2", "--types", "2", "--format", "merged", "-q"];
    expect(await runCli([...args, "--out", path.join(root, "a")])).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await runCli([...args, "--out", path.join(root, "b")])).exitCode).toBe(0);
    expect((await runCli([...args, "--seed", "8", "--out", path.join(root, "c")])).exitCode).toBe(0);
    const a = files(path.join(root, "a"));
    expect(Object.keys(a).sort()).toEqual([
      "cohort.netcanvas",
      "cohort_attributeList_Organisation.csv",
      "cohort_attributeList_Person.csv",
      "cohort_edgeList_advice_support.csv",
      "cohort_edgeList_work_together.csv",
      "cohort_ego.csv",
      "netsp.config.json",
    ]);
    expect(files(path.join(root, "b"))).toEqual(a);
    expect(files(path.join(root, "c"))["cohort_ego.csv"]).not.toEqual(a["cohort_ego.csv"]);
    expect(a["cohort_ego.csv"].trim().split("\r\n")).toHaveLength(26);
    expect(JSON.parse(a["netsp.config.json"]).exclude).toEqual([{ variable: "link_worker", equals: true }]);
  });

  it("is analysed as written, with the colleagues off the sociogram and no problems", async () => {
    const dir = path.join(root, "three");
    expect((await runCli(["synth", "--egos", "30", "--format", "three-file", "--out", dir, "-q"])).exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["alters.csv", "egos.csv", "netsp.config.json", "ties.csv"]);
    const out = path.join(root, "three-results");
    const run = await runCli(["analyse", dir, "--out", out, "--quiet"]);
    expect(run.exitCode).toBe(0);
    const record = JSON.parse(readFileSync(path.join(out, "run.json"), "utf8"));
    expect(record.counts.egos).toBe(30);
    expect(record.errors).toEqual([]);
    const [header, ...rows] = readFileSync(path.join(out, "measures.csv"), "utf8").trim().split("\n");
    const excluded = header.split(",").indexOf("excluded_alters");
    expect(rows.some((r) => Number(r.split(",")[excluded]) > 0)).toBe(true);
  });

  it("--format graphml and merged-graphml: analysed with no problems; --force replaces the GraphML of an earlier run", async () => {
    for (const format of ["graphml", "merged-graphml"]) {
      const dir = path.join(root, format);
      expect((await runCli(["synth", "--egos", "12", "--alters", "10", "--format", format, "--out", dir, "-q"])).exitCode).toBe(0);
      const out = path.join(root, `${format}-results`);
      expect((await runCli(["analyse", dir, "--out", out, "--quiet"])).exitCode).toBe(0);
      const record = JSON.parse(readFileSync(path.join(out, "run.json"), "utf8"));
      expect(record.counts.egos, format).toBe(12);
      expect(record.errors, format).toEqual([]);
    }
    const dir = path.join(root, "graphml");
    // A merged file's .part, as an interrupted run leaves it, goes too.
    writeFileSync(path.join(dir, ".cohort.graphml.part"), "<graph>");
    const forced = await runCli(["synth", "--egos", "3", "--format", "merged-graphml", "--out", dir, "--force", "-q"]);
    expect(forced.exitCode).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["cohort.graphml", "cohort.netcanvas", "netsp.config.json"]);
  });

  it("refuses mixed or out-of-range options (exit 2)", async () => {
    const out = ["--out", path.join(root, "never")];
    const cases: Array<[string[], RegExp]> = [
      [["--egos", "10", "--targets", "fixtures/thesis/targets.csv"], /--targets or --egos, not both/],
      [["--targets", "fixtures/thesis/targets.csv", "--alters", "10"], /--alters goes with --egos/],
      [["--targets", "fixtures/thesis/targets.csv", "--format", "three-file"], /three-file goes with --egos/],
      [["--egos", "0"], /--egos: expected a whole number from 1/],
      [["--egos", "ten"], /--egos: expected a whole number/],
      [["--egos", "5", "--density", "1.5"], /--density: expected a number from 0 to 1/],
      [["--egos", "5", "--types", "0"], /--types: expected a whole number from 1 to 31/],
      [[], /needs --targets <csv> .* or --egos <n>/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(["synth", ...args, ...out]);
      expect(r.exitCode, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
