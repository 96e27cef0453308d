import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { MEASURES, findMeasure, planMeasureColumns } from "../../src/measures/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { makeCodebook } from "../graph/network-builder.js";

/** The ids exactly as /work/shared/specs/measures.md (copied in the README) names them, in its order. */
const SPEC_IDS = [
  "network_size",
  "alters_<type>",
  "excluded_alters",
  "sociogram_size",
  "count_<var>_<cat>",
  "share_<var>_<cat>",
  "missing_<var>",
  "blau_<var>",
  "iqv_<var>",
  "ei_<var>",
  "mean_<var>",
  "median_<var>",
  "alters_per_<egoVar>",
  "ties",
  "density",
  "average_degree",
  "multiplex_ties",
  "average_degree_multiplex",
  "isolates",
  "isolates_pct",
  "components",
  "largest_component",
  "max_k",
  "max_k_core_size",
  "core_distribution",
  "effective_size",
  "efficiency",
  "constraint",
  "ego_betweenness",
  "brokerage_pairs",
];

const codebook = makeCodebook({
  node: { Person: { sector: ["vcs", "health"], age: "number" }, Organisation: { sector: ["vcs", "health"] } },
  ego: { sector: ["vcs", "health"], caseload: "number", deprivation: ["high", "low"] },
});
const plan = makeStudyPlan(codebook, { denominators: ["caseload"] });

describe("measure registry", () => {
  it("has every measure of the specification, by its exact id, in the specification's order", () => {
    expect(MEASURES.map((m) => m.id)).toEqual(SPEC_IDS);
  });

  it("describes every measure", () => {
    for (const m of MEASURES) {
      expect(m.label.length, m.id).toBeGreaterThan(0);
      expect(m.description.length, m.id).toBeGreaterThan(0);
      expect(m.definition.length, m.id).toBeGreaterThan(0);
      expect(["composition", "structure", "k-core", "structural-holes"]).toContain(m.family);
    }
    expect(findMeasure("density")?.family).toBe("structure");
    expect(findMeasure("nope")).toBeUndefined();
  });

  it("expands per-variable families over the plan, in a stable order", () => {
    const ids = planMeasureColumns(plan).map((c) => c.id);
    expect(ids.slice(0, 16)).toEqual([
      "network_size",
      "alters_Person",
      "alters_Organisation",
      "excluded_alters",
      "sociogram_size",
      "count_sector_vcs",
      "count_sector_health",
      "share_sector_vcs",
      "share_sector_health",
      "missing_sector",
      "blau_sector",
      "iqv_sector",
      "ei_sector", // the ego has a variable of the same name
      "mean_age",
      "median_age",
      "alters_per_caseload",
    ]);
    expect(ids.at(-1)).toBe("brokerage_pairs");
    expect(planMeasureColumns(plan).map((c) => c.id)).toEqual(ids);
  });

  it("selects by id, by family, by variable set and by concrete column, in the order asked, without duplicates", () => {
    const ids = (selected: string[]) => planMeasureColumns(plan, selected).map((c) => c.id);
    expect(ids(["density", "network_size"])).toEqual(["density", "network_size"]);
    expect(ids(["share_<var>_<cat>"])).toEqual(["share_sector_vcs", "share_sector_health"]);
    expect(ids(["share_sector", "share_sector_vcs", "blau_sector"])).toEqual(["share_sector_vcs", "share_sector_health", "blau_sector"]);
    expect(ids(["ties", "ties"])).toEqual(["ties"]);
  });

  it("rejects unknown ids with a UsageError that lists the valid ones", () => {
    expect(() => planMeasureColumns(plan, ["density", "densty", "share_sector_nope"])).toThrow(UsageError);
    let message = "no error";
    try {
      planMeasureColumns(plan, ["densty"]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/unknown measure: densty/);
    expect(message).toMatch(/valid measures: network_size, alters_<type>/);
    expect(message).toMatch(/columns of this study: .*share_sector_vcs/);
  });

  it("rejects two columns with one name", () => {
    const clash = makeStudyPlan(makeCodebook({ node: { Person: { a_b: ["c"], a: ["b_c"] } } }), {});
    expect(() => planMeasureColumns(clash)).toThrow(/count_a_b_c/);
  });
});
