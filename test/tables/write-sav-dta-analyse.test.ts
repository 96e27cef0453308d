import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Table } from "../../src/model/index.js";
import { analyseStudy } from "../../src/study/analyse-study.js";
import { legalVariableNames, SPSS_NAME_RULES, STATA_NAME_RULES, tableOfStream } from "../../src/tables/index.js";
import { runCli } from "../cli/run-cli.js";
import { numberOf, parseCsv, readWithHaven, run, type HavenFile } from "./write-sav-and-dta-fixture.js";

// `netsp analyse --format sav,dta` on the thesis study: every table read back by PSPP and R's haven.
const THESIS = "fixtures/thesis";

let root: string;
let tables: Array<{ file: string; table: Table }>;
let sav: HavenFile[];
let dta: HavenFile[];
let pspp: { output: string; data: string[][][] };
let report: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "netsp-sav-dta-"));
  const out = path.join(root, "out");
  const cli = await runCli(["analyse", THESIS, "--out", out, "--format", "sav,dta", "--quiet"]);
  if (cli.exitCode !== 0) throw new Error(`analyse failed: ${cli.stderr}`);
  report = readFileSync(path.join(out, "report.md"), "utf8");
  const analysis = await analyseStudy({ input: THESIS, typedAlterLevel: true });
  tables = [
    { file: "measures", table: analysis.measures },
    { file: "alters", table: tableOfStream(analysis.alters) },
    { file: "ties", table: tableOfStream(analysis.ties) },
    ...analysis.tables.map((t) => ({ file: t.name, table: t.data })),
  ];
  const files = (ext: string) => tables.map((t) => path.join(out, `${t.file}.${ext}`));
  sav = readWithHaven(files("sav"), "read_sav");
  dta = readWithHaven(files("dta"), "read_dta");
  const syntax = files("sav").map((f, i) => `GET FILE="${f}".\nSAVE TRANSLATE /OUTFILE="${path.join(root, `${i}.csv`)}" /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\n`);
  writeFileSync(path.join(root, "read.sps"), syntax.join(""));
  const output = run("pspp", ["-O", "format=csv", path.join(root, "read.sps")], "apt-get install -y pspp");
  pspp = { output, data: tables.map((_, i) => parseCsv(readFileSync(path.join(root, `${i}.csv`), "utf8"))) };
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a reader gives back for a column: numbers (booleans 0/1, null missing) or text (null ""), or for labelled text its labels. */
function expectedValues(table: Table, id: string): { text: boolean; values: Array<number | string | null> } {
  const cells = table.rows.map((r) => r[id] ?? null);
  const text = cells.some((c) => typeof c === "string");
  const labels = new Map((table.columns.find((c) => c.id === id)?.valueLabels ?? []).map((l) => [String(l.value), l.label]));
  if (text && labels.size > 0) return { text: false, values: cells.map((c) => (c === null ? null : labels.get(String(c)) ?? String(c))) };
  return {
    text,
    values: cells.map((c) => (text ? (c === null ? "" : String(c)) : c === null ? null : typeof c === "boolean" ? Number(c) : Number.isFinite(c) ? (c as number) : null)),
  };
}

/** A numeric variable's values as read, with codes of labelled text turned back into their labels. */
function readValues(v: { values: Array<string | null>; labels: Array<{ value: string; label: string }> | null }, labelled: boolean): Array<number | null | string> {
  if (!labelled) return v.values.map(numberOf);
  const labels = new Map((v.labels ?? []).map((l) => [numberOf(l.value), l.label]));
  return v.values.map((x) => (x === null ? null : labels.get(numberOf(x)) ?? `code ${x}`));
}

describe("netsp analyse --format sav,dta", () => {
  it("writes measures, alters, ties and every table as .sav and .dta", () => {
    expect(tables.length).toBeGreaterThan(1);
    // A measure's variable label is its registry title (measures.md in the README lists them).
    const measures = tables.find((t) => t.file === "measures")!.table;
    expect(measures.columns.find((c) => c.id === "network_size")?.description).toBe("Network size");
    expect(measures.columns.find((c) => c.id === "max_k")?.description).toBe("Max k");
    expect(sav).toHaveLength(tables.length);
    expect(dta).toHaveLength(tables.length);
  });

  it("report.md lists each column renamed for SPSS or Stata, file by file", () => {
    // `to` is a reserved word in SPSS (TO), legal in Stata; participants' `all` likewise (ALL).
    expect(report).toContain("| ties.sav | `to` | `to_` |");
    expect(report).toContain("| participants.sav | `all` | `all_` |");
    expect(report).not.toContain("| ties.dta | `to`");
  });

  for (const reader of ["haven read_sav", "haven read_dta", "PSPP"] as const) {
    it(`${reader} reads back every table: names, every value, variable labels, booleans labelled`, () => {
      expect(pspp.output).not.toMatch(/warning|error/i);
      tables.forEach(({ file, table }, t) => {
        const ids = table.columns.map((c) => c.id);
        const names = legalVariableNames(ids, reader === "haven read_dta" ? STATA_NAME_RULES : SPSS_NAME_RULES).names;
        if (reader === "PSPP") {
          const [header, ...rows] = pspp.data[t]!;
          expect(header, file).toEqual(names);
          ids.forEach((id, col) => {
            const e = expectedValues(table, id);
            const labelled = !e.text && (table.columns[col]!.valueLabels?.length ?? 0) > 0 && e.values.some((x) => typeof x === "string");
            if (labelled) return; // codes: their labels are checked through haven
            expect(rows.map((r) => (e.text ? r[col]! : numberOf(r[col]!))), `${file} ${id}`).toEqual(e.values);
          });
          return;
        }
        const read = (reader === "haven read_sav" ? sav : dta)[t]!;
        // The file label: the title, cut to what the format holds (SPSS 64 bytes, Stata 80 characters).
        const title = table.title ?? table.name;
        expect(read.label, file).toBe(reader === "haven read_dta" ? [...title].slice(0, 80).join("").trimEnd() : Buffer.from(title).subarray(0, 64).toString().trimEnd());
        expect(read.variables.map((v) => v.name), file).toEqual(names);
        read.variables.forEach((v, col) => {
          const column = table.columns[col]!;
          const e = expectedValues(table, column.id);
          const labelled = !e.text && e.values.some((x) => typeof x === "string");
          expect(v.type, `${file} ${column.id}`).toBe(e.text ? "string" : "numeric");
          expect(e.text ? v.values : readValues(v, labelled), `${file} ${column.id}`).toEqual(e.values);
          const given = column.description ?? column.label;
          const label = reader === "haven read_dta" ? given?.slice(0, 80).trimEnd() : given;
          expect(v.label, `${file} ${column.id}`).toBe(label ?? null);
          // Value labels: the column's own (from the protocol or config; labelled text is coded 1, 2 … in their
          // order), else false/true for booleans.
          const own = column.valueLabels ?? [];
          const codes = own.map((l, k) => ({ value: typeof l.value === "number" ? String(l.value) : e.text || !labelled ? l.value : String(k + 1), label: l.label }));
          const booleans = table.rows.some((r) => typeof r[column.id] === "boolean");
          const want = own.length > 0 ? codes : booleans ? [{ value: "0", label: "false" }, { value: "1", label: "true" }] : null;
          if (want !== null && !e.text) expect(v.labels?.slice(0, want.length), `${file} ${column.id}`).toEqual(want);
        });
      });
    });
  }
});
