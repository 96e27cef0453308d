/**
 * Text and datetime values identify people and never reach an output, with the protocol and without it:
 * every file `netsp analyse --format json,xlsx --report` writes for the personal-data fixture (names, phone
 * numbers, addresses, dates of birth, dates met), everything it and the other reading commands print, is
 * scanned for every such value (listed by hand in the fixture's personal-values.json). The scan finds them
 * where they are (the export itself), so it can fail.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin } from "../corpus/run-netsp-bin.js";
import { findWords, outputTexts } from "./scan-outputs.js";

const FIXTURES = path.resolve("fixtures/real-exports");
const VALUES: string[] = JSON.parse(readFileSync(path.join(FIXTURES, "personal-data/personal-values.json"), "utf8")).values;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-personal-"));
  dirs.push(dir);
  return dir;
}

describe("the scan itself", () => {
  it("lists 42 personal values and finds them in the export", () => {
    expect(VALUES).toHaveLength(42);
    const found = findWords(outputTexts(path.join(FIXTURES, "personal-data/csv")), VALUES);
    expect(found.length).toBeGreaterThanOrEqual(VALUES.length);
  });
});

describe("a value declared non-identifying is shown, and the scan sees it", () => {
  it("with ego.dob declared a group (as a config may, for an interview date), dob reaches the tables", () => {
    const input = path.join(tempDir(), "data");
    cpSync(path.join(FIXTURES, "personal-data/csv"), input, { recursive: true });
    const config = path.join(tempDir(), "netsp.config.json");
    writeFileSync(config, JSON.stringify({ variables: { "ego.dob": { role: "group" } } }));
    const out = path.join(tempDir(), "results");
    const analyse = runBin(["analyse", input, "--config", config, "--out", out, "--quiet"], { timeoutMs: 60_000 });
    expect(analyse.code, analyse.stderr).toBe(0);
    const dob = JSON.parse(readFileSync(path.join(FIXTURES, "personal-data/personal-values.json"), "utf8")).byVariable["ego.dob"];
    expect(findWords(outputTexts(out), dob).length).toBeGreaterThan(0);
  });
});

describe.each([
  ["with the protocol", "personal-data"],
  ["without the protocol", "personal-data-no-protocol"],
])("no personal value in any output, %s", (_, fixture) => {
  for (const rendering of ["csv", "graphml"]) {
    it(`${rendering}: analyse (csv, md, json, xlsx, report), validate, measures, describe, compare`, () => {
      // A copy, so nothing is written near the fixture.
      const input = path.join(tempDir(), "data");
      cpSync(path.join(FIXTURES, fixture, rendering), input, { recursive: true });
      const out = path.join(tempDir(), "results");
      const analyse = runBin(["analyse", input, "--out", out, "--format", "json,xlsx", "--report", "--quiet"], { timeoutMs: 60_000 });
      expect(analyse.code, analyse.stderr).toBe(0);
      const texts = outputTexts(out);
      expect([...texts.keys()]).toEqual(expect.arrayContaining(["measures.csv", "report.md", "report.html", "run.json"]));
      texts.set("analyse stderr", analyse.stderr);
      texts.set("analyse stdout", analyse.stdout);
      for (const args of [
        ["validate", input],
        ["validate", input, "--json"],
        ["measures", input, "--format", "csv"],
        ["measures", input, "--format", "json"],
        ["describe", input],
        ["describe", input, "--json"],
        ["compare", input, "--by", "site", "--format", "json"],
      ]) {
        const run = runBin(args, { timeoutMs: 60_000 });
        expect(run.code, `${args.join(" ")}: ${run.stderr}`).toBe(0);
        texts.set(`${args.join(" ")} stdout`, run.stdout);
        texts.set(`${args.join(" ")} stderr`, run.stderr);
      }
      expect(findWords(texts, VALUES)).toEqual([]);
    });
  }
});
