import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";

/**
 * The whole path — reader, ego graph, measures — on the real sample export, against values computed straight
 * from its CSV files with networkx: `python3 test/reference/make_radar_expected.py` (radar-expected.json).
 */
const expected = JSON.parse(readFileSync(new URL("./radar-expected.json", import.meta.url), "utf8")) as {
  egos: Record<string, Record<string, number | string | null>>;
};
const input = fileURLToPath(new URL("../../fixtures/network-canvas-radar", import.meta.url));

describe("the Network Canvas sample export, end to end", () => {
  it("matches networkx and the hand composition for every ego and measure", async () => {
    const problems = new ProblemList();
    const dataset = await openDataset(input, { config: {}, egoIdField: "caseId", problems });
    const plan = makeStudyPlan(dataset.codebook, {});
    const { table } = await measureDataset(dataset, plan, { groupVariables: [] });
    expect(problems.errors).toEqual([]);
    expect(table.rows.map((r) => r.ego_id)).toEqual(["case_1", "case_2", "case_3", "case_4", "case_5", "case_6", "case_7", "case_8", "case_9", "case_10"]);
    const wrong: string[] = [];
    for (const row of table.rows) {
      for (const [id, want] of Object.entries(expected.egos[row.ego_id as string])) {
        const got = row[id];
        const ok =
          typeof want === "number" && typeof got === "number" ? Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) : got === want;
        if (!ok) wrong.push(`${row.ego_id} ${id}: netsp ${got}, reference ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
