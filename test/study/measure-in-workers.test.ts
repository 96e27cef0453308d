import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { writeCohort } from "../../src/synth/index.js";
import { faultyCohort } from "./faulty-cohort.js";
import { faultyGraphml, faultyThreeFile } from "./faulty-studies.js";
import { threadLikeWorkers } from "./thread-like-workers.js";

async function measure(input: string, jobs: number | undefined, withSink = true) {
  const loaded = await loadStudyConfig({ input });
  const problems = new ProblemList();
  const dataset = await openDataset(input, { config: loaded.config, protocol: loaded.protocolPath, egoIdField: "caseId", problems });
  const plan = makeStudyPlan(dataset.codebook, loaded.config);
  const measured = await measureDataset(dataset, plan, {
    groupVariables: plan.groupVariables.map((g) => g.id),
    jobs,
    problems: withSink ? problems : undefined,
    spawnWorker: jobs !== undefined && jobs > 1 ? threadLikeWorkers(jobs) : undefined,
  });
  return { rows: measured.table.rows, columns: measured.table.columns, counts: measured.counts, warnings: measured.warnings, problems: problems.problems };
}

const root = mkdtempSync(path.join(tmpdir(), "netsp-workers-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("measuring in workers gives what one thread gives", () => {
  it("a merged export with problems that depend on earlier egos: same rows, counts and problems, in the same order", async () => {
    const dir = faultyCohort(path.join(root, "faulty"));
    const one = await measure(dir, 1);
    expect(one.problems.map((p) => p.code).sort()).toEqual(
      ["duplicate-tie", "encrypted", "endpoint-of-other-ego", "no-alters", "not-a-number", "unknown-option"].sort(),
    );
    for (const jobs of [2, 3, 5]) expect(await measure(dir, jobs)).toEqual(one);
    // And what egos() gives (the reader's own pass, as validate reads).
    expect(await measure(dir, undefined, false)).toEqual(one);
  });

  it("per-session exports (the radar tutorial export)", async () => {
    const one = await measure("fixtures/network-canvas-radar", 1);
    expect(await measure("fixtures/network-canvas-radar", 4)).toEqual(one);
  });

  it("a merged export whose rows are not in ego order: read again, with the same result as the counting pass", async () => {
    const dir = path.join(root, "shuffled");
    writeCohort({ egos: 12, alters: 8, density: 0.3, types: 2, seed: 3, out: dir, format: "merged" });
    const file = path.join(dir, "cohort_attributeList_Person.csv");
    const [header, ...rows] = readFileSync(file, "utf8").split("\r\n").filter((l) => l !== "");
    const first = rows[0].split(",")[1];
    // The first ego's alters moved to the end of the file.
    const moved = [...rows.filter((r) => r.split(",")[1] !== first), ...rows.filter((r) => r.split(",")[1] === first)];
    writeFileSync(file, [header, ...moved].join("\r\n") + "\r\n");
    const counted = await measure(dir, undefined, false);
    expect(counted.rows[0].network_size).toBeGreaterThan(0);
    expect(await measure(dir, 1)).toEqual(counted);
    expect(await measure(dir, 3)).toEqual(counted);
  });

  it("a GraphML study, merged and one file per interview, with problems: the same for any number of threads as egos() gives", async () => {
    for (const format of ["merged-graphml", "graphml"] as const) {
      const dir = faultyGraphml(path.join(root, format), format);
      const read = await measure(dir, undefined, false);
      expect(read.problems.map((p) => p.code).sort()).toEqual(["duplicate-tie", "not-a-number"]);
      expect(read.rows.length).toBe(30);
      expect(await measure(dir, 1)).toEqual(read);
      for (const jobs of [2, 3]) expect(await measure(dir, jobs)).toEqual(read);
    }
  });

  it("a three-table study with problems, rows out of ego order among them: the same for any number of threads as egos() gives", async () => {
    const dir = faultyThreeFile(path.join(root, "three-file"));
    const read = await measure(dir, undefined, false);
    expect(read.problems.map((p) => p.code).sort()).toEqual(["duplicate-tie", "missing-type", "unknown-ego", "unknown-endpoint"]);
    expect(await measure(dir, 1)).toEqual(read);
    for (const jobs of [2, 3]) expect(await measure(dir, jobs)).toEqual(read);
  });
});
