import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { InputError } from "../../src/errors.js";
import { GRAPHML_MAX_DEPTH, streamGraphmlGraphs } from "../../src/ingest/graphml-stream.js";
import { buildEgo } from "../../src/ingest/ego-parts.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { openGraphml } from "../../src/ingest/read-graphml.js";
import { openNetworkCanvasCsv } from "../../src/ingest/read-network-canvas-csv.js";
import type { SourceFile } from "../../src/ingest/source-file.js";
import { ProblemList, type EgoNetwork } from "../../src/model/index.js";
import { RADAR_COUNTS } from "./radar-counts.js";

const CSV = path.resolve("fixtures/network-canvas-radar");
const MERGED = path.resolve("fixtures/network-canvas-radar-merged");
const GRAPHML = path.resolve("fixtures/network-canvas-radar-graphml");
const PROTOCOL = path.join(GRAPHML, "IJE_RADAR_Protocol.netcanvas");

async function readAll(input: string, options: { protocol?: string; egoIdField?: "caseId" | "sessionId" | "egoUUID" } = {}) {
  const problems = new ProblemList();
  const dataset = await openGraphml(input, {
    config: {},
    egoIdField: options.egoIdField ?? "caseId",
    problems,
    ...(options.protocol ? { protocol: options.protocol } : {}),
  });
  const networks: EgoNetwork[] = [];
  for await (const n of dataset.egos()) networks.push(n);
  return { dataset, networks, problems };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-graphml-"));
  dirs.push(dir);
  return dir;
}
function graphmlFile(text: string, name = "data.graphml"): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

const NS = `xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:nc="http://schema.networkcanvas.com/xmlns"`;

/** A minimal Network Canvas-style document (line numbers in tests refer to this layout). */
function smallDocument(graphBody: string, extraKeys = ""): string {
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`, // 1
    `<graphml ${NS}>`, // 2
    `  <key id="k-age" attr.name="age" attr.type="double" for="graph"/>`, // 3
    `  <key id="networkCanvasType" attr.name="networkCanvasType" attr.type="string" for="all"/>`, // 4
    `  <key id="networkCanvasUUID" attr.name="networkCanvasUUID" attr.type="string" for="all"/>`, // 5
    `  <key id="k-close" attr.name="close" attr.type="boolean" for="node"/>`, // 6
    `  <key id="networkCanvasSourceUUID" attr.name="networkCanvasSourceUUID" attr.type="string" for="edge"/>`, // 7
    `  <key id="networkCanvasTargetUUID" attr.name="networkCanvasTargetUUID" attr.type="string" for="edge"/>`, // 8
    extraKeys, // 9
    graphBody,
    `</graphml>`,
    "",
  ].join("\n");
}

/** Runs `netsp <args>` in this process (the CLI source, as bin/netsp.js runs its build), capturing stdout. */
async function runNetsp(args: string[]): Promise<{ stdout: string; exitCode: number }> {
  let stdout = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  const listeners = [process.stdout.listenerCount("error"), process.stderr.listenerCount("error")];
  process.exitCode = undefined;
  try {
    await main(["node", "netsp", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
    [process.stdout, process.stderr].forEach((s, i) => s.listeners("error").slice(listeners[i]).forEach((l) => s.removeListener("error", l as () => void)));
  }
  const exitCode = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stdout, exitCode };
}

/** A network without source references (file and line differ between formats by nature), keyed by egoId. */
function withoutSources(networks: EgoNetwork[]): Map<string, unknown> {
  return new Map(
    networks.map((n) => [
      n.ego.egoId,
      {
        ego: { ...n.ego, source: undefined },
        alters: n.alters.map((a) => ({ ...a, source: undefined })),
        ties: n.ties.map((t) => ({ ...t, source: undefined })),
      },
    ]),
  );
}

async function readCsv(input: string, protocol?: string) {
  const problems = new ProblemList();
  const dataset = await openNetworkCanvasCsv(input, { config: {}, egoIdField: "caseId", problems, ...(protocol ? { protocol } : {}) });
  const networks: EgoNetwork[] = [];
  for await (const n of dataset.egos()) networks.push(n);
  return { dataset, networks, problems };
}

describe("the radar fixtures in three forms read as the same interviews", async () => {
  const perSession = await readCsv(CSV);
  const expected = withoutSources(perSession.networks);

  it("the per-session CSV export reads cleanly (the reference)", () => {
    expect(perSession.dataset.codebook.source).toBe("protocol");
    expect(perSession.networks).toHaveLength(10);
    expect(perSession.problems.problems).toEqual([]);
  });

  it("the merged CSV export gives the same per-ego networks and codebook", async () => {
    const merged = await readCsv(MERGED);
    expect(merged.problems.problems).toEqual([]);
    expect(withoutSources(merged.networks)).toEqual(expected);
    expect(merged.dataset.codebook).toEqual(perSession.dataset.codebook);
    // Same interviews, but from one file per kind: every alter of case_10 comes from the merged file.
    expect(new Set(merged.networks.flatMap((n) => n.alters.map((a) => a.source.file)))).toEqual(
      new Set(["IJE_RADAR_Protocol_attributeList_Person.csv"]),
    );
  });

  it("the GraphML export gives the same egos, alters (attributes, categoricals, layout) and ties", async () => {
    const graphml = await readAll(GRAPHML);
    expect(graphml.problems.problems).toEqual([]);
    expect(withoutSources(graphml.networks)).toEqual(expected);
    expect(graphml.dataset.codebook).toEqual(perSession.dataset.codebook);
  });

  it("without a protocol, CSV and GraphML still give the same networks", async () => {
    const csvDir = tempDir();
    const graphmlDir = tempDir();
    for (const f of readdirSync(CSV).filter((f) => f.endsWith(".csv"))) copyFileSync(path.join(CSV, f), path.join(csvDir, f));
    for (const f of readdirSync(GRAPHML).filter((f) => f.endsWith(".graphml"))) copyFileSync(path.join(GRAPHML, f), path.join(graphmlDir, f));
    const csv = await readCsv(csvDir);
    const graphml = await readAll(graphmlDir);
    expect(csv.dataset.codebook.source).toBe("inferred");
    expect(graphml.dataset.codebook.source).toBe("inferred");
    // One difference is inherent: a key no element has a value for (AlterSexTie is empty in every tie)
    // cannot be tied to an edge type without the codebook, so GraphML gives it, as null, to every edge type,
    // where each CSV edge file lists it only for the types that have it. Null-valued tie attributes aside,
    // the networks are the same.
    const dropNullTieAttributes = (networks: EgoNetwork[]) =>
      networks.map((n) => ({
        ...n,
        ties: n.ties.map((t) => ({ ...t, attributes: Object.fromEntries(Object.entries(t.attributes).filter(([, v]) => v !== null)) })),
      }));
    expect(withoutSources(dropNullTieAttributes(graphml.networks))).toEqual(withoutSources(dropNullTieAttributes(csv.networks)));
  });

  it("netsp validate prints the same summary for all three", async () => {
    const summary = (stdout: string) => stdout.slice(stdout.indexOf("\n")); // after "Summary of <input>"
    const reference = await runNetsp(["validate", CSV]);
    expect(reference.exitCode).toBe(0);
    // Rows per type, counted independently with Python's csv module: see radar-counts.ts.
    expect(JSON.parse((await runNetsp(["validate", CSV, "--json"])).stdout)).toEqual({ ...RADAR_COUNTS, errors: [], warnings: [] });
    for (const input of [MERGED, GRAPHML]) {
      const run = await runNetsp(["validate", input]);
      expect(run.exitCode).toBe(0);
      expect(summary(run.stdout)).toBe(summary(reference.stdout));
      expect(run.stdout).toContain("No errors (0 warnings).");
    }
  });

  it("openDataset detects the GraphML folder and file", async () => {
    for (const input of [GRAPHML, path.join(GRAPHML, "IJE_RADAR_Protocol.graphml")]) {
      const dataset = await openDataset(input, { config: {}, egoIdField: "caseId", problems: new ProblemList() });
      expect(dataset.format).toBe("graphml");
    }
  });
});

describe("openGraphml on the radar GraphML fixture", () => {
  it("reads the 10 interviews from per-session files and the multi-graph file", async () => {
    const { dataset, networks, problems } = await readAll(GRAPHML);
    expect(dataset.format).toBe("graphml");
    expect(dataset.codebook.source).toBe("protocol"); // the .netcanvas beside the files
    expect(networks.map((n) => n.ego.egoId).sort()).toEqual(
      ["case_1", "case_2", "case_3", "case_4", "case_5", "case_6", "case_7", "case_8", "case_9", "case_10"].sort(),
    );
    // Counts from the per-session CSV files: python3 -c "import csv,glob; ..." (see fixtures/network-canvas-radar-graphml/README.md)
    expect(networks.reduce((s, n) => s + n.alters.length, 0)).toBe(63);
    expect(networks.reduce((s, n) => s + n.ties.length, 0)).toBe(80);
    expect(problems.errors).toEqual([]);
  });

  it("reads one file with one graph, and one file with five", async () => {
    const single = readdirSync(GRAPHML).find((f) => f.startsWith("case_3_"))!;
    const one = await readAll(path.join(GRAPHML, single), { protocol: PROTOCOL });
    expect(one.networks.map((n) => n.ego.egoId)).toEqual(["case_3"]);
    const merged = await readAll(path.join(GRAPHML, "IJE_RADAR_Protocol.graphml"), { protocol: PROTOCOL });
    expect(merged.networks.map((n) => n.ego.egoId)).toEqual(["case_6", "case_7", "case_8", "case_9", "case_10"]);
  });

  it("takes the ego id from the session or the ego UUID when asked", async () => {
    const bySession = await readAll(path.join(GRAPHML, "IJE_RADAR_Protocol.graphml"), { egoIdField: "sessionId" });
    expect(bySession.networks[0].ego.egoId).toBe("58cc5211-cafa-4746-8996-6857d4726b74");
    const byUUID = await readAll(path.join(GRAPHML, "IJE_RADAR_Protocol.graphml"), { egoIdField: "egoUUID" });
    expect(byUUID.networks[0].ego.egoId).toBe("e8d51e04-0054-4bd5-80d5-46469622f8e2");
  });

  it("infers variables from the keys when there is no protocol, and says so", async () => {
    const dir = tempDir();
    for (const f of readdirSync(GRAPHML).filter((f) => f.endsWith(".graphml"))) copyFileSync(path.join(GRAPHML, f), path.join(dir, f));
    const { dataset, networks, problems } = await readAll(dir);
    expect(dataset.codebook.source).toBe("inferred");
    expect(problems.warnings.map((p) => p.code)).toContain("inferred-types");
    expect(problems.errors).toEqual([]);
    const person = dataset.codebook.node.Person;
    expect(person.Gender.type).toBe("categorical");
    expect(person.Gender.options!.map((o) => o.value)).toContain("Gender_non-conforming");
    expect(person.Age.type).toBe("number");
    expect(person.Close.type).toBe("boolean");
    expect(Object.keys(dataset.codebook.edge).sort()).toEqual(["Close", "DrugTie", "SexTie"]);
    expect(dataset.codebook.ego.DrugsUsed.type).toBe("categorical");
    const case1 = networks.find((n) => n.ego.egoId === "case_1")!;
    const ethan = case1.alters.find((a) => a.attributes.name === "Ethan")!;
    // Row 1 of case_1_..._attributeList_Person.csv: Age 29, Gender_Male true, Cords_x 0.3615845563170548.
    expect(ethan.attributes).toMatchObject({ Age: 29, Gender: ["Male"], Close: true, Drugs: null });
    expect(ethan.layout).toEqual({ Cords: { x: 0.3615845563170548, y: 0.40976138828633407 } });
  });
});

describe("GraphML details", () => {
  it("joins ties on the endpoint UUIDs, else on node ids mapped to UUIDs", async () => {
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1">
    <data key="k-age">41</data>
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-a</data><data key="k-close">true</data></node>
    <node id="2"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-b</data></node>
    <node id="3"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-c</data></node>
    <edge source="1" target="2"><data key="networkCanvasType">knows</data><data key="networkCanvasSourceUUID">u-a</data><data key="networkCanvasTargetUUID">u-b</data></edge>
    <edge source="2" target="3"><data key="networkCanvasType">knows</data></edge>
  </graph>`),
    );
    const { networks, problems } = await readAll(file);
    expect(networks).toHaveLength(1);
    const [n] = networks;
    expect(n.ego).toMatchObject({ egoId: "c1", attributes: { age: 41 }, meta: { caseId: "c1" }, source: { file: "data.graphml", line: 10 } });
    expect(n.alters.map((a) => [a.alterId, a.nodeType, a.attributes.close, a.source.line])).toEqual([
      ["u-a", "Person", true, 12],
      ["u-b", "Person", null, 13],
      ["u-c", "Person", null, 14],
    ]);
    expect(n.ties.map((t) => [t.sourceId, t.targetId, t.edgeType])).toEqual([
      ["u-a", "u-b", "knows"],
      ["u-b", "u-c", "knows"],
    ]);
    expect(problems.errors).toEqual([]);
  });

  it("runs the per-ego checks: an edge to a missing node is an error at its line", async () => {
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1">
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-a</data></node>
    <edge source="1" target="9"><data key="networkCanvasType">knows</data></edge>
  </graph>`),
    );
    const { problems } = await readAll(file);
    expect(problems.errors.map((p) => [p.code, p.line, p.egoId])).toEqual([["unknown-endpoint", 12, "c1"]]);
  });

  it("parts(): each ego built as egos() builds it, its problems going to the sink given", async () => {
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1">
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-a</data></node>
    <edge source="1" target="9"><data key="networkCanvasType">knows</data></edge>
  </graph>
  <graph edgedefault="undirected" nc:caseId="c1">
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-b</data></node>
  </graph>`),
    );
    const read = await readAll(file);
    const problems = new ProblemList();
    const dataset = await openGraphml(file, { config: {}, egoIdField: "caseId", problems });
    const sink = new ProblemList();
    const networks: EgoNetwork[] = [];
    const builder = dataset.builder!();
    const elsewhere: EgoNetwork[] = [];
    for await (const p of dataset.parts!(sink)) {
      expect(p.kind).toBe("graphml");
      networks.push(builder.build(structuredClone(p), sink));
      // As a worker builds it: from the builder's setup alone, with no memory of other egos.
      elsewhere.push(buildEgo(structuredClone(p), structuredClone(builder.setup), new ProblemList()));
    }
    expect(networks).toEqual(read.networks);
    expect(elsewhere).toEqual(read.networks);
    expect(problems.problems).toEqual(read.problems.problems.slice(0, problems.problems.length)); // opening's
    expect([...problems.problems, ...sink.problems]).toEqual(read.problems.problems);
    expect(sink.problems.map((p) => p.code)).toEqual(["unknown-endpoint", "duplicate-ego-id"]);
  });

  it("reports two interviews with the same ego id", async () => {
    const graph = (n: number) => `  <graph edgedefault="undirected" nc:caseId="same" nc:sessionUUID="s${n}">
    <node id="n${n}"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u${n}</data></node>
  </graph>`;
    const file = graphmlFile(smallDocument(`${graph(1)}\n${graph(2)}`));
    const { networks, problems } = await readAll(file);
    expect(networks).toHaveLength(2);
    expect(problems.errors.map((p) => [p.code, p.line])).toEqual([["duplicate-ego-id", 13]]);
    const bySession = await readAll(file, { egoIdField: "sessionId" });
    expect(bySession.problems.errors).toEqual([]);
  });

  it("refuses a DOCTYPE with ENTITY declarations (billion laughs)", async () => {
    const file = graphmlFile(`<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml ${NS}><graph nc:caseId="&lol3;"/></graphml>
`);
    const error = await readAll(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/DOCTYPE and ENTITY declarations are not accepted/);
    expect((error as InputError).location).toMatchObject({ file: "data.graphml", line: 6 });
  });

  it("refuses an external entity reference without fetching anything", async () => {
    const file = graphmlFile(`<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<graphml ${NS}><graph nc:caseId="&xxe;"/></graphml>
`);
    await expect(readAll(file)).rejects.toThrow(/DOCTYPE/);
  });

  it("refuses elements nested deeper than the limit, naming the line", async () => {
    const depth = GRAPHML_MAX_DEPTH + 10;
    const open = Array.from({ length: depth }, () => "<desc>").join("\n");
    const close = Array.from({ length: depth }, () => "</desc>").join("");
    const file = graphmlFile(`<graphml ${NS}>\n${open}\n${close}</graphml>\n`);
    const error = await readAll(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/nested more than 64 deep/);
    // <graphml> is depth 1 on line 1; the 64th <desc> (depth 65) is on line 65.
    expect((error as InputError).location).toMatchObject({ file: "data.graphml", line: 65 });
  });

  it("gives file:line for malformed XML", async () => {
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1">
    <node id="1"><data key="networkCanvasType">Person</data>
  </graph>`),
    );
    const error = await readAll(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/not well-formed XML/);
    expect((error as InputError).message).toContain("data.graphml:12:");
  });

  it("refuses a truncated file, a file that is not GraphML, and one that is not UTF-8", async () => {
    const truncated = graphmlFile(smallDocument(`  <graph nc:caseId="c1">\n    <node id="1">`).slice(0, -12));
    await expect(readAll(truncated)).rejects.toThrow(/not well-formed XML/);
    const html = graphmlFile(`<html><body>hello</body></html>`);
    await expect(readAll(html)).rejects.toThrow(/root element is <html>/);
    const latin1 = graphmlFile("");
    writeFileSync(latin1, Buffer.from([...Buffer.from(`<graphml ${NS}><graph nc:caseId="caf`), 0xe9, ...Buffer.from(`"/></graphml>`)]));
    await expect(readAll(latin1)).rejects.toThrow(/not UTF-8/);
    const empty = graphmlFile("");
    await expect(readAll(empty)).rejects.toThrow(InputError);
  });

  it("refuses a folder with no GraphML files and a missing path", async () => {
    await expect(readAll(tempDir())).rejects.toThrow(/no \.graphml files here/);
    await expect(readAll(path.join(tempDir(), "nope.graphml"))).rejects.toThrow(/no such file/);
  });

  it("ignores elements Network Canvas does not write, with one warning", async () => {
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1">
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u-a</data><port name="p"/></node>
    <hyperedge><endpoint node="1"/></hyperedge>
  </graph>`),
    );
    const { networks, problems } = await readAll(file);
    expect(networks[0].alters).toHaveLength(1);
    expect(problems.warnings.filter((p) => p.code.startsWith("graphml-ignored")).map((p) => [p.code, p.line])).toEqual([
      ["graphml-ignored-port", 11],
      ["graphml-ignored-hyperedge", 12],
    ]);
  });

  it("reads graphs from several files in a nested folder", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "b"));
    const graph = (id: string) => smallDocument(`  <graph nc:caseId="${id}">
    <node id="1"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u</data></node>
  </graph>`);
    writeFileSync(path.join(dir, "a.graphml"), graph("e1"));
    writeFileSync(path.join(dir, "b", "c.graphml"), graph("e2"));
    writeFileSync(path.join(dir, "notes.txt"), "not data");
    const { networks, dataset } = await readAll(dir);
    expect(networks.map((n) => n.ego.egoId)).toEqual(["e1", "e2"]);
    expect(dataset.files.map((f) => path.relative(dir, f))).toEqual(["a.graphml", path.join("b", "c.graphml")]);
  });

  it("streams: the first graph arrives before the rest of the file is read", async () => {
    const graphs = Array.from(
      { length: 200 },
      (_, i) => `  <graph nc:caseId="e${i}"><node id="n${i}"><data key="networkCanvasUUID">u</data></node></graph>`,
    ).join("\n");
    const bytes = Buffer.from(smallDocument(graphs));
    const total = Math.ceil(bytes.length / 1024);
    let read = 0;
    const file: SourceFile = {
      name: "many.graphml",
      path: "/nowhere/many.graphml",
      size: bytes.length,
      chunks: async function* () {
        for (let i = 0; i < bytes.length; i += 1024) {
          read++;
          yield bytes.subarray(i, i + 1024);
        }
      },
      bytes: async () => bytes,
    };
    const readAtGraph: number[] = [];
    for await (const _ of streamGraphmlGraphs(file, new ProblemList())) readAtGraph.push(read);
    expect(readAtGraph).toHaveLength(200);
    expect(total).toBeGreaterThan(10);
    expect(readAtGraph[0]).toBeLessThanOrEqual(2);
    expect(readAtGraph[199]).toBe(total);
  });

  it("with a protocol, infers the type of a key the codebook does not describe, and warns once", async () => {
    const node = (id: string) =>
      `    <node id="${id}"><data key="networkCanvasType">Person</data><data key="networkCanvasUUID">u${id}</data><data key="k-close">true</data></node>`;
    const file = graphmlFile(
      smallDocument(`  <graph edgedefault="undirected" nc:caseId="c1"><data key="k-age">41</data>
${node("1")}
${node("2")}
  </graph>`),
    );
    const { networks, problems } = await readAll(file, { protocol: PROTOCOL });
    // The radar codebook's Person has "Close", not "close"; the ego has no variable "age".
    expect(networks[0].ego.attributes.age).toBe(41);
    expect(networks[0].alters.map((a) => a.attributes.close)).toEqual([true, true]);
    expect(networks[0].alters[0].attributes).not.toHaveProperty("Close"); // no key for it, as a CSV without the column
    expect(problems.warnings.filter((p) => p.code === "unknown-column").map((p) => p.message)).toEqual([
      "ego: key age not in the protocol's codebook; types inferred from the GraphML keys",
      "node type Person: key close not in the protocol's codebook; types inferred from the GraphML keys",
    ]);
  });
});
