import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { netsp, outputs } from "./bin-outputs.js";
import { faultyCohort } from "./faulty-cohort.js";
import { faultyGraphml, faultyThreeFile } from "./faulty-studies.js";

// Worker threads run compiled code: these tests run the installed command, built by the global setup.
const root = mkdtempSync(path.join(tmpdir(), "netsp-jobs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("--jobs: the same output from any number of worker threads", () => {
  it("netsp analyse on a merged cohort of 600 egos: every file identical with 1, 2 and 3 threads", () => {
    const data = path.join(root, "cohort");
    expect(netsp("synth", "--egos", "600", "--alters", "30", "--format", "merged", "--out", data, "--quiet").code).toBe(0);
    const results = [1, 2, 3].map((jobs) => {
      const out = path.join(root, `analyse-${jobs}`);
      const r = netsp("analyse", data, "--out", out, "--jobs", String(jobs), "--quiet");
      expect(r.code, r.stderr).toBe(0);
      return outputs(out);
    });
    expect(Object.keys(results[0])).toEqual(expect.arrayContaining(["measures.csv", "alters.csv", "ties.csv"]));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("with errors and warnings whose wording depends on earlier egos: the same report, problems and measures", () => {
    const data = faultyCohort(path.join(root, "faulty"));
    const results = [1, 2].map((jobs) => {
      const out = path.join(root, `faulty-${jobs}`);
      const r = netsp("analyse", data, "--out", out, "--jobs", String(jobs), "--keep-going", "--quiet");
      expect(r.code, r.stderr).toBe(0);
      return outputs(out);
    });
    expect((results[0]["run.json"] as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    expect(results[1]).toEqual(results[0]);
    const measures = [1, 2].map((jobs) => netsp("measures", data, "--jobs", String(jobs), "--format", "csv"));
    expect(measures[0].code).toBe(1); // errors in the data: nothing written, the errors listed
    expect(measures[1]).toEqual(measures[0]);
  });

  it("GraphML and three-table cohorts: measures.csv byte for byte, and every file of analyse, the same with 1 and 2 threads", () => {
    for (const format of ["merged-graphml", "graphml", "three-file"]) {
      const data = path.join(root, `clean-${format}`);
      // Large enough for the opening scans to run in threads too (GraphML from 4 MiB, a table from 1 MiB).
      const alters = format === "three-file" ? "60" : "20";
      expect(netsp("synth", "--egos", "300", "--alters", alters, "--format", format, "--out", data, "--quiet").code).toBe(0);
      const measures = [1, 2].map((jobs) => {
        const out = path.join(root, `measures-${format}-${jobs}.csv`);
        const r = netsp("measures", data, "--jobs", String(jobs), "--out", out);
        expect(r.code, r.stderr).toBe(0);
        return { ...r, stderr: r.stderr.replace(out, "<out>"), csv: readFileSync(out, "utf8") };
      });
      expect(measures[0].csv.split("\n").length).toBeGreaterThan(300);
      expect(measures[1]).toEqual(measures[0]);
    }
    const faulty = { graphml: faultyGraphml(path.join(root, "faulty-graphml"), "merged-graphml"), threeFile: faultyThreeFile(path.join(root, "faulty-three-file")) };
    for (const [name, data] of Object.entries(faulty)) {
      const results = [1, 2].map((jobs) => {
        const out = path.join(root, `analyse-${name}-${jobs}`);
        const r = netsp("analyse", data, "--out", out, "--jobs", String(jobs), "--keep-going", "--quiet");
        expect(r.code, r.stderr).toBe(0);
        return { stderr: r.stderr, files: outputs(out) };
      });
      expect(Object.keys(results[0].files)).toContain("measures.csv");
      expect(results[1]).toEqual(results[0]);
    }
  });

  it("refuses a number of threads that is not a whole number from 1 (exit 2)", () => {
    expect(netsp("measures", "fixtures/network-canvas-radar", "--jobs", "0").code).toBe(2);
    expect(netsp("measures", "fixtures/network-canvas-radar", "--jobs", "two").code).toBe(2);
  });
});
