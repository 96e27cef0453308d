import { describe, expect, it } from "vitest";
import { neutraliseFormula, renderTerminal, toCsv, toJson, toMarkdown } from "../../src/tables/index.js";
import { type Table } from "../../src/model/index.js";

const table: Table = {
  name: "t",
  title: "A table",
  columns: [
    { id: "ego_id", label: "Ego" },
    { id: "density", label: "Density", decimals: 2 },
    { id: "note" },
  ],
  rows: [
    { ego_id: "LW01", density: 0.125, note: "=HYPERLINK(\"http://x\")" },
    { ego_id: "LW02", density: null, note: "-3" },
    { ego_id: "LW03", density: -1.5, note: "a|b" },
  ],
  notes: ["NA: undefined (fewer than two alters)."],
};

describe("table writers", () => {
  it("CSV: ids as header, numbers at full precision, null empty, formulas neutralised, negatives stay numbers", () => {
    expect(toCsv(table)).toBe(
      'ego_id,density,note\nLW01,0.125,"\'=HYPERLINK(""http://x"")"\nLW02,,\'-3\nLW03,-1.5,a|b\n',
    );
  });

  it("Markdown: labels, fixed decimals, NA for null, pipes escaped, notes below", () => {
    expect(toMarkdown(table)).toBe(
      [
        "## A table",
        "",
        "| Ego | Density | note |",
        "| --- | --- | --- |",
        '| LW01 | 0.13 | =HYPERLINK("http://x") |',
        "| LW02 | NA | -3 |",
        "| LW03 | -1.50 | a\\|b |",
        "",
        "NA: undefined (fewer than two alters).  ",
        "",
      ].join("\n"),
    );
  });

  it("JSON keeps null and numbers, in column order", () => {
    expect(JSON.parse(toJson(table))[1]).toEqual({ ego_id: "LW02", density: null, note: "-3" });
    expect(() => toJson({ ...table, rows: [{ ego_id: "x", density: Number.NaN, note: null }] })).toThrow(/bug/);
  });

  it("terminal: numbers right-aligned", () => {
    const lines = renderTerminal(table).split("\n");
    expect(lines[0]).toBe("A table");
    expect(lines[1]).toBe("Ego   Density  note");
    expect(lines[3]).toBe('LW01     0.13  =HYPERLINK("http://x")');
    expect(lines[4]).toBe("LW02       NA  -3");
  });

  it("neutraliseFormula guards = + - @ tab and CR only", () => {
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    for (const fine of ["1", "a=b", " =x", ""]) expect(neutraliseFormula(fine)).toBe(fine);
  });
});
