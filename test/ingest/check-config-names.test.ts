import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { checkConfigNames } from "../../src/ingest/check-config-names.js";
import type { Codebook, StudyConfig } from "../../src/model/index.js";
import { runCli } from "../cli/run-cli.js";

const codebook: Codebook = {
  source: "protocol",
  ego: {
    clinic: { name: "clinic", type: "categorical", options: [{ value: "a", label: "A" }] },
    age: { name: "age", type: "number" },
  },
  node: { Person: { sector: { name: "sector", type: "categorical" }, link_worker: { name: "link_worker", type: "boolean" } } },
  edge: { Knows: {} },
};

function messageOf(config: StudyConfig): string {
  try {
    checkConfigNames(codebook, config);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  return "";
}

describe("every variable the config names exists in the data", () => {
  it.each<[string, StudyConfig, string]>([
    ["groups", { groups: { clinik: {} } }, 'groups.clinik: "clinik" is not an ego variable of the data (did you mean "clinic"?)'],
    ["composition", { composition: { sectr: {} } }, 'composition.sectr: "sectr" is not a variable of any node type of the data (did you mean "sector"?)'],
    ["composition egoVariable", { composition: { sector: { egoVariable: "clinc" } } }, '(did you mean "clinic"?)'],
    ["denominators", { denominators: ["agee"] }, 'denominators[0]: "agee" is not an ego variable of the data (did you mean "age"?)'],
    ["exclude", { exclude: [{ variable: "link_workr", equals: true }] }, 'exclude[0].variable: "link_workr" is not a variable of any node type (did you mean "link_worker"?)'],
    ["exclude nodeType", { exclude: [{ variable: "sector", equals: "x", nodeType: "Persn" }] }, '(did you mean "Person"?)'],
    ["tables by", { tables: [{ name: "t", by: "clnic", columns: [{ measure: "network_size" }] }] }, 'tables[0] (t).by: "clnic" is not an ego variable of the data (did you mean "clinic"?)'],
    ["tables variable", { tables: [{ name: "c", kind: "composition", variable: "sectors" }] }, '(did you mean "sector"?)'],
    ["variables: the entity", { variables: { "Persn.sector": { type: "categorical" } } }, '"Persn" is not "ego" or a node or edge type of the data (did you mean "Person"?)'],
    ["variables: the name", { variables: { "ego.dobb": { role: "identifying" }, "ego.agge": { missing: [999] } } }, '"agge" is not a variable of ego (did you mean "age"?)'],
  ])("%s: a misspelt name is a usage error naming it, with a suggestion", (_, config, expected) => {
    expect(messageOf(config)).toContain(expected);
  });

  it("names resolved through aliases pass; so does a config that names only real variables", () => {
    expect(messageOf({ aliases: { site: "clinic" }, groups: { site: {} }, composition: { sector: {} }, denominators: ["age"] })).toBe("");
  });

  it("refuses a number as a grouping variable without declared levels, and accepts it with them", () => {
    expect(messageOf({ groups: { age: {} } })).toMatch(/"age" is a number, and numbers group egos only by declared levels/);
    expect(messageOf({ groups: { age: { levels: ["30", "40"] } } })).toBe("");
  });
});

describe("on the command line: exit 2 and the suggestion, for each section", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const thesisConfig = JSON.parse(readFileSync("fixtures/thesis/netsp.config.json", "utf8")) as StudyConfig;

  it.each<[string, (c: StudyConfig) => StudyConfig, string]>([
    ["groups", (c) => ({ ...c, groups: { ...c.groups, clinik: {} } }), "clinik"],
    ["denominators", (c) => ({ ...c, denominators: ["caseloda"] }), 'did you mean "caseload"?'],
    ["composition", (c) => ({ ...c, composition: { ...c.composition, sectr: {} } }), 'did you mean "sector"?'],
    ["exclude", (c) => ({ ...c, exclude: [{ variable: "link_workr", equals: true }] }), 'did you mean "link_worker"?'],
    ["variables", (c) => ({ ...c, variables: { "ego.caselod": { missing: [999] } } }), 'did you mean "caseload"?'],
    ["tables", (c) => ({ ...c, tables: [{ name: "t", by: "deprivaton", columns: [{ measure: "network_size" }] }] }), 'did you mean "deprivation"?'],
  ])("%s", async (_, change, expected) => {
    const dir = mkdtempSync(path.join(tmpdir(), "netsp-names-"));
    dirs.push(dir);
    cpSync("fixtures/thesis/interviews", path.join(dir, "interviews"), { recursive: true });
    writeFileSync(path.join(dir, "netsp.config.json"), JSON.stringify(change(thesisConfig)));
    const run = await runCli(["validate", dir]);
    expect(run.exitCode, run.stderr).toBe(2);
    expect(run.stderr).toContain(expected);
  });

  it("--by and --measures suggest the nearest name", async () => {
    const by = await runCli(["compare", "fixtures/thesis", "--by", "depriavtion"]);
    expect(by.exitCode).toBe(2);
    expect(by.stderr).toContain('did you mean "deprivation"?');
    const measures = await runCli(["measures", "fixtures/thesis", "--measures", "densty"]);
    expect(measures.exitCode).toBe(2);
    expect(measures.stderr).toContain('densty (did you mean "density"?)');
  });
});
