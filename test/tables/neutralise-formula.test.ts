import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { OutputError } from "../../src/errors.js";
import { neutraliseFormula, toCsv, toXlsx } from "../../src/tables/index.js";
import { type Table } from "../../src/model/index.js";

describe("neutraliseFormula (OWASP CSV injection)", () => {
  it("prefixes a quote to text beginning with = + - @, tab or carriage return, and to nothing else", () => {
    for (const c of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseFormula(`${c}1+1`)).toBe(`'${c}1+1`);
    for (const text of ["", "a=1", " =1", "LW01", "'=x", "\n=1", "1-2"]) expect(neutraliseFormula(text)).toBe(text);
  });
});

const hostile: Table = {
  name: "t",
  columns: [{ id: "ego_id" }, { id: "=cmd|' /C calc'!A0" }, { id: "n" }],
  rows: [
    { ego_id: '=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0": "-5", n: -5 },
    { ego_id: "@SUM(A1)", "=cmd|' /C calc'!A0": "+1", n: 2.5 },
  ],
};

describe("toCsv and toXlsx guard every text cell and header, and leave numbers as numbers", () => {
  it("CSV: text cells and headers neutralised; the number -5 written as -5", () => {
    expect(toCsv(hostile)).toBe(
      `ego_id,'=cmd|' /C calc'!A0,n\n"'=HYPERLINK(""http://evil.example"",""x"")",'-5,-5\n'@SUM(A1),'+1,2.5\n`,
    );
  });

  it("xlsx: no formula cell, text neutralised, -5 a numeric cell", () => {
    const sheet = strFromU8(unzipSync(toXlsx([hostile]))["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toContain("<f>");
    const texts = [...sheet.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(texts).toContain("'=cmd|' /C calc'!A0");
    expect(texts).toContain("'=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)");
    expect(texts).toContain("'-5");
    expect(texts.every((t) => !/^[=+\-@\t\r]/.test(t))).toBe(true);
    expect(sheet).toContain('<c r="C2"><v>-5</v></c>');
  });

  it("xlsx refuses a cell longer than Excel holds (32,767 characters) instead of writing a damaged workbook", () => {
    const long: Table = { name: "t", columns: [{ id: "x" }], rows: [{ x: "y".repeat(32_768) }] };
    expect(() => toXlsx([long])).toThrow(OutputError);
    expect(() => toXlsx([{ ...long, rows: [{ x: "y".repeat(32_767) }] }])).not.toThrow();
  });
});
