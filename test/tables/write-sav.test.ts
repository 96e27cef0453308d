import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { savFile, toSav } from "../../src/tables/index.js";
import { expected, LONG_LABEL, numberOf, parseCsv, R_INSTALL, readWithHaven, run, TABLE, type HavenFile } from "./write-sav-and-dta-fixture.js";

const NAMES = [
  "ego_id", "size", "density", "tiny", "isolates", "sector", "closeness", "rating", "note", "story",
  "v1st_alter", "with_", "SIZE_2", "x".repeat(64), "share.vcs", "mixed", "empty", "odd", "essay",
];
const EXPECTED = expected("sav");
const STRING_COLUMNS = new Set([0, 8, 9, 11, 15, 18]);

interface PsppDictionary {
  variables: Array<{ name: string; label: string; level: string; format: string }>;
  valueLabels: Map<string, Array<{ value: number; label: string }>>;
}

let dir: string;
let pspp: { dictionary: PsppDictionary; data: string[][]; output: string };
let haven: HavenFile;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "netsp-sav-"));
  const file = path.join(dir, "measures.sav");
  writeFileSync(file, toSav(TABLE));
  // One PSPP run: the dictionary (names, labels, levels, formats, value labels) and the data as CSV.
  const csv = path.join(dir, "data.csv");
  const syntax = path.join(dir, "read.sps");
  writeFileSync(
    syntax,
    `SET TVARS=NAMES TNUMBERS=VALUES.\nGET FILE="${file}".\nDISPLAY DICTIONARY.\nSAVE TRANSLATE /OUTFILE="${csv}" /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\n`,
  );
  const out = path.join(dir, "dictionary.csv");
  const printed = run("pspp", ["-O", "format=csv", "-o", out, syntax], "apt-get install -y pspp");
  const output = readFileSync(out, "utf8");
  pspp = { dictionary: psppDictionary(output), data: parseCsv(readFileSync(csv, "utf8")), output: printed + output };
  haven = readWithHaven([file], "read_sav")[0]!;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** DISPLAY DICTIONARY's two tables (as PSPP's CSV output) in a form to compare. */
function psppDictionary(text: string): PsppDictionary {
  const rows = parseCsv(text);
  const variables: PsppDictionary["variables"] = [];
  const valueLabels = new Map<string, Array<{ value: number; label: string }>>();
  let table = "";
  let current = "";
  for (const row of rows) {
    if (row.length === 1 && row[0]!.startsWith("Table: ")) {
      table = row[0]!.slice(7);
      continue;
    }
    if (row.length < 3 || row[0] === "Name" || row[0] === "Variable Value") continue;
    if (table === "Variables") variables.push({ name: row[0]!, label: row[2]!, level: row[3]!, format: row[7]! });
    if (table === "Value Labels") {
      if (row[0] !== "") current = row[0]!;
      valueLabels.set(current, [...(valueLabels.get(current) ?? []), { value: Number(row[1]), label: row[2]! }]);
    }
  }
  return { variables, valueLabels };
}

describe("toSav read back by PSPP", () => {
  it("reads the file without a warning", () => {
    expect(pspp.output).not.toMatch(/warning|error/i);
    expect(pspp.dictionary.variables).toHaveLength(NAMES.length);
  });

  it("names every variable legally, in column order", () => {
    expect(pspp.dictionary.variables.map((v) => v.name)).toEqual(NAMES);
    expect(pspp.data[0]).toEqual(NAMES);
  });

  it("gives back every value: numbers at full precision, null as system-missing, text exactly", () => {
    const rows = pspp.data.slice(1);
    expect(rows).toHaveLength(TABLE.rows.length);
    EXPECTED.forEach((e, col) => {
      const got = rows.map((r) => (STRING_COLUMNS.has(col) ? r[col]! : numberOf(r[col]!)));
      expect(got, NAMES[col]).toEqual(e.values);
    });
  });

  it("variable labels, measurement levels and value labels", () => {
    const vars = pspp.dictionary.variables;
    expect(vars.map((v) => v.label)).toEqual(EXPECTED.map((e) => e.label ?? ""));
    expect(vars.map((v) => v.level.toLowerCase())).toEqual(EXPECTED.map((e) => e.level));
    for (const [col, e] of EXPECTED.entries()) expect(pspp.dictionary.valueLabels.get(NAMES[col]!), NAMES[col]).toEqual(e.labels);
    // Strings as wide as their longest value in bytes: 300 and 3,000 bytes are very long strings.
    expect(vars[0]!.format).toBe("A300");
    expect(vars[9]!.format).toBe("A3000");
  });
});

describe("toSav read back by R's haven", () => {
  it("names, types, values, labels and value labels", () => {
    expect(haven.label).toBe(TABLE.title);
    expect(haven.variables.map((v) => v.name)).toEqual(NAMES);
    haven.variables.forEach((v, col) => {
      const e = EXPECTED[col]!;
      expect(v.type, v.name).toBe(STRING_COLUMNS.has(col) ? "string" : "numeric");
      const values = STRING_COLUMNS.has(col) ? [...v.values] : v.values.map(numberOf);
      if (v.name === "essay") {
        // haven's ReadStat drops the last byte of a string that fills a 32,767-byte variable (it stops copying
        // at the declared width, then takes a segment's padding byte off what it copied); PSPP reads it whole.
        expect((e.values[0] as string).startsWith(values[0] as string)).toBe(true);
        expect(Buffer.byteLength(values[0] as string)).toBe(32766);
        values[0] = e.values[0]!;
      }
      expect(values, v.name).toEqual(e.values);
      expect(v.label, v.name).toBe(e.label ?? null);
      expect(v.labels?.map((l) => ({ value: numberOf(l.value), label: l.label })) ?? undefined, v.name).toEqual(e.labels);
    });
  });
});

describe("toSav", () => {
  it("lists the renamed columns and gives the same bytes for the same table", () => {
    const { bytes, renamed } = savFile(TABLE);
    expect(renamed).toEqual([
      { id: "1st alter", name: "v1st_alter" },
      { id: "with", name: "with_" },
      { id: "SIZE", name: "SIZE_2" },
      { id: "x".repeat(70), name: "x".repeat(64) },
    ]);
    expect(Buffer.from(toSav(TABLE)).equals(Buffer.from(bytes))).toBe(true);
    expect(LONG_LABEL.length).toBeGreaterThan(80);
  });
});
