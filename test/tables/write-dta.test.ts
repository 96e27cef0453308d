import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dtaFile, toDta } from "../../src/tables/index.js";
import { expected, numberOf, readWithHaven, TABLE, type HavenFile } from "./write-sav-and-dta-fixture.js";

const NAMES = [
  "ego_id", "size", "density", "tiny", "isolates", "sector", "closeness", "rating", "note", "story",
  "v1st_alter", "with_", "SIZE_2", "x".repeat(32), "share_vcs", "mixed", "empty", "odd", "essay",
];
const EXPECTED = expected("dta");
const STRING_COLUMNS = new Set([0, 8, 9, 11, 15, 18]);

let dir: string;
let haven: HavenFile;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "netsp-dta-"));
  const file = path.join(dir, "measures.dta");
  writeFileSync(file, toDta(TABLE));
  haven = readWithHaven([file], "read_dta")[0]!;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("toDta read back by R's haven", () => {
  it("the dataset label and every variable, legally named, in column order", () => {
    expect(haven.label).toBe(TABLE.title);
    expect(haven.variables.map((v) => v.name)).toEqual(NAMES);
  });

  it("every value: numbers at full precision, null as ., text exactly (str# and strL), labelled text as codes", () => {
    haven.variables.forEach((v, col) => {
      expect(v.type, v.name).toBe(STRING_COLUMNS.has(col) ? "string" : "numeric");
      expect(STRING_COLUMNS.has(col) ? v.values : v.values.map(numberOf), v.name).toEqual(EXPECTED[col]!.values);
    });
  });

  it("variable labels and value labels (booleans, categoricals, ordinals, labelled codes)", () => {
    haven.variables.forEach((v, col) => {
      const e = EXPECTED[col]!;
      expect(v.label, v.name).toBe(e.label ?? null);
      expect(v.labels?.map((l) => ({ value: numberOf(l.value), label: l.label })) ?? undefined, v.name).toEqual(e.labels);
    });
  });
});

describe("toDta", () => {
  it("lists the renamed columns and gives the same bytes for the same table", () => {
    const { bytes, renamed } = dtaFile(TABLE);
    expect(renamed).toEqual([
      { id: "1st alter", name: "v1st_alter" },
      { id: "with", name: "with_" },
      { id: "SIZE", name: "SIZE_2" },
      { id: "x".repeat(70), name: "x".repeat(32) },
      { id: "share.vcs", name: "share_vcs" },
    ]);
    expect(Buffer.from(toDta(TABLE)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("writes release 118, little-endian, and a 3,000-byte text as strL", () => {
    const text = Buffer.from(toDta(TABLE)).toString("latin1");
    expect(text.startsWith("<stata_dta><header><release>118</release><byteorder>LSF</byteorder>")).toBe(true);
    expect(text).toContain("GSO");
  });
});
