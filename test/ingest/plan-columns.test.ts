import { describe, expect, it } from "vitest";
import { mergeVariableSets, planColumns, planVariables, sharedPrefix } from "../../src/ingest/plan-columns.js";
import type { VariableSet } from "../../src/model/index.js";

// Variables as the radar protocol (fixtures/network-canvas-radar/IJE_RADAR_Protocol.netcanvas) defines them.
const person: VariableSet = {
  Cords: { name: "Cords", type: "layout" },
  Age: { name: "Age", type: "number" },
  Gender: {
    name: "Gender",
    type: "categorical",
    options: ["Female", "Male", "Gender_non-conforming", "Genderqueer"].map((value) => ({ value, label: value })),
  },
  Hispanic: {
    name: "Hispanic",
    type: "categorical",
    options: ["Hispanic_or_Latino", "Not_Hispanic_or_Latino"].map((value) => ({ value, label: value })),
  },
};
const ego: VariableSet = {
  DrugsUsed: {
    name: "DrugsUsed",
    type: "categorical",
    options: ["1", "2", "3", "4", "5", "6", "7", "8", "9"].map((value) => ({ value, label: value })),
  },
  MarijuanaUsed: { name: "MarijuanaUsed", type: "boolean" },
};
const NODE_FIXED = ["nodeID", "networkCanvasEgoUUID", "networkCanvasUUID"];
const drugs = Array.from({ length: 9 }, (_, i) => `DrugsUsed_${i + 1}`);

describe("planColumns with a codebook", () => {
  const header = [
    "nodeID",
    "networkCanvasEgoUUID",
    "networkCanvasUUID",
    "Cords_x",
    "Cords_y",
    "Age",
    "Gender_Female",
    "Gender_Male",
    "Gender_Gender_non-conforming",
    "Gender_Genderqueer",
    "Hispanic_Hispanic_or_Latino",
    "Hispanic_Not_Hispanic_or_Latino",
    "Nickname",
    "null",
  ];
  const plan = planColumns(header, person, NODE_FIXED);

  it("splits option columns by the known variable name, not the last underscore", () => {
    expect(plan.columns[8]).toEqual({ kind: "option", variable: "Gender", option: "Gender_non-conforming" });
    expect(plan.columns[10]).toEqual({ kind: "option", variable: "Hispanic", option: "Hispanic_or_Latino" });
    const gender = plan.variables.find((v) => v.variable.name === "Gender")!;
    expect(gender.options).toEqual([
      { option: "Female", column: 6 },
      { option: "Male", column: 7 },
      { option: "Gender_non-conforming", column: 8 },
      { option: "Genderqueer", column: 9 },
    ]);
  });

  it("maps fixed columns, layout coordinates and plain variables; drops the null column", () => {
    expect(plan.fixed).toEqual({ nodeID: 0, networkCanvasEgoUUID: 1, networkCanvasUUID: 2 });
    expect(plan.columns[3]).toEqual({ kind: "layout", variable: "Cords", axis: "x" });
    expect(plan.columns[4]).toEqual({ kind: "layout", variable: "Cords", axis: "y" });
    expect(plan.columns[5]).toEqual({ kind: "variable", variable: "Age" });
    expect(plan.columns[13]).toBeNull();
    expect(plan.inferred).toBe(false);
  });

  it("reads a column the codebook does not describe as unknown, and lists it", () => {
    expect(plan.columns[12]).toEqual({ kind: "variable", variable: "Nickname" });
    expect(plan.undescribed).toEqual(["Nickname"]);
    expect(planVariables(plan).Nickname.type).toBe("unknown");
  });

  it("DrugsUsed_1..9 is one categorical ego variable with options 1..9", () => {
    const p = planColumns(["networkCanvasEgoUUID", ...drugs, "MarijuanaUsed"], ego, ["networkCanvasEgoUUID"]);
    expect(p.variables.map((v) => v.variable.name)).toEqual(["DrugsUsed", "MarijuanaUsed"]);
    expect(p.variables[0].options!.map((o) => o.option)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(p.undescribed).toEqual([]);
  });

  it("accepts GraphML layout keys _X/_Y and drops screen-space pixels", () => {
    const p = planColumns(["Cords_X", "Cords_Y", "Cords_screenSpaceX", "Cords_screenSpaceY"], person, []);
    expect(p.columns).toEqual([
      { kind: "layout", variable: "Cords", axis: "x" },
      { kind: "layout", variable: "Cords", axis: "y" },
      null,
      null,
    ]);
  });

  it("drops a repeated column name and reports it", () => {
    const p = planColumns(["Age", "Age"], person, []);
    expect(p.columns).toEqual([{ kind: "variable", variable: "Age" }, null]);
    expect(p.duplicates).toEqual(["Age"]);
  });
});

describe("planColumns without a codebook (inference)", () => {
  it("groups DrugsUsed_1..9 into one categorical variable", () => {
    const p = planColumns(["networkCanvasEgoUUID", ...drugs, "MarijuanaUsed"], undefined, ["networkCanvasEgoUUID"]);
    expect(p.inferred).toBe(true);
    const vars = planVariables(p);
    expect(Object.keys(vars)).toEqual(["DrugsUsed", "MarijuanaUsed"]);
    expect(vars.DrugsUsed.type).toBe("categorical");
    expect(vars.DrugsUsed.options!.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(vars.MarijuanaUsed.type).toBe("unknown");
  });

  it("uses the longest common prefix at an underscore (Gender_Gender_non-conforming)", () => {
    const p = planColumns(
      ["Gender_Female", "Gender_Male", "Gender_Gender_non-conforming", "Hispanic_Hispanic_or_Latino", "Hispanic_Not_Hispanic_or_Latino"],
      undefined,
      [],
    );
    expect(p.columns[2]).toEqual({ kind: "option", variable: "Gender", option: "Gender_non-conforming" });
    expect(p.columns[3]).toEqual({ kind: "option", variable: "Hispanic", option: "Hispanic_or_Latino" });
    expect(p.variables.map((v) => v.variable.name)).toEqual(["Gender", "Hispanic"]);
  });

  it("only groups columns whose values are true/false/empty, when values are known", () => {
    // drug_use_1 holds numbers in this data: not an option column.
    const p = planColumns(["drug_use_1", "drug_use_2", "drug_use_3"], undefined, [], {
      booleanColumns: new Set(["drug_use_2", "drug_use_3"]),
    });
    expect(p.columns[0]).toEqual({ kind: "variable", variable: "drug_use_1" });
    expect(p.columns[1]).toEqual({ kind: "option", variable: "drug_use", option: "2" });
    expect(p.columns[2]).toEqual({ kind: "option", variable: "drug_use", option: "3" });
  });

  it("needs two adjacent columns; a lone name_value column stays a plain variable", () => {
    const p = planColumns(["Consent_Yes", "Age", "Tie_strength"], undefined, []);
    expect(p.columns.every((c) => c?.kind === "variable")).toBe(true);
  });

  it("stops a group where the prefix would have to shrink", () => {
    const p = planColumns(["drug_use_a", "drug_use_b", "drug_freq_a", "drug_freq_b"], undefined, []);
    expect(p.variables.map((v) => v.variable.name)).toEqual(["drug_use", "drug_freq"]);
  });

  it("pairs _x/_y columns as layout; a lone _x is a plain variable", () => {
    const p = planColumns(["Cords_x", "Cords_y", "Other_x", "Age"], undefined, []);
    expect(p.columns[0]).toEqual({ kind: "layout", variable: "Cords", axis: "x" });
    expect(p.columns[1]).toEqual({ kind: "layout", variable: "Cords", axis: "y" });
    expect(p.columns[2]).toEqual({ kind: "variable", variable: "Other_x" });
  });
});

describe("helpers", () => {
  it("sharedPrefix works at underscore boundaries only", () => {
    expect(sharedPrefix("Gender_Female", "Gender_Gender_non-conforming")).toBe("Gender");
    expect(sharedPrefix("Gender_Gender_a", "Gender_Gender_b")).toBe("Gender_Gender");
    expect(sharedPrefix("GenderX_a", "Gender_b")).toBe("");
    expect(sharedPrefix("a_", "a_b")).toBe("");
  });

  it("mergeVariableSets unions options, keeping first-seen order", () => {
    const a: VariableSet = { G: { name: "G", type: "categorical", options: [{ value: "x", label: "x" }] } };
    const b: VariableSet = {
      G: { name: "G", type: "categorical", options: [{ value: "y", label: "y" }, { value: "x", label: "x" }] },
      H: { name: "H", type: "unknown" },
    };
    const merged = mergeVariableSets(a, b);
    expect(merged.G.options!.map((o) => o.value)).toEqual(["x", "y"]);
    expect(Object.keys(merged)).toEqual(["G", "H"]);
  });
});
