import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { netsp, outputs } from "./bin-outputs.js";

// Worker threads run compiled code: these tests run the installed command, built by the global setup.
const DATA = path.resolve("fixtures/real-exports/unfinished/csv");
const root = mkdtempSync(path.join(tmpdir(), "netsp-unfinished-bin-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("unfinished interviews through the installed command", () => {
  it("analyse: left out, listed in run.json and report.md apart from errors, the same with 1 and 2 threads", () => {
    const results = [1, 2].map((jobs) => {
      const out = path.join(root, `analyse-${jobs}`);
      const r = netsp("analyse", DATA, "--out", out, "--jobs", String(jobs));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("left out 3 unfinished: U3, U4, U5");
      return outputs(out);
    });
    expect(results[1]).toEqual(results[0]);
    const run = results[0]["run.json"] as { leftOut: string[]; leftOutUnfinished: unknown[]; counts: { egos: number; analysed: number }; notes: string[] };
    expect(run.leftOut).toEqual([]);
    expect(run.leftOutUnfinished).toEqual([
      { egoId: "U3", outcome: "terminated", alters: 2 },
      { egoId: "U4", outcome: "ineligible", alters: 0 },
      { egoId: "U5", outcome: "not finished", alters: 3 },
    ]);
    expect([run.counts.egos, run.counts.analysed]).toEqual([5, 2]);
    expect(run.notes.filter((n) => n.includes("unfinished"))).toHaveLength(1);
    const report = results[0]["report.md"] as string;
    expect(report).toContain("- Egos: 5 (3 unfinished, left out; 2 analysed)");
    expect(report).toContain("## Unfinished interviews left out");
    expect((results[0]["measures.csv"] as string).split("\n").filter((l) => l !== "")).toHaveLength(3);
  });

  it("--include-unfinished keeps them, in every command that reads a study", () => {
    const kept = [1, 2].map((jobs) => netsp("measures", DATA, "--include-unfinished", "--jobs", String(jobs), "--measures", "network_size", "--format", "csv"));
    expect(kept[0].code, kept[0].stderr).toBe(0);
    expect(kept[1]).toEqual(kept[0]);
    expect(kept[0].stdout.split("\n").filter((l) => l !== "").map((l) => l.split(",")[0])).toEqual(["ego_id", "U1", "U2", "U3", "U4", "U5"]);
    expect(kept[0].stderr).toContain("3 unfinished interviews kept, as --include-unfinished asks");
    const left = netsp("measures", DATA, "--measures", "network_size", "--format", "csv");
    expect(left.stdout.split("\n").filter((l) => l !== "")).toHaveLength(3);
    expect(left.stderr).toContain("3 unfinished interviews left out of every table (--include-unfinished keeps them)");

    const validate = netsp("validate", DATA, "--json");
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.stdout).warnings.filter((w: { code: string }) => w.code === "unfinished-interviews")).toHaveLength(1);

    const plot = netsp("plot", DATA, "--ego", "U3");
    expect(plot.code).toBe(2);
    expect(plot.stderr).toMatch(/not completed \(terminated\).*--include-unfinished/);
    expect(netsp("plot", DATA, "--ego", "U3", "--include-unfinished").code).toBe(0);
  });

  it("a folder of three export zips: one study", () => {
    const r = netsp("validate", path.resolve("fixtures/real-exports/three-zips/csv"), "--json");
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect([report.egos, report.alters, report.ties]).toEqual([5, 19, 8]);
  });
});
