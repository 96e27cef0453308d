import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList } from "../../src/model/index.js";
import { analyseStudy } from "../../src/study/analyse-study.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { unfinishedOutcome, unfinishedWarning } from "../../src/study/unfinished-interviews.js";
import { threadLikeWorkers } from "./thread-like-workers.js";

const CSV = path.resolve("fixtures/real-exports/unfinished/csv");
const GRAPHML = path.resolve("fixtures/real-exports/unfinished/graphml");

const root = mkdtempSync(path.join(tmpdir(), "netsp-unfinished-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function measure(input: string, options: { jobs?: number; includeUnfinished?: boolean; showEgoId?: (id: string) => string } = {}) {
  const problems = new ProblemList();
  const dataset = await openDataset(input, { config: {}, egoIdField: "caseId", problems });
  const plan = makeStudyPlan(dataset.codebook, {});
  const measured = await measureDataset(dataset, plan, {
    groupVariables: plan.groupVariables.map((g) => g.id),
    problems,
    jobs: options.jobs,
    includeUnfinished: options.includeUnfinished,
    showEgoId: options.showEgoId,
    spawnWorker: options.jobs !== undefined && options.jobs > 1 ? threadLikeWorkers(options.jobs) : undefined,
  });
  return { measured, problems: problems.problems };
}

describe("how an interview ended", () => {
  it("an outcome other than completed, else an empty sessionFinish; an empty outcome alone says nothing", () => {
    expect(unfinishedOutcome({ finishOutcome: "terminated", sessionFinish: "2024-07-03T11:35:14.250Z" })).toBe("terminated");
    expect(unfinishedOutcome({ finishOutcome: "ineligible" })).toBe("ineligible");
    expect(unfinishedOutcome({ finishOutcome: "completed", sessionFinish: "2024-07-01T10:04:14.250Z" })).toBeNull();
    expect(unfinishedOutcome({ finishOutcome: "", sessionFinish: "" })).toBe("not finished");
    expect(unfinishedOutcome({ finishOutcome: "", sessionFinish: "2024-07-01T10:04:14.250Z" })).toBeNull();
    expect(unfinishedOutcome({})).toBeNull(); // older exports, three-file tables: nothing to go on
    expect(unfinishedOutcome({ finishOutcome: "=HYPERLINK(\"x\")" })).toBe("unrecognised outcome");
  });
});

describe("unfinished interviews (Fresco's networkCanvasFinishOutcome and an empty sessionFinish)", () => {
  it("are left out by default, with one warning naming each, its outcome and its alters", async () => {
    const { measured } = await measure(CSV);
    expect(measured.table.rows.map((r) => r.ego_id)).toEqual(["U1", "U2"]);
    expect(measured.egoCount).toBe(2);
    expect(measured.unfinished).toEqual([
      { egoId: "U3", outcome: "terminated", alters: 2 },
      { egoId: "U4", outcome: "ineligible", alters: 0 },
      { egoId: "U5", outcome: "not finished", alters: 3 },
    ]);
    const warnings = measured.warnings.filter((w) => w.includes("unfinished"));
    expect(warnings).toEqual([
      "3 unfinished interviews left out of every table (--include-unfinished keeps them): " +
        "U3 (terminated, 2 alters), U4 (ineligible, 0 alters), U5 (not finished, 3 alters)",
    ]);
    // What was read is counted in full: 5 egos, 14 Person alters, 6 Knows ties (expected-model.json).
    expect(measured.counts).toMatchObject({ egos: 5, alters: 14, ties: 6, nodeTypes: { Person: 14 }, edgeTypes: { Knows: 6 } });
  });

  it("--include-unfinished keeps them, and the warning says so", async () => {
    const { measured } = await measure(CSV, { includeUnfinished: true });
    expect(measured.table.rows.map((r) => [r.ego_id, r.network_size])).toEqual([
      ["U1", 4],
      ["U2", 5],
      ["U3", 2],
      ["U4", 0],
      ["U5", 3],
    ]);
    expect(measured.warnings.filter((w) => w.includes("unfinished"))).toEqual([
      "3 unfinished interviews kept, as --include-unfinished asks: U3 (terminated, 2 alters), U4 (ineligible, 0 alters), U5 (not finished, 3 alters)",
    ]);
  });

  it("the same rows, warnings and problems with one thread and with worker threads", async () => {
    const one = await measure(CSV, { jobs: 1 });
    for (const jobs of [2, 3]) {
      const many = await measure(CSV, { jobs });
      expect(many.measured.table).toEqual(one.measured.table);
      expect(many.measured.warnings).toEqual(one.measured.warnings);
      expect(many.measured.unfinished).toEqual(one.measured.unfinished);
      expect(many.problems).toEqual(one.problems);
    }
    // And what egos() gives (no problem sink: the reader's own pass).
    const problems = new ProblemList();
    const dataset = await openDataset(CSV, { config: {}, egoIdField: "caseId", problems });
    const plan = makeStudyPlan(dataset.codebook, {});
    const plain = await measureDataset(dataset, plan, { groupVariables: plan.groupVariables.map((g) => g.id) });
    expect(plain.table).toEqual(one.measured.table);
  });

  it("GraphML: nc:sessionFinish=\"\" is not finished, nc:finishOutcome is read as in the CSV", async () => {
    const { measured } = await measure(GRAPHML);
    expect(measured.unfinished).toEqual([{ egoId: "U5", outcome: "not finished", alters: 3 }]);
    expect(measured.table.rows.map((r) => r.ego_id)).toEqual(["U1", "U2", "U3", "U4"]);

    const dir = path.join(root, "graphml-outcome");
    cpSync(GRAPHML, dir, { recursive: true });
    const u3 = readdirSync(dir).find((n) => n.startsWith("U3_"))!;
    const text = readFileSync(path.join(dir, u3), "utf8");
    writeFileSync(path.join(dir, u3), text.replace('nc:caseId="U3"', 'nc:caseId="U3" nc:finishOutcome="terminated"'));
    const outcome = await measure(dir);
    expect(outcome.measured.unfinished.map((u) => [u.egoId, u.outcome])).toEqual([
      ["U3", "terminated"],
      ["U5", "not finished"],
    ]);
  });

  it("ego ids in the warning are shown as the caller shows them (pseudonyms)", async () => {
    const { measured } = await measure(CSV, { showEgoId: (id) => `ego-${id.toLowerCase()}` });
    const warning = measured.warnings.find((w) => w.includes("unfinished"))!;
    expect(warning).toContain("ego-u3 (terminated, 2 alters)");
    expect(warning).not.toMatch(/\bU[345]\b/);
  });

  it("analyse lists them apart from egos left out for errors", async () => {
    const analysis = await analyseStudy({ input: CSV, cwd: root });
    expect(analysis.leftOut).toEqual([]);
    expect(analysis.leftOutUnfinished.map((u) => u.egoId)).toEqual(["U3", "U4", "U5"]);
    expect(analysis.measures.rows.map((r) => r.ego_id)).toEqual(["U1", "U2"]);
    expect(analysis.notes.filter((n) => n.includes("unfinished"))).toHaveLength(1);
    const kept = await analyseStudy({ input: CSV, cwd: root, includeUnfinished: true });
    expect(kept.leftOutUnfinished).toEqual([]);
    expect(kept.measures.rows).toHaveLength(5);
  });

  it("the wording: one interview, and none", () => {
    expect(unfinishedWarning([{ egoId: "A", outcome: "terminated", alters: 1 }], false)).toBe(
      "1 unfinished interview left out of every table (--include-unfinished keeps it): A (terminated, 1 alter)",
    );
    expect(unfinishedWarning([], false)).toBeNull();
  });
});
