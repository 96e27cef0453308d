import { describe, expect, it } from "vitest";
import type { ColumnEvidenceKind } from "../../src/ingest/column-profile.js";
import { mergeVariableSets, planColumns, planVariables, type PlanOptions } from "../../src/ingest/plan-columns.js";
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

  it("infers a column the codebook does not describe (text, hence identifying), and lists it", () => {
    expect(plan.columns[12]).toEqual({ kind: "variable", variable: "Nickname" });
    expect(plan.undescribed).toEqual(["Nickname"]);
    expect(planVariables(plan).Nickname.type).toBe("text");
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

/** Evidence as a reader gives it: a column's kind from its values (see evidenceOf). */
function evidence(kinds: Record<string, ColumnEvidenceKind>): PlanOptions {
  return { evidence: (column) => (column in kinds ? { kind: kinds[column] } : { kind: "option" }) };
}

describe("planColumns without a codebook (inference)", () => {
  it("groups DrugsUsed_1..9 into one categorical variable; a lone true/false column is a boolean", () => {
    const p = planColumns(["networkCanvasEgoUUID", ...drugs, "MarijuanaUsed"], undefined, ["networkCanvasEgoUUID"], evidence({}));
    expect(p.inferred).toBe(true);
    const vars = planVariables(p);
    expect(Object.keys(vars)).toEqual(["DrugsUsed", "MarijuanaUsed"]);
    expect(vars.DrugsUsed.type).toBe("categorical");
    expect(vars.DrugsUsed.options!.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(vars.MarijuanaUsed.type).toBe("boolean");
    expect(p.ambiguities).toEqual([]);
  });

  it("names a family by the longest prefix all its option columns share; a one-off _ in a value is no ambiguity", () => {
    const p = planColumns(
      ["Gender_Female", "Gender_Male", "Gender_Gender_non-conforming", "Hispanic_Hispanic_or_Latino", "Hispanic_Not_Hispanic_or_Latino"],
      undefined,
      [],
      evidence({}),
    );
    expect(p.columns[2]).toEqual({ kind: "option", variable: "Gender", option: "Gender_non-conforming" });
    expect(p.columns[3]).toEqual({ kind: "option", variable: "Hispanic", option: "Hispanic_or_Latino" });
    expect(p.variables.map((v) => v.variable.name)).toEqual(["Gender", "Hispanic"]);
    expect(p.ambiguities).toEqual([]);
  });

  it("reads gender_cis_male … gender_trans_female as one variable gender with four options (format facts)", () => {
    const header = ["gender_cis_male", "gender_cis_female", "gender_trans_male", "gender_trans_female"];
    const p = planColumns(header, undefined, [], evidence({}));
    const vars = planVariables(p);
    expect(Object.keys(vars)).toEqual(["gender"]);
    expect(vars.gender.options!.map((o) => o.value)).toEqual(["cis_male", "cis_female", "trans_male", "trans_female"]);
    expect(vars.gender.note).toMatch(/sub-families \(cis_…, trans_…\)/);
    expect(p.ambiguities[0]).toMatchObject({
      variable: "gender",
      columns: header,
      declaration: { type: "categorical", options: ["cis_male", "cis_female", "trans_male", "trans_female"] },
    });
  });

  it("only columns true/false in every row are options: a column with an empty cell is a boolean or text", () => {
    // drug_use_1 holds numbers in this data: not an option column.
    const p = planColumns(["drug_use_1", "drug_use_2", "drug_use_3"], undefined, [], evidence({ drug_use_1: "number" }));
    expect(p.columns[0]).toEqual({ kind: "variable", variable: "drug_use_1" });
    expect(p.columns[1]).toEqual({ kind: "option", variable: "drug_use", option: "2" });
    expect(p.columns[2]).toEqual({ kind: "option", variable: "drug_use", option: "3" });
    expect(planVariables(p).drug_use_1.type).toBe("number");
  });

  it("other-specify text beside a categorical is text, not an option (K stays 4)", () => {
    const header = ["partner_type_main", "partner_type_casual", "partner_type_ex", "partner_type_none", "partner_type_other"];
    const p = planColumns(header, undefined, [], evidence({ partner_type_other: "empty" }));
    const vars = planVariables(p);
    expect(vars.partner_type.options!.map((o) => o.value)).toEqual(["main", "casual", "ex", "none"]);
    expect(vars.partner_type_other.type).toBe("text");
  });

  it("three booleans with empty cells are booleans, and so are their answered siblings (no fake categorical)", () => {
    const p = planColumns(["venue_met", "venue_sex", "venue_drugs"], undefined, [], evidence({ venue_met: "boolean", venue_sex: "option" }));
    const vars = planVariables(p);
    expect(Object.keys(vars)).toEqual(["venue_met", "venue_sex", "venue_drugs"]);
    expect(Object.values(vars).map((v) => v.type)).toEqual(["boolean", "boolean", "boolean"]);
  });

  it("renamed columns (<name>_2 beside <name>) are plain variables, never options", () => {
    const p = planColumns(["close", "close_2", "close_3"], undefined, [], evidence({}));
    expect(Object.keys(planVariables(p))).toEqual(["close", "close_2", "close_3"]);
    expect(p.columns.every((c) => c?.kind === "variable")).toBe(true);
  });

  it("types plain columns by their values: number, datetime, text; an empty column is text", () => {
    const p = planColumns(["age", "dob", "name", "notes"], undefined, [], evidence({ age: "number", dob: "datetime", name: "text", notes: "empty" }));
    expect(Object.values(planVariables(p)).map((v) => v.type)).toEqual(["number", "datetime", "text", "text"]);
  });

  it("takes exact option groups from the evidence (GraphML key ids)", () => {
    const p = planColumns(["gender_cis_male", "gender_trans_male"], undefined, [], {
      evidence: (c) => ({ kind: "option", option: { variable: "gender", value: c.slice("gender_".length) } }),
    });
    expect(planVariables(p).gender.options!.map((o) => o.value)).toEqual(["cis_male", "trans_male"]);
    expect(p.ambiguities).toEqual([]);
  });

  it("groups two adjacent families sharing a first segment as one, and says so (declare to split)", () => {
    const p = planColumns(["drug_use_a", "drug_use_b", "drug_freq_a", "drug_freq_b"], undefined, [], evidence({}));
    expect(p.variables.map((v) => v.variable.name)).toEqual(["drug"]);
    expect(p.ambiguities).toHaveLength(1);
  });

  it("infers what a codebook leaves out, and keeps a declared categorical's options by name", () => {
    const declared: VariableSet = {
      drug: { name: "drug", type: "categorical", options: [{ value: "use_a", label: "use_a" }] },
    };
    const p = planColumns(["drug_use_a", "drug_use_b", "age"], declared, [], evidence({ age: "number" }));
    expect(p.columns[1]).toEqual({ kind: "option", variable: "drug", option: "use_b" });
    expect(p.undescribed).toEqual(["age"]);
    expect(planVariables(p).age.type).toBe("number");
  });

  it("pairs _x/_y columns as layout; a lone _x is a plain variable", () => {
    const p = planColumns(["Cords_x", "Cords_y", "Other_x", "Age"], undefined, [], evidence({ Other_x: "number", Age: "number" }));
    expect(p.columns[0]).toEqual({ kind: "layout", variable: "Cords", axis: "x" });
    expect(p.columns[1]).toEqual({ kind: "layout", variable: "Cords", axis: "y" });
    expect(p.columns[2]).toEqual({ kind: "variable", variable: "Other_x" });
  });
});

describe("helpers", () => {
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
