import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/ingest/dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { Codebook, EgoNetwork, StudyConfig } from "../../src/model/index.js";
import { compareEgoIds, measureDataset } from "../../src/study/measure-ego-rows.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";

function datasetOf(codebook: Codebook, networks: EgoNetwork[]): Dataset {
  return {
    format: "network-canvas-csv",
    input: "memory",
    files: [],
    codebook,
    async *egos() {
      for (const n of networks) yield n;
    },
  };
}

const codebook = makeCodebook({
  node: { Person: { sector: "text" } },
  ego: { deprivation: ["high", "low"], caseload: "number", note: "text", lw_asked: "boolean" },
});

describe("measureDataset", () => {
  const networks = ["case_10", "case_2", "case_1", "Case_3"].map((egoId, i) =>
    makeNetwork({
      egoId,
      egoAttributes: { deprivation: [i % 2 ? "high" : "low"], caseload: 10 * (i + 1), note: "x", lw_asked: i > 1 },
      alters: ["a", "b", "c"].slice(0, i + 1),
      ties: i >= 1 ? [["a", "b"]] : [],
    }),
  );

  it("gives one row per ego, sorted naturally by ego id: ego_id, group variables, measures", async () => {
    const plan = makeStudyPlan(codebook, {});
    const result = await measureDataset(datasetOf(codebook, networks), plan, {
      measures: ["network_size", "ties"],
      groupVariables: plan.groupVariables.map((g) => g.id),
    });
    expect(result.table.columns.map((c) => c.id)).toEqual(["ego_id", "deprivation", "lw_asked", "network_size", "ties"]);
    expect(result.table.rows).toEqual([
      { ego_id: "case_1", deprivation: "low", lw_asked: true, network_size: 3, ties: 1 },
      { ego_id: "case_2", deprivation: "high", lw_asked: false, network_size: 2, ties: 1 },
      { ego_id: "Case_3", deprivation: "high", lw_asked: true, network_size: 3, ties: 1 },
      { ego_id: "case_10", deprivation: "low", lw_asked: false, network_size: 1, ties: 0 },
    ]);
    expect(result.egoCount).toBe(4);
  });

  it("uses config.groups (aliases resolved) instead of the codebook's categorical ego variables", async () => {
    const config: StudyConfig = { aliases: { dep: "deprivation" }, groups: { dep: {} }, denominators: ["caseload"] };
    const plan = makeStudyPlan(codebook, config);
    expect(plan.groupVariables).toEqual([{ id: "dep", variable: "deprivation" }]);
    const progress: number[] = [];
    const result = await measureDataset(datasetOf(codebook, networks), plan, {
      measures: ["alters_per_caseload"],
      groupVariables: plan.groupVariables.map((g) => g.id),
      onProgress: (n) => progress.push(n),
    });
    expect(result.table.rows[0]).toEqual({ ego_id: "case_1", dep: "low", alters_per_caseload: 3 / 30 });
    expect(progress).toEqual([1, 2, 3, 4]);
  });

  it("takes K from the categories observed over all egos when neither config nor codebook lists them, and says so", async () => {
    const plan = makeStudyPlan(codebook, { composition: { sector: {} } });
    expect(plan.composition[0].categories).toBeNull();
    const data = [
      makeNetwork({ egoId: "e1", alters: [{ id: "a", attributes: { sector: "vcs" } }, { id: "b", attributes: { sector: "vcs" } }] }),
      makeNetwork({ egoId: "e2", alters: [{ id: "a", attributes: { sector: "health" } }, { id: "b", attributes: { sector: "nhs" } }] }),
    ];
    const result = await measureDataset(datasetOf(codebook, data), plan, { groupVariables: [] });
    const ids = result.measureColumns.map((c) => c.id);
    expect(ids).toContain("count_sector_health");
    expect(ids.indexOf("count_sector_health")).toBeLessThan(ids.indexOf("share_sector_health"));
    const [e1, e2] = result.table.rows;
    // K = 3 observed (health, nhs, vcs). e1: Blau 0, IQV 0; e2: Blau 1 − (1/4 + 1/4) = 0.5, IQV 0.5 / (1 − 1/3) = 0.75.
    expect([e1.count_sector_vcs, e1.count_sector_nhs, e1.blau_sector, e1.iqv_sector]).toEqual([2, 0, 0, 0]);
    expect([e2.share_sector_health, e2.blau_sector]).toEqual([0.5, 0.5]);
    expect(e2.iqv_sector).toBeCloseTo(0.75, 12);
    expect(result.notes.join("\n")).toMatch(/iqv_sector: K = 3, the categories observed in the data \(health, nhs, vcs\)/);
    expect(result.table.notes).toEqual(result.notes);
  });

  it("sums composition oddities into warnings: values outside the categories, several categories", async () => {
    const plan = makeStudyPlan(codebook, { composition: { sector: { categories: ["vcs", "health"] } } });
    const data = [
      makeNetwork({
        egoId: "e1",
        alters: [
          { id: "a", attributes: { sector: "vcs" } },
          { id: "b", attributes: { sector: "other" } },
          { id: "c", attributes: { sector: ["vcs", "x"] } },
          { id: "d", attributes: { sector: ["vcs", "health"] } },
        ],
      }),
    ];
    const result = await measureDataset(datasetOf(codebook, data), plan, { groupVariables: [] });
    expect(result.warnings).toEqual([
      "2 alters have a sector value outside its categories (vcs, health): such values are ignored, and an alter with no other value counts as missing",
      "1 alter has several sector categories: counted in each by count_/share_, left out of blau_/iqv_/ei_",
    ]);
    expect(result.table.rows[0]).toMatchObject({ missing_sector: 1, count_sector_vcs: 3, count_sector_health: 1 });
  });

  it("refuses, before reading any ego, a group variable named like a measure column", async () => {
    const plan = makeStudyPlan(codebook, {});
    let read = 0;
    const counting: Dataset = { ...datasetOf(codebook, networks), egos: async function* () { read++; yield networks[0]; } };
    await expect(measureDataset(counting, plan, { measures: ["ties"], groupVariables: ["ties"] })).rejects.toThrow(
      /two columns would be named "ties"/,
    );
    expect(read).toBe(0);
  });
});

describe("compareEgoIds", () => {
  it("orders numbers within ids naturally", () => {
    expect(["case_10", "case_2", "case_1", "b", "a"].sort(compareEgoIds)).toEqual(["a", "b", "case_1", "case_2", "case_10"]);
  });
});
