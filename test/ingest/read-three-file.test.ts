import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runValidate } from "../../src/cli/validate.js";
import { InputError } from "../../src/errors.js";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { buildEgo } from "../../src/ingest/ego-parts.js";
import { openThreeFile } from "../../src/ingest/read-three-file.js";
import { detectDelimiter } from "../../src/ingest/three-file-csv.js";
import { EgoRowJoin, splitJoined } from "../../src/ingest/three-file-join.js";
import { scanTable } from "../../src/ingest/three-file-scan.js";
import { ProblemList, type EgoNetwork, type StudyConfig } from "../../src/model/index.js";

const FIXTURE = path.resolve("fixtures/three-file");

async function readAll(input: string, config: StudyConfig = {}) {
  const problems = new ProblemList();
  const dataset = await openThreeFile(input, { config, egoIdField: "caseId", problems });
  const networks: EgoNetwork[] = [];
  for await (const n of dataset.egos()) networks.push(n);
  return { dataset, networks, problems };
}

const byId = (networks: EgoNetwork[]) => new Map(networks.map((n) => [n.ego.egoId, n]));
const count = <T>(items: T[], key: (x: T) => string) =>
  items.reduce<Record<string, number>>((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});

describe("openThreeFile on fixtures/three-file (expected values counted by hand in its README)", async () => {
  const { config } = await loadStudyConfig({ input: FIXTURE });
  const { dataset, networks, problems } = await readAll(FIXTURE, config);
  const egos = byId(networks);

  it("reads every ego in ego-file order", () => {
    expect(dataset.format).toBe("three-file");
    expect(networks.map((n) => n.ego.egoId)).toEqual(["R01", "R02", "R03", "R04"]);
    expect(dataset.files.map((f) => path.basename(f))).toEqual(["alters.csv", "egos.csv", "ties.csv"]);
  });

  it("joins alters and ties to their ego (alters out of order, ties interleaved)", () => {
    const alters = networks.flatMap((n) => n.alters);
    const ties = networks.flatMap((n) => n.ties);
    expect(alters).toHaveLength(9);
    expect(ties).toHaveLength(7);
    expect(count(alters, (a) => a.nodeType)).toEqual({ Person: 8, Organisation: 1 });
    expect(count(ties, (t) => t.edgeType)).toEqual({ knows: 5, family: 2 });
    expect([...egos.values()].map((n) => [n.ego.egoId, n.alters.length, n.ties.length])).toEqual([
      ["R01", 4, 4],
      ["R02", 3, 2],
      ["R03", 2, 1],
      ["R04", 0, 0],
    ]);
    expect(egos.get("R01")!.alters.map((a) => a.alterId)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(egos.get("R01")!.ties.map((t) => `${t.sourceId}-${t.targetId}:${t.edgeType}`)).toEqual([
      "a1-a2:knows",
      "a1-a3:knows",
      "a2-a4:knows",
      "a1-a2:family",
    ]);
  });

  it("decodes values by the inferred types", () => {
    expect(egos.get("R03")!.ego.attributes).toEqual({ age: 28.5, sex: "female", area: "urban", employed: null });
    expect(egos.get("R01")!.ego.attributes.employed).toBe(true);
    const gp = egos.get("R02")!.alters[2];
    expect(gp).toMatchObject({ alterId: "a3", nodeType: "Organisation" });
    expect(gp.attributes).toEqual({ name: "GP surgery; Main St", gender: null, age: null, closeness: 2, kin: false });
    expect(gp.source).toEqual({ file: "alters.csv", line: 4 });
    expect(egos.get("R01")!.alters[2].attributes).toEqual({ name: "Cat", gender: ["other"], age: 29, closeness: 2.5, kin: false });
    expect(egos.get("R03")!.alters[0].attributes.name).toBe("Zoë");
    expect(egos.get("R03")!.alters[0].source.line).toBe(9);
    const family = egos.get("R03")!.ties[0];
    expect(family).toMatchObject({ sourceId: "b1", targetId: "b2", edgeType: "family", attributes: { strength: null } });
    expect(family.source.line).toBe(7);
  });

  it("infers the codebook, with gender categorical from the config", () => {
    const cb = dataset.codebook;
    expect(cb.source).toBe("inferred");
    expect(Object.fromEntries(Object.values(cb.ego).map((v) => [v.name, v.type]))).toEqual({
      age: "number",
      sex: "text",
      area: "text",
      employed: "boolean",
    });
    expect(Object.keys(cb.node)).toEqual(["Organisation", "Person"]);
    expect(Object.fromEntries(Object.values(cb.node.Person).map((v) => [v.name, v.type]))).toEqual({
      name: "text",
      gender: "categorical",
      age: "number",
      closeness: "number",
      kin: "boolean",
    });
    expect(cb.node.Person.gender.options!.map((o) => o.value)).toEqual(["female", "male", "other"]);
    expect(Object.keys(cb.edge)).toEqual(["family", "knows"]);
    expect(cb.edge.knows.strength.type).toBe("number");
  });

  it("is detected by openDataset with its config", async () => {
    const detected = await openDataset(FIXTURE, { config, egoIdField: "caseId", problems: new ProblemList() });
    expect(detected.format).toBe("three-file");
  });

  it("netsp validate (--json) prints the counts worked out in the README", async () => {
    let stdout = "";
    await runValidate(FIXTURE, { json: true }, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
    const report = JSON.parse(stdout);
    expect({ ...report, warnings: report.warnings.map((w: { code: string; egoId: string }) => [w.code, w.egoId]) }).toEqual({
      egos: 4,
      alters: 9,
      ties: 7,
      nodeTypes: { Organisation: 1, Person: 8 },
      edgeTypes: { family: 2, knows: 5 },
      errors: [],
      warnings: [["no-alters", "R04"]],
    });
  });

  it("reports only that R04 has no alters", () => {
    expect(problems.errors).toEqual([]);
    expect(problems.warnings).toHaveLength(1);
    expect(problems.warnings[0]).toMatchObject({ severity: "warning", egoId: "R04" });
  });
});

describe("three-file details", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), "netsp-three-file-"));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  };

  it("detects the delimiter from the header line", () => {
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"x;y",b,c')).toBe(",");
    expect(detectDelimiter("single")).toBe(",");
  });

  it("uses the default column names, comma and tab delimiters, CRLF and a BOM", async () => {
    const dir = folder({
      "egos.csv": "\uFEFFego_id,group\r\ne1,a\r\ne2,b\r\n",
      "alters.csv": "egoID\talterID\tage\ne1\tx\t30\ne1\ty\t\ne2\tz\t41\n",
      "ties.csv": "ego_id,from,to\ne1,x,y\n",
    });
    const { networks, problems } = await readAll(dir);
    expect(problems.errors).toEqual([]);
    expect(networks.map((n) => [n.ego.egoId, n.alters.map((a) => a.alterId).join(""), n.ties.length])).toEqual([
      ["e1", "xy", 1],
      ["e2", "z", 0],
    ]);
    expect(networks[0].alters[0]).toMatchObject({ nodeType: "Alter", attributes: { age: 30 } });
    expect(networks[0].alters[1].attributes.age).toBeNull();
    expect(networks[0].ties[0]).toMatchObject({ sourceId: "x", targetId: "y", edgeType: "tie", attributes: {} });
  });

  it("takes file names from the config", async () => {
    const dir = folder({
      "people.csv": "ego_id\ne1\n",
      "contacts.csv": "ego_id;alter_id\ne1;x\ne1;y\n",
      "links.csv": "ego_id;source;target\ne1;x;y\n",
    });
    const { networks } = await readAll(dir, { columns: { egos: "people.csv", alters: "contacts.csv", ties: "links.csv" } });
    expect(networks.map((n) => [n.alters.length, n.ties.length])).toEqual([[2, 1]]);
  });

  it("joins rows in any order, including ungrouped alters", async () => {
    const dir = folder({
      "egos.csv": "ego_id\ne1\ne2\ne3\n",
      "alters.csv": "ego_id,alter_id\ne3,p\ne2,q\ne3,r\ne1,s\ne2,t\n",
      "ties.csv": "ego_id,source,target\ne3,p,r\ne3,r,p\ne2,q,t\n",
    });
    const { networks, problems } = await readAll(dir);
    expect(networks.map((n) => [n.ego.egoId, n.alters.map((a) => a.alterId).join(""), n.ties.length])).toEqual([
      ["e1", "s", 0],
      ["e2", "qt", 1],
      ["e3", "pr", 2],
    ]);
    expect(problems.errors).toEqual([]);
  });

  it("streams a grouped table: at most the group after the wanted one is held", async () => {
    const rows = ["ego_id,alter_id", "e1,a", "e2,b", "e3,c", "e3,d", "e4,e", "e5,f"];
    const dir = folder({ "alters.csv": rows.join("\n") + "\n" });
    const table = { path: path.join(dir, "alters.csv"), file: "alters.csv", delimiter: "," as const, header: ["ego_id", "alter_id"], width: 2 };
    const scan = await scanTable(table, 0, undefined);
    expect(scan.grouped).toBe(true);
    const join = new EgoRowJoin(table, scan, 0, new Set(["e1", "e2", "e3", "e4", "e5"]), "alter", "egos.csv", new ProblemList());
    const held = () => (join as unknown as { buffered: Map<string, unknown[]> }).buffered.size;
    const taken: string[][] = [];
    for (const id of ["e1", "e2", "e3", "e4", "e5"]) {
      taken.push(splitJoined(await join.take(id), 2, "alters.csv", new ProblemList()).map((r) => r.cells[1]));
      expect(held(), `after ${id}`).toBeLessThanOrEqual(1);
    }
    expect(taken).toEqual([["a"], ["b"], ["c", "d"], ["e"], ["f"]]);
    await join.close();
  });

  it("reports rows of an ego missing from the ego file, a duplicate ego, and a short row", async () => {
    const dir = folder({
      "egos.csv": "ego_id\ne1\ne1\n",
      "alters.csv": "ego_id,alter_id\ne1,x\nghost,y\ne1\n",
      "ties.csv": "ego_id,source,target\n",
    });
    const { networks, problems } = await readAll(dir);
    expect(networks).toHaveLength(1);
    expect(networks[0].alters.map((a) => a.alterId)).toEqual(["x"]);
    const errors = problems.errors.map((p) => [p.code, path.basename(p.file), p.line]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["duplicate-ego-id", "egos.csv", 3],
        ["unknown-ego", "alters.csv", 3],
        ["short-row", "alters.csv", 4],
      ]),
    );
    expect(errors).toHaveLength(3);
    expect(problems.errors.find((p) => p.code === "unknown-ego")!.message).toContain('"ghost"');
  });

  it("parts(): each ego built as egos() builds it, its problems going to the sink given", async () => {
    const files = {
      "egos.csv": "ego_id\ne1\ne2\n",
      "alters.csv": "ego_id,alter_id,n\ne1,x,1\ne2,y,2\nghost,z,3\ne2,w\n",
      "ties.csv": "ego_id,source,target\ne1,x,nobody\ne2,y,w\ne2,w,y\n",
    };
    const read = await readAll(folder(files));
    const ctx = { config: {}, egoIdField: "caseId" as const, problems: new ProblemList() };
    const dataset = await openThreeFile(folder(files), ctx);
    const sink = new ProblemList();
    const networks: EgoNetwork[] = [];
    const builder = dataset.builder!();
    const elsewhere: EgoNetwork[] = [];
    for await (const p of dataset.parts!(sink)) {
      expect(p.kind).toBe("three-file");
      networks.push(builder.build(structuredClone(p), sink));
      // As a worker builds it: from the builder's setup alone.
      elsewhere.push(buildEgo(structuredClone(p), structuredClone(builder.setup), new ProblemList()));
    }
    expect(elsewhere).toEqual(networks);
    const line = (p: { code: string; line?: number }) => [p.code, p.line];
    expect(networks.map((n) => ({ ...n, ego: { ...n.ego, source: null }, alters: n.alters.length, ties: n.ties.length }))).toEqual(
      read.networks.map((n) => ({ ...n, ego: { ...n.ego, source: null }, alters: n.alters.length, ties: n.ties.length })),
    );
    expect(ctx.problems.problems).toEqual([]);
    expect(sink.problems.map(line)).toEqual(read.problems.problems.map(line));
    expect(sink.problems.map((p) => p.code)).toEqual(expect.arrayContaining(["short-row", "unknown-ego", "unknown-endpoint"]));
  });

  it("reads a mostly numeric column with NA as text, and says so", async () => {
    const dir = folder({
      "egos.csv": "ego_id,age\ne1,30\ne2,NA\ne3,41\n",
      "alters.csv": "ego_id,alter_id\ne1,x\ne2,x\ne3,x\n",
      "ties.csv": "ego_id,source,target\n",
    });
    const { dataset, networks, problems } = await readAll(dir);
    expect(dataset.codebook.ego.age.type).toBe("text");
    expect(networks[0].ego.attributes.age).toBe("30");
    expect(problems.warnings.map((p) => [p.code, p.line])).toEqual([["mixed-column", 3]]);
  });

  it("refuses a missing table or column with a message naming the config key", async () => {
    const noTies = folder({ "egos.csv": "ego_id\ne1\n", "alters.csv": "ego_id,alter_id\n" });
    await expect(readAll(noTies)).rejects.toThrow(InputError);
    await expect(readAll(noTies)).rejects.toThrow(/needs the ties table ties\.csv in this folder/);
    const badColumn = folder({
      "egos.csv": "id\ne1\n",
      "alters.csv": "ego_id,alter_id\n",
      "ties.csv": "ego_id,source,target\n",
    });
    await expect(readAll(badColumn)).rejects.toThrow(/egos\.csv:1: no ego id column.*columns\.egoId/);
    await expect(readAll(badColumn, { columns: { egoId: "respondent" } })).rejects.toThrow(/no column "respondent"/);
  });

  it("refuses an unterminated quote and a binary file with file and line", async () => {
    const quote = folder({
      "egos.csv": 'ego_id,note\ne1,"open\n',
      "alters.csv": "ego_id,alter_id\n",
      "ties.csv": "ego_id,source,target\n",
    });
    await expect(readAll(quote)).rejects.toThrow(/egos\.csv:\d+: not valid CSV/);
    const binary = folder({
      "egos.csv": "ego_id\u0000\n",
      "alters.csv": "ego_id,alter_id\n",
      "ties.csv": "ego_id,source,target\n",
    });
    await expect(readAll(binary)).rejects.toThrow(/NUL bytes/);
  });
});
