import { describe, expect, it } from "vitest";
import { makeStudyPlan } from "../../src/model/index.js";
import { makeCodebook } from "../graph/network-builder.js";

const codebook = makeCodebook({
  node: {
    Person: { sector: ["vcs", "health", "other"], role: ["gp", "nurse"], age: "number", lw: "boolean", name: "text" },
    Organisation: { sector: ["vcs", "health", "council"], size: "number" },
  },
  ego: { deprivation: ["high", "low", "mixture"], caseload: "number", employer: "text", lw_asked: "boolean", band: "ordinal" },
  edge: ["work", "advice"],
});

describe("makeStudyPlan", () => {
  it("without a config: every type counts, composition over every categorical alter variable, K from the codebook", () => {
    const plan = makeStudyPlan(codebook, {});
    expect(plan.nodeTypes).toBeNull();
    expect(plan.edgeTypes).toBeNull();
    expect(plan.alterTypes).toEqual(["Person", "Organisation"]);
    expect(plan.exclude).toEqual([]);
    expect(plan.composition).toEqual([
      // The union of both node types' options, in codebook order.
      { id: "sector", variable: "sector", nodeTypes: ["Person", "Organisation"], categories: ["vcs", "health", "other", "council"], categorySource: "codebook", egoVariable: null },
      { id: "role", variable: "role", nodeTypes: ["Person"], categories: ["gp", "nurse"], categorySource: "codebook", egoVariable: null },
    ]);
    expect(plan.numeric).toEqual([
      { id: "age", variable: "age", nodeTypes: ["Person"] },
      { id: "size", variable: "size", nodeTypes: ["Organisation"] },
    ]);
    expect(plan.denominators).toEqual([]);
    // Candidate grouping variables: categorical, ordinal and boolean ego variables.
    expect(plan.groupVariables.map((g) => g.id)).toEqual(["deprivation", "lw_asked", "band"]);
    expect(plan.warnings).toEqual([]);
  });

  it("with a config: types, exclusion rules, configured composition with aliases, denominators, groups", () => {
    const plan = makeStudyPlan(codebook, {
      aliases: { dep: "deprivation", colleague: "lw", load: "caseload" },
      nodeTypes: ["Person"],
      edgeTypes: ["work"],
      exclude: [{ variable: "colleague", equals: true }, { variable: "role", in: ["gp", "nurse"], nodeType: "Person" }],
      composition: { sector: { categories: ["vcs", "health", "other", "council", "housing"], egoVariable: "employer" } },
      denominators: ["load"],
      groups: { dep: { levels: ["high", "low"] } },
    });
    expect(plan.nodeTypes).toEqual(["Person"]);
    expect(plan.alterTypes).toEqual(["Person"]);
    expect(plan.edgeTypes).toEqual(["work"]);
    expect(plan.exclude).toEqual([
      { variable: "lw", values: [true] },
      { variable: "role", values: ["gp", "nurse"], nodeType: "Person" },
    ]);
    expect(plan.composition).toEqual([
      { id: "sector", variable: "sector", nodeTypes: ["Person"], categories: ["vcs", "health", "other", "council", "housing"], categorySource: "config", egoVariable: "employer" },
    ]);
    expect(plan.numeric.map((v) => v.id)).toEqual(["age"]); // Organisation does not count
    expect(plan.denominators).toEqual([{ id: "load", variable: "caseload" }]);
    expect(plan.groupVariables).toEqual([{ id: "dep", variable: "deprivation" }]);
    expect(plan.warnings).toEqual([]);
  });

  it("warns about configured names the codebook does not have", () => {
    const plan = makeStudyPlan(codebook, {
      nodeTypes: ["Persn"],
      edgeTypes: ["wrk"],
      exclude: [{ variable: "colleage", equals: true }],
      composition: { sectr: {} },
      denominators: ["caseloud"],
    });
    expect(plan.warnings).toEqual([
      'config nodeTypes names "Persn", which is not a node type of the codebook',
      'config edgeTypes names "wrk", which is not an edge type of the codebook',
      'exclusion rule on "colleage": no node type in the codebook has that variable, so it excludes no alter',
      'composition variable "sectr" is not a variable of any counted node type: every alter will count as missing',
      'denominator "caseloud" is not an ego variable of the codebook: alters_per_caseloud will be empty',
    ]);
  });

  it("leaves categories open (observed) when neither config nor codebook lists them, and notes an inferred codebook's K", () => {
    const inferred = makeCodebook({ source: "inferred", node: { Person: { sector: ["a", "b"], team: "text" } } });
    const plan = makeStudyPlan(inferred, { composition: { sector: {}, team: {} } });
    expect(plan.composition.map((v) => [v.id, v.categories, v.categorySource])).toEqual([
      ["sector", ["a", "b"], "codebook"],
      ["team", null, "observed"],
    ]);
    expect(plan.notes).toEqual(["iqv_sector: K = 2, the categories named by the export's columns (no protocol or configured categories)"]);
  });

  it("uses an ego variable of the same name for E-I when none is configured", () => {
    const plan = makeStudyPlan(makeCodebook({ node: { Person: { sector: ["a", "b"] } }, ego: { sector: ["a", "b"] } }), {});
    expect(plan.composition[0].egoVariable).toBe("sector");
  });
});
