import { describe, expect, it } from "vitest";
import { measureNetwork, planMeasureColumns } from "../../src/measures/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { StudyConfig } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";
import { expectCells } from "./expect-row.js";

/**
 * Composition measures on a hand fixture, with the derivation beside each value, against the definitions
 * of egor (R package egor 1.x): composition(object, "sector", absolute = TRUE) counts alters per category
 * per ego (NA as its own column); ego_density() = alter–alter ties / (n(n−1)/2), n = the ego's alters;
 * comp_ei(object, "sector", "own_sector") = (E − I)/(E + I) over alters with a known value.
 */
const codebook = makeCodebook({
  node: {
    Person: { sector: ["vcs", "health", "council", "housing", "other"], age: "number", lw: "boolean" },
    Organisation: { sector: ["vcs", "health", "council", "housing", "other"] },
  },
  ego: { own_sector: ["vcs", "health", "council", "housing", "other"], caseload: "number" },
});
const withConfig: StudyConfig = {
  exclude: [{ variable: "lw", equals: true }],
  composition: { sector: { categories: ["vcs", "health", "council", "other"], egoVariable: "own_sector" } },
  denominators: ["caseload"],
};

// 8 alters: 6 people (p6 excluded from the sociogram), 2 organisations.
// sector known for p1 vcs, p2 vcs, p3 health, p4 council, o1 vcs, p6 health (6); missing for p5 (null), o2 (empty choice).
const network = makeNetwork({
  egoAttributes: { own_sector: ["health"], caseload: 20 },
  alters: [
    { id: "p1", attributes: { sector: ["vcs"], age: 30 } },
    { id: "p2", attributes: { sector: ["vcs"], age: 40 } },
    { id: "p3", attributes: { sector: ["health"], age: 65 } },
    { id: "p4", attributes: { sector: ["council"], age: null } },
    { id: "p5", attributes: { sector: null, age: 50 } },
    { id: "o1", type: "Organisation", attributes: { sector: ["vcs"] } },
    { id: "o2", type: "Organisation", attributes: { sector: [] } },
    { id: "p6", attributes: { sector: ["health"], age: 35, lw: true } },
  ],
  ties: [["p1", "p2"], ["p2", "p3"], ["o1", "p1"]],
});

describe("composition against the egor definitions", () => {
  it("counts, shares over known values, missing, Blau, IQV with K from the config, E-I, numeric, per-caseload", () => {
    const plan = makeStudyPlan(codebook, withConfig);
    expectCells(measureNetwork(network, plan, planMeasureColumns(plan)), {
      network_size: 8,
      alters_Person: 6,
      alters_Organisation: 2,
      excluded_alters: 1, // p6: off the sociogram, still in composition
      sociogram_size: 7,
      // egor composition(absolute = TRUE): vcs 3, health 2, council 1, other 0, NA 2
      count_sector_vcs: 3,
      count_sector_health: 2,
      count_sector_council: 1,
      count_sector_other: 0,
      // share over the 6 known values (egor's proportions divide by all 8, NA included: they agree only without NA)
      share_sector_vcs: 0.5, // 3/6
      share_sector_health: 1 / 3, // 2/6
      share_sector_council: 1 / 6,
      share_sector_other: 0,
      missing_sector: 2,
      blau_sector: 11 / 18, // 1 − (9 + 4 + 1)/36 = 22/36
      iqv_sector: 22 / 27, // K = 4 (config): (11/18) / (1 − 1/4)
      ei_sector: 1 / 3, // ego health: I = 2 (p3, p6), E = 4 (p1, p2, o1 vcs; p4 council): (4 − 2)/6
      mean_age: 44, // people only, p4 missing: (30 + 40 + 65 + 50 + 35)/5
      median_age: 40, // 30 35 40 50 65
      alters_per_caseload: 0.4, // 8 / 20
      // ego_density: egor divides by all 8 alters' pairs (3/28); netsp by the 7 sociogram alters' (2·3/42)
      density: 1 / 7,
    });
  });

  it("takes K from the codebook when the config lists no categories (IQV changes, Blau does not)", () => {
    const plan = makeStudyPlan(codebook, { exclude: withConfig.exclude });
    const columns = planMeasureColumns(plan);
    expect(columns.filter((c) => c.set === "count_sector").map((c) => c.category)).toEqual(["vcs", "health", "council", "housing", "other"]);
    expectCells(measureNetwork(network, plan, columns), {
      count_sector_housing: 0,
      blau_sector: 11 / 18,
      iqv_sector: 55 / 72, // K = 5 (codebook options): (11/18) / (1 − 1/5)
    });
    // No E-I column without a configured egoVariable or an ego variable of the same name.
    expect(columns.some((c) => c.id === "ei_sector")).toBe(false);
  });

  it("ego_density coincides with egor's when no alter is excluded", () => {
    const plan = makeStudyPlan(codebook, {});
    // egor ego_density: 3 ties / (8·7/2 = 28 pairs)
    expectCells(measureNetwork(network, plan, planMeasureColumns(plan, ["density"])), { density: 3 / 28 });
  });

  it("is null where undefined: no known value, no ego value, a zero or missing denominator", () => {
    const plan = makeStudyPlan(codebook, withConfig);
    const empty = makeNetwork({
      egoAttributes: { own_sector: null, caseload: 0 },
      alters: [{ id: "a", attributes: { sector: null } }],
    });
    expectCells(measureNetwork(empty, plan, planMeasureColumns(plan)), {
      count_sector_vcs: 0,
      share_sector_vcs: null, // 0 known values: 0/0
      missing_sector: 1,
      blau_sector: null,
      iqv_sector: null,
      ei_sector: null, // the ego has no sector
      mean_age: null,
      median_age: null,
      alters_per_caseload: null, // 1 / 0
    });
    const noCaseload = makeNetwork({ egoAttributes: { own_sector: ["vcs"] }, alters: [{ id: "a", attributes: { sector: ["vcs"] } }] });
    expectCells(measureNetwork(noCaseload, plan, planMeasureColumns(plan)), {
      alters_per_caseload: null, // caseload missing
      ei_sector: -1, // I = 1, E = 0: (0 − 1)/1
      blau_sector: 0, // 1 − 1²
      iqv_sector: 0,
    });
  });

  it("treats a value outside the categories as missing, and a multi-category alter as in each category but out of Blau", () => {
    const plan = makeStudyPlan(codebook, withConfig);
    const odd = makeNetwork({
      egoAttributes: { own_sector: ["vcs"] },
      alters: [
        { id: "a", attributes: { sector: ["vcs"] } },
        { id: "b", attributes: { sector: ["housing"] } }, // not among the config's categories
        { id: "c", attributes: { sector: ["vcs", "health"] } }, // two options chosen
        { id: "d", attributes: { sector: ["health"] } },
      ],
    });
    expectCells(measureNetwork(odd, plan, planMeasureColumns(plan)), {
      missing_sector: 1, // b
      count_sector_vcs: 2, // a, c
      count_sector_health: 2, // c, d
      share_sector_vcs: 2 / 3, // known: a, c, d
      blau_sector: 0.5, // single-category alters a (vcs), d (health): 1 − (1/4 + 1/4)
      ei_sector: 0, // I = 1 (a), E = 1 (d): 0/2
    });
  });

  it("accepts scalar category values (readers without a codebook) and an alias for the variable", () => {
    const plan = makeStudyPlan(makeCodebook({ source: "inferred", node: { Person: { org_sector: "text" } } }), {
      aliases: { sector: "org_sector" },
      composition: { sector: { categories: ["vcs", "health"] } },
    });
    const scalar = makeNetwork({ alters: [{ id: "a", attributes: { org_sector: "vcs" } }, { id: "b", attributes: { org_sector: "health" } }] });
    expectCells(measureNetwork(scalar, plan, planMeasureColumns(plan)), {
      count_sector_vcs: 1,
      share_sector_health: 0.5,
      blau_sector: 0.5,
      iqv_sector: 1, // 0.5 / (1 − 1/2)
    });
  });
});
