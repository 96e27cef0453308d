import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { findWords } from "../data-protection/scan-outputs.js";
import { RADAR_COUNTS } from "../ingest/radar-counts.js";
import { runCli } from "./run-cli.js";

const RADAR = path.resolve("fixtures/network-canvas-radar");
const RADAR_GRAPHML = path.resolve("fixtures/network-canvas-radar-graphml");
const THESIS = path.resolve("fixtures/thesis");
const THREE_FILE = path.resolve("fixtures/three-file");
const REAL = path.resolve("fixtures/real-exports");

const root = mkdtempSync(path.join(tmpdir(), "netsp-describe-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;
function tempDir(): string {
  const dir = path.join(root, `d${++made}`);
  mkdirSync(dir);
  return dir;
}

/** A copy of some files of `from` (by name), in a new folder: e.g. an export without its protocol. */
function copyOf(from: string, keep: (name: string) => boolean): string {
  const dir = tempDir();
  for (const f of readdirSync(from)) if (keep(f)) cpSync(path.join(from, f), path.join(dir, f));
  return dir;
}

/** Every value of the text and datetime columns of a CSV export (alter names, dates), read here with csv-parse. */
function personalValues(folder: string, columns: string[]): string[] {
  const values = new Set<string>();
  for (const f of readdirSync(folder).filter((n) => n.endsWith(".csv"))) {
    const rows = parse(readFileSync(path.join(folder, f)), { columns: true, bom: true }) as Array<Record<string, string>>;
    for (const row of rows) for (const c of columns) if (row[c]) values.add(row[c]);
  }
  return [...values];
}

describe("netsp describe on the radar export", () => {
  it("--json: every entity with as many records as the export holds, each variable with the issue's keys", async () => {
    const run = await runCli(["describe", RADAR, "--json"]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe("");
    const { entities } = JSON.parse(run.stdout);
    expect(entities.map((e: { entity: string; kind: string; n: number }) => [e.entity, e.kind, e.n])).toEqual([
      ["ego", "ego", RADAR_COUNTS.egos],
      ["Person", "node", RADAR_COUNTS.nodeTypes.Person],
      ...Object.entries(RADAR_COUNTS.edgeTypes).map(([type, n]) => [type, "edge", n]),
    ]);
    const person = entities[1].variables;
    for (const v of person) {
      expect(Object.keys(v).slice(0, 6), v.name).toEqual(["name", "type", "role", "source", "levels", "n"]);
      expect(v.n + v.missing, v.name).toBe(RADAR_COUNTS.nodeTypes.Person);
    }
    const age = person.find((v: { name: string }) => v.name === "Age");
    expect(age).toMatchObject({ type: "number", levels: [], min: expect.any(Number), max: expect.any(Number) });
    const gender = person.find((v: { name: string }) => v.name === "Gender");
    expect(gender.levels.map((l: { value: string }) => l.value)).toEqual(["Female", "Male", "Gender_non-conforming", "Genderqueer", "Non-binary", "Agender", "Dont_know", "Not_listed"]);
  });

  it("text: one table per entity, a heading naming the codebook, and the notes", async () => {
    const run = await runCli(["describe", RADAR]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^Variables of .*network-canvas-radar \(types from the protocol\)\n/);
    expect(run.stdout).toContain("Person (node type): 63 alters\n");
    expect(run.stdout).toMatch(/\nMarijuanaUsed +boolean .* true \(Yes\) 6 · false \(No\) 4\n/);
    expect(run.stdout).toContain("DrugTie (edge type): 10 ties; no variables");
  });

  it("without the protocol: types inferred, every ambiguous inference noted, the warning on stderr", async () => {
    const run = await runCli(["describe", copyOf(RADAR, (f) => f.endsWith(".csv"))]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("(no protocol: types inferred from the data)");
    expect(run.stdout).toMatch(/\n\d+ notes?:\n {2}\[1\] /);
    expect(run.stderr).toMatch(/warning: .*no protocol/);
  });
});

describe("netsp describe on data with errors", () => {
  it("still prints the whole description, lists the errors on stderr, and exits 1", async () => {
    const faulty = path.resolve("test/corpus/validate-faults/non-number");
    const run = await runCli(["describe", faulty, "--protocol", path.join(RADAR, "IJE_RADAR_Protocol.netcanvas")]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^Variables of [^]*\nPerson \(node type\): \d+ alters\n[^]*notes?/);
    expect(run.stderr).toMatch(/error: .*csv:\d+(:\d+)?: /);
    expect(run.stderr).toMatch(/error: 1 error in the data: the description above is complete/);
  });
});

describe("netsp describe never shows a personal value", () => {
  const outputsOf = async (input: string) => {
    const text = await runCli(["describe", input]);
    const json = await runCli(["describe", input, "--json"]);
    expect(text.stdout, input).toMatch(/^Variables of /); // the description was printed: the scan has something to scan
    return new Map([
      ["text stdout", text.stdout],
      ["text stderr", text.stderr],
      ["json stdout", json.stdout],
      ["json stderr", json.stderr],
    ]);
  };

  it("radar, with and without the protocol, and as GraphML: no alter name, no date", async () => {
    const values = personalValues(RADAR, ["name", "FirstSex", "LastSex"]);
    expect(values.length).toBeGreaterThan(60);
    // The scan finds them where they are.
    expect(findWords(new Map([["export", readFileSync(path.join(RADAR, readdirSync(RADAR).find((f) => f.includes("attributeList"))!), "utf8")]]), values).length).toBeGreaterThan(0);
    for (const input of [RADAR, copyOf(RADAR, (f) => f.endsWith(".csv")), RADAR_GRAPHML, copyOf(RADAR_GRAPHML, (f) => f.endsWith(".graphml") && f.startsWith("case_"))]) {
      expect(findWords(await outputsOf(input), values), input).toEqual([]);
    }
  });

  it("thesis: no alter name", async () => {
    const values = personalValues(path.join(THESIS, "interviews"), ["name"]);
    expect(values.length).toBeGreaterThan(300);
    expect(findWords(await outputsOf(THESIS), values)).toEqual([]);
  });

  it("fixtures/real-exports: none of the personal values each fixture lists", async () => {
    const withValues = readdirSync(REAL).filter((f) => existsSync(path.join(REAL, f, "personal-values.json")));
    expect(withValues.length).toBeGreaterThan(0);
    for (const fixture of withValues) {
      const values: string[] = JSON.parse(readFileSync(path.join(REAL, fixture, "personal-values.json"), "utf8")).values;
      for (const format of ["csv", "graphml"]) {
        const input = path.join(REAL, fixture, format);
        if (existsSync(input)) expect(findWords(await outputsOf(input), values), `${fixture}/${format}`).toEqual([]);
      }
    }
  });
});

describe("netsp describe --write-config", () => {
  it("writes every inferred variable's type as a config, and says so on stderr", async () => {
    const input = copyOf(RADAR, (f) => f.endsWith(".csv"));
    const file = path.join(tempDir(), "study.json");
    const run = await runCli(["describe", input, "--write-config", file]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/wrote .*study\.json: \d+ inferred variables declared/);
    const config = JSON.parse(readFileSync(file, "utf8"));
    expect(Object.keys(config)).toEqual(["variables"]);
    expect(config.variables["Person.Gender"]).toMatchObject({ type: "categorical", options: expect.arrayContaining(["Female", "Male"]) });
    expect(config.variables["Person.name"]).toMatchObject({ role: "identifying" });
  });

  it("refuses a file that exists (exit 2), leaving it as it was, before reading any interview", async () => {
    const file = path.join(tempDir(), "mine.json");
    writeFileSync(file, "{}\n");
    const run = await runCli(["describe", RADAR, "--write-config", file]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/already exists/);
    expect(run.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe("{}\n");
  });

  it("refuses to write inside the input folder or over the study's own config (exit 2)", async () => {
    const input = copyOf(THREE_FILE, () => true);
    const inside = await runCli(["describe", input, "--write-config", path.join(input, "new.json")]);
    expect(inside.exitCode).toBe(2);
    expect(inside.stderr).toMatch(/refusing to write into the input folder/);
    expect(existsSync(path.join(input, "new.json"))).toBe(false);
    const over = await runCli(["describe", input, "--write-config", path.join(input, "netsp.config.json")]);
    expect(over.exitCode).toBe(2);
  });

  it("starts from the study's config: its other keys kept, its paths rewritten for where the new file is", async () => {
    const threeFile = path.join(tempDir(), "three.json");
    expect((await runCli(["describe", THREE_FILE, "--write-config", threeFile])).exitCode).toBe(0);
    const original = JSON.parse(readFileSync(path.join(THREE_FILE, "netsp.config.json"), "utf8"));
    const written = JSON.parse(readFileSync(threeFile, "utf8"));
    expect(written).toMatchObject({ columns: original.columns, composition: original.composition });

    const thesis = path.join(tempDir(), "sub", "thesis.json");
    expect((await runCli(["describe", THESIS, "--write-config", thesis])).exitCode).toBe(0);
    const rewritten = JSON.parse(readFileSync(thesis, "utf8"));
    expect(path.resolve(path.dirname(thesis), rewritten.data)).toBe(path.join(THESIS, "interviews"));
    expect(path.resolve(path.dirname(thesis), rewritten.protocol)).toBe(path.join(THESIS, "interviews", "thesis.netcanvas"));
    expect(rewritten.tables).toEqual(JSON.parse(readFileSync(path.join(THESIS, "netsp.config.json"), "utf8")).tables);
  });
});


describe("netsp describe --write-config, then netsp analyse with that config", () => {
  /** Every file analyse wrote, but run.json (times, config hash) and report.md's line naming the config. */
  const outputs = (dir: string) =>
    new Map(
      readdirSync(dir)
        .filter((f) => f !== "run.json" && !f.startsWith("."))
        .sort()
        .map((f) => [f, readFileSync(path.join(dir, f), "utf8").replace(/^- Configuration: .*$/m, "- Configuration: …")]),
    );

  const studies: Array<[string, () => string]> = [
    ["the radar export without its protocol", () => copyOf(RADAR, (f) => f.endsWith(".csv"))],
    ["the radar GraphML without its protocol", () => copyOf(RADAR_GRAPHML, (f) => f.endsWith(".graphml") && f.startsWith("case_"))],
    ["the three-file study (with its config)", () => THREE_FILE],
    ["the thesis study (a study folder)", () => THESIS],
  ];
  for (const [name, study] of studies) {
    it(`${name}: the same tables as without it`, async () => {
      const input = study();
      const dir = tempDir();
      // The config is an input of the second run: analyse writes nowhere beside it.
      const config = path.join(tempDir(), "written.json");
      const described = await runCli(["describe", input, "--write-config", config]);
      expect(described.exitCode, described.stderr).toBe(0);
      const plain = await runCli(["analyse", input, "--out", path.join(dir, "A")]);
      expect(plain.exitCode, plain.stderr).toBe(0);
      const configured = await runCli(["analyse", input, "--config", config, "--out", path.join(dir, "B")]);
      expect(configured.exitCode, configured.stderr).toBe(0);
      const a = outputs(path.join(dir, "A"));
      expect([...a.keys()].length).toBeGreaterThan(3);
      expect(outputs(path.join(dir, "B"))).toEqual(a);
      const counts = (d: string) => JSON.parse(readFileSync(path.join(dir, d, "run.json"), "utf8")).counts;
      expect(counts("B")).toEqual(counts("A"));
    }, 60_000);
  }
});
