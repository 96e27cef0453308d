import { describe, expect, it } from "vitest";
import { decodeCell, parseStrictNumber, stripFormulaGuard, type CellLocation } from "../../src/ingest/decode-cell.js";
import { ProblemList, type Variable } from "../../src/model/index.js";

const where: CellLocation = { file: "x_attributeList_Person.csv", line: 4, column: 9, egoId: "case_1" };
const age: Variable = { name: "Age", type: "number" };
const name: Variable = { name: "name", type: "text" };
const close: Variable = { name: "Close", type: "boolean" };
const gender: Variable = {
  name: "Gender",
  type: "categorical",
  options: [
    { value: "Female", label: "Female" },
    { value: "Male", label: "Male" },
    { value: "Gender_non-conforming", label: "Gender non-conforming" },
  ],
};

function decode(raw: Parameters<typeof decodeCell>[0], variable: Variable) {
  const problems = new ProblemList();
  const value = decodeCell(raw, variable, where, problems);
  return { value, problems: problems.problems };
}

describe("decodeCell: missing values", () => {
  it("reads an empty cell as null for every type", () => {
    for (const type of ["number", "text", "boolean", "ordinal", "datetime", "unknown"] as const) {
      expect(decode("", { name: "v", type }).value).toBeNull();
    }
  });

  it("reads ENCRYPTED as null and warns once per variable", () => {
    const problems = new ProblemList();
    expect(decodeCell("ENCRYPTED", name, where, problems)).toBeNull();
    expect(decodeCell("ENCRYPTED", name, { ...where, line: 5 }, problems)).toBeNull();
    expect(decodeCell("ENCRYPTED", age, { ...where, line: 6 }, problems)).toBeNull();
    expect(problems.problems.map((p) => [p.code, p.severity, p.line])).toEqual([
      ["encrypted", "warning", 4],
      ["encrypted", "warning", 6],
    ]);
  });
});

describe("decodeCell: the formula guard", () => {
  it("strips the quote Fresco puts before = + - @ tab and CR", () => {
    expect(decode("'=SUM(A1:A2)", name).value).toBe("=SUM(A1:A2)");
    expect(decode("'+1 555 0100", name).value).toBe("+1 555 0100");
    expect(decode("'@home", name).value).toBe("@home");
    expect(decode("'\tindented", name).value).toBe("\tindented");
    expect(decode("'\rx", name).value).toBe("\rx");
    // A guarded negative number is the number.
    expect(decode("'-5", age).value).toBe(-5);
  });

  it("keeps a quote that is not a guard", () => {
    expect(decode("'tis", name).value).toBe("'tis");
    expect(decode("'", name).value).toBe("'");
    expect(stripFormulaGuard("''=x")).toBe("''=x");
  });
});

describe("decodeCell: strict numbers", () => {
  it("reads plain decimal numbers", () => {
    expect(decode("29", age).value).toBe(29);
    expect(decode("-0.25", age).value).toBe(-0.25);
    expect(decode("1e3", age).value).toBe(1000);
    expect(decode(".5", age).value).toBe(0.5);
    expect(Object.is(decode("-0", age).value, 0)).toBe(true);
  });

  it.each([
    ["1,5", "decimal comma"],
    ["12abc", "trailing letters"],
    ["1.2.3", "two points"],
    ["1 000", "thousands space"],
    [" 12", "leading space"],
    ["0x1F", "hex"],
    ["Infinity", "infinity"],
    ["NaN", "not a number"],
    ["1e999", "overflow"],
  ])("refuses %j (%s): error with file, line and column, value null", (raw) => {
    const { value, problems } = decode(raw, age);
    expect(value).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      severity: "error",
      code: "not-a-number",
      file: "x_attributeList_Person.csv",
      line: 4,
      column: 9,
      egoId: "case_1",
    });
    expect(problems[0].message).toContain(JSON.stringify(raw));
  });

  it("hints at the decimal separator for 1,5", () => {
    expect(decode("1,5", age).problems[0].message).toMatch(/decimal separator/);
  });

  it("parseStrictNumber is the same rule", () => {
    expect(parseStrictNumber("3.")).toBe(3);
    expect(parseStrictNumber("+4")).toBe(4);
    expect(parseStrictNumber("4-")).toBeNull();
    expect(parseStrictNumber("")).toBeNull();
  });
});

describe("decodeCell: booleans and text", () => {
  it("reads true/false (any case) and refuses anything else", () => {
    expect(decode("true", close).value).toBe(true);
    expect(decode("false", close).value).toBe(false);
    expect(decode("TRUE", close).value).toBe(true);
    const bad = decode("yes", close);
    expect(bad.value).toBeNull();
    expect(bad.problems[0]).toMatchObject({ code: "not-a-boolean", severity: "error", line: 4 });
  });

  it("keeps text, ordinal and datetime values as text", () => {
    expect(decode("Ethan", name).value).toBe("Ethan");
    expect(decode("2024-06-22", { name: "FirstSex", type: "datetime" }).value).toBe("2024-06-22");
    expect(decode("Daily", { name: "ContactFreq", type: "ordinal", options: [{ value: "Daily", label: "Daily" }] }).value).toBe(
      "Daily",
    );
  });

  it("warns about an ordinal value the codebook does not list", () => {
    const r = decode("Hourly", { name: "ContactFreq", type: "ordinal", options: [{ value: "Daily", label: "Daily" }] });
    expect(r.value).toBe("Hourly");
    expect(r.problems.map((p) => p.code)).toEqual(["unknown-option"]);
  });

  it("types an untyped (no codebook) cell by its text", () => {
    const u: Variable = { name: "v", type: "unknown" };
    expect(decode("true", u).value).toBe(true);
    expect(decode("42", u).value).toBe(42);
    expect(decode("007", u).value).toBe("007"); // a code, not a number
    expect(decode("1,5", u).value).toBe("1,5"); // no error without a codebook type
    expect(decode("1,5", u).problems).toEqual([]);
  });
});

describe("decodeCell: categorical option columns", () => {
  const cells = (values: Record<string, string>) =>
    Object.entries(values).map(([option, raw], i) => ({ option, raw, column: 20 + i }));

  it("assembles the chosen options in codebook order", () => {
    const r = decode(cells({ "Gender_non-conforming": "true", Female: "true", Male: "false" }), gender);
    expect(r.value).toEqual(["Female", "Gender_non-conforming"]);
    expect(r.problems).toEqual([]);
  });

  it("all false is an empty list (older exports); all empty is null", () => {
    expect(decode(cells({ Female: "false", Male: "false" }), gender).value).toEqual([]);
    expect(decode(cells({ Female: "", Male: "" }), gender).value).toBeNull();
  });

  it("keeps an option the codebook does not list, with one warning per option", () => {
    const problems = new ProblemList();
    const martian = cells({ Female: "false", Martian: "true" });
    expect(decodeCell(martian, gender, where, problems)).toEqual(["Martian"]);
    expect(decodeCell(martian, gender, { ...where, line: 9 }, problems)).toEqual(["Martian"]);
    expect(problems.problems).toHaveLength(1);
    expect(problems.problems[0]).toMatchObject({ severity: "warning", code: "unknown-option", line: 4, column: 21 });
  });

  it("an option cell that is not true/false is an error at its column", () => {
    const r = decode(cells({ Female: "maybe", Male: "true" }), gender);
    expect(r.value).toEqual(["Male"]);
    expect(r.problems[0]).toMatchObject({ code: "not-a-boolean", column: 20 });
  });

  it("a single text cell of a categorical variable is a one-option list", () => {
    expect(decode("Female", gender).value).toEqual(["Female"]);
  });
});
