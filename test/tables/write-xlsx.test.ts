import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "../../src/tables/index.js";
import { type Table } from "../../src/model/index.js";

const tables: Table[] = [
  {
    name: "measures",
    columns: [{ id: "ego_id" }, { id: "density" }, { id: "note" }, { id: "flag" }],
    rows: [
      { ego_id: "LW01", density: 0.1 + 0.2, note: '=HYPERLINK("http://evil","x")', flag: true },
      { ego_id: "LW02", density: null, note: "-3", flag: false },
      { ego_id: "LW03", density: -1.5, note: "a & <b>", flag: null },
    ],
  },
  { name: "a/very:long*sheet?name[that]exceeds thirty-one chars", columns: [{ id: "x" }], rows: [{ x: 1 }] },
];

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("toXlsx", () => {
  it("opens with exceljs, one sheet per table, cells matching the CSV", async () => {
    const workbook = await open(toXlsx(tables));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["measures", "a_very_long_sheet_name_that_exc"]);
    const sheet = workbook.getWorksheet("measures")!;
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ["ego_id", "density", "note", "flag"],
      ["LW01", 0.30000000000000004, `'=HYPERLINK("http://evil","x")`, true],
      ["LW02", undefined, "'-3", false],
      ["LW03", -1.5, "a & <b>"],
    ]);
    // The same cells, as text, as the CSV writer gives them.
    const csvRows = toCsv(tables[0]).trim().split("\n").slice(1);
    expect(csvRows[1]).toBe("LW02,,'-3,false");
  });

  it("is byte-for-byte deterministic", () => {
    expect(Buffer.from(toXlsx(tables)).equals(Buffer.from(toXlsx(tables)))).toBe(true);
  });
});
