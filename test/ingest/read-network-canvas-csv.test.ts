import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import type { ReaderContext } from "../../src/ingest/dataset.js";
import { buildEgo, type EgoParts } from "../../src/ingest/ego-parts.js";
import { openNetworkCanvasCsv } from "../../src/ingest/read-network-canvas-csv.js";
import { RowsOutOfOrder } from "../../src/ingest/rows-out-of-order.js";
import { ProblemList, type EgoNetwork } from "../../src/model/index.js";
import { RADAR_COUNTS } from "./radar-counts.js";

const RADAR = path.resolve("fixtures/network-canvas-radar");
const RADAR_ZIP = path.resolve("fixtures/network-canvas-radar.zip");
const PROTOCOL = path.join(RADAR, "IJE_RADAR_Protocol.netcanvas");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-nc-"));
  dirs.push(dir);
  return dir;
}
/** Copies the radar files whose names pass `keep` into a new folder. */
function radarCopy(keep: (name: string) => boolean = () => true, into = tempDir()): string {
  mkdirSync(into, { recursive: true });
  for (const name of readdirSync(RADAR)) if (keep(name)) copyFileSync(path.join(RADAR, name), path.join(into, name));
  return into;
}
const csvOnly = (name: string) => name.endsWith(".csv");
const session = (caseId: string) => (name: string) => name.startsWith(`${caseId}_`) && name.endsWith(".csv");

function context(options: Partial<ReaderContext> = {}): ReaderContext & { problems: ProblemList } {
  return { config: {}, egoIdField: "caseId", ...options, problems: new ProblemList() } as ReaderContext & {
    problems: ProblemList;
  };
}
async function readAll(input: string, options: Partial<ReaderContext> = {}, zipLimits?: Parameters<typeof openNetworkCanvasCsv>[2]) {
  const ctx = context(options);
  const dataset = await openNetworkCanvasCsv(input, ctx, zipLimits);
  const networks: EgoNetwork[] = [];
  for await (const n of dataset.egos()) networks.push(n);
  return { dataset, networks, problems: ctx.problems.problems };
}
function counts(networks: EgoNetwork[]) {
  const nodeTypes: Record<string, number> = {};
  const edgeTypes: Record<string, number> = {};
  for (const n of networks) {
    for (const a of n.alters) nodeTypes[a.nodeType] = (nodeTypes[a.nodeType] ?? 0) + 1;
    for (const t of n.ties) edgeTypes[t.edgeType] = (edgeTypes[t.edgeType] ?? 0) + 1;
  }
  return { egos: networks.length, nodeTypes, edgeTypes };
}
/** A network without provenance (line numbers differ between export forms). */
function withoutSources(n: EgoNetwork) {
  const strip = <T extends { source: unknown }>({ source: _s, ...rest }: T) => rest;
  return { ego: strip(n.ego), alters: n.alters.map(strip), ties: n.ties.map(strip) };
}

describe("the radar export (10 real interviews)", () => {
  // Independent count with Python's csv module: see radar-counts.ts.
  const expected = { egos: RADAR_COUNTS.egos, nodeTypes: RADAR_COUNTS.nodeTypes, edgeTypes: RADAR_COUNTS.edgeTypes };

  it("reads every ego, alter and tie, with the protocol found beside the data, and no problems", async () => {
    const { dataset, networks, problems } = await readAll(RADAR);
    expect(counts(networks)).toEqual(expected);
    expect(problems).toEqual([]);
    expect(dataset.format).toBe("network-canvas-csv");
    expect(dataset.codebook.source).toBe("protocol");
    expect(dataset.files).toHaveLength(44); // 43 CSV files and the protocol
    // case_1 … case_10 in natural order.
    expect(networks.map((n) => n.ego.egoId)).toEqual(Array.from({ length: 10 }, (_, i) => `case_${i + 1}`));
  });

  it("decodes the cells of the first alter of case_1 as the protocol types them", async () => {
    const { networks } = await readAll(RADAR);
    const ego = networks[0];
    // case_1_..._ego.csv row 2: DrugsUsed_1..9 all false, MarijuanaUsed true, PoppersUsed true.
    expect(ego.ego.attributes).toEqual({
      DrugsUsed: [],
      MarijuanaUsed: true,
      CocaineUsed: false,
      HeroinUsed: false,
      PainkillersUsed: false,
      PoppersUsed: true,
    });
    expect(ego.ego.meta).toEqual({
      egoUUID: "6e26f4dd-64ea-4ae5-8447-dfb44bed3354",
      caseId: "case_1",
      sessionId: "54ba71fa-808e-4ed5-a65a-b7a06668164f",
      protocolName: "IJE_RADAR_Protocol",
      sessionFinish: "2024-12-17T16:09:20.611Z",
    });
    // attributeList_Person.csv line 2 (Ethan).
    const ethan = ego.alters[0];
    expect(ethan.alterId).toBe("4a517084-363c-4e17-89b0-aac53950c993");
    expect(ethan.attributes).toMatchObject({
      Close: true,
      Drugs: null,
      Age: 29,
      ContactFreq: "Daily",
      Gender: ["Male"],
      Race: ["Asian"],
      PlaceMet: ["School"],
      name: "Ethan",
      FirstSex: "2024-06-22",
    });
    expect(ethan.layout).toEqual({ Cords: { x: 0.3615845563170548, y: 0.40976138828633407 } });
    expect(ethan.source).toEqual({ file: "case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_attributeList_Person.csv", line: 2 });
    // edgeList_Close.csv line 2: 01ab4b4f… – 9152d2e4…, joined on the UUID columns.
    expect(ego.ties[0]).toMatchObject({
      sourceId: "01ab4b4f-c12d-46df-aaef-78c335736baa",
      targetId: "9152d2e4-8721-40e5-9de1-15179da0fdb0",
      edgeType: "Close",
      attributes: { AlterSexTie: null },
    });
  });

  it("the zip of the same export gives the same networks", async () => {
    const folder = await readAll(RADAR);
    const zip = await readAll(RADAR_ZIP);
    expect(zip.networks).toEqual(folder.networks);
    expect(zip.problems).toEqual([]);
    expect(zip.dataset.files).toEqual([RADAR_ZIP]);
  });

  it("without a protocol: one warning, and the same categorical groups and values", async () => {
    const withProtocol = await readAll(RADAR);
    const inferred = await readAll(radarCopy(csvOnly));
    expect(inferred.problems.map((p) => [p.severity, p.code])).toEqual([["warning", "inferred-types"]]);
    expect(inferred.dataset.codebook.source).toBe("inferred");
    const categorical = (vars: Record<string, { type: string; options?: Array<{ value: string }> }>) =>
      Object.fromEntries(
        Object.values(vars)
          .filter((v) => v.type === "categorical")
          .map((v) => [(v as { name?: string }).name, v.options!.map((o) => o.value)]),
      );
    expect(categorical(inferred.dataset.codebook.node.Person)).toEqual(categorical(withProtocol.dataset.codebook.node.Person));
    expect(categorical(inferred.dataset.codebook.ego)).toEqual(categorical(withProtocol.dataset.codebook.ego));
    // Categorical values and numbers agree; untyped text stays text.
    for (let i = 0; i < 10; i++) {
      const a = withProtocol.networks[i].alters;
      const b = inferred.networks[i].alters;
      expect(b.map((x) => [x.attributes.Gender, x.attributes.PlaceMet, x.attributes.Age])).toEqual(
        a.map((x) => [x.attributes.Gender, x.attributes.PlaceMet, x.attributes.Age]),
      );
    }
  });

  it("an _ego.csv file given alone reads that interview only", async () => {
    const file = path.join(RADAR, "case_2_b11bed2e-4daf-49dc-ad67-2165ffbfae14_ego.csv");
    const { networks, problems } = await readAll(file);
    // python3: rows in case_2_*_attributeList_Person.csv = 5, _edgeList_Close.csv = 2, _edgeList_SexTie.csv = 1
    expect(counts(networks)).toEqual({ egos: 1, nodeTypes: { Person: 5 }, edgeTypes: { Close: 2, SexTie: 1 } });
    expect(problems).toEqual([]);
  });

  it("egoIdField picks the session id or the ego UUID", async () => {
    const bySession = await readAll(radarCopy(session("case_3")), { egoIdField: "sessionId", protocol: PROTOCOL });
    expect(bySession.networks[0].ego.egoId).toBe("fd5e0e36-d35c-455a-b0bb-9d1c16bb5cde");
    expect(bySession.networks[0].alters.every((a) => a.egoId === bySession.networks[0].ego.egoId)).toBe(true);
    const byUuid = await readAll(radarCopy(session("case_3")), { egoIdField: "egoUUID", protocol: PROTOCOL });
    expect(byUuid.networks[0].ego.egoId).toBe(byUuid.networks[0].ego.meta.egoUUID);
  });

  it("streams: stopping after the first ego closes everything (no hang); a second pass is a bug", async () => {
    const ctx = context();
    const dataset = await openNetworkCanvasCsv(RADAR, ctx);
    for await (const n of dataset.egos()) {
      expect(n.ego.egoId).toBe("case_1");
      break;
    }
    expect(() => dataset.egos()).toThrow(/twice/);
  });
});

describe("merged exports (one prefix, many egos)", () => {
  /** Writes case_1..case_3 as one merged export; `order` gives the session order of each file's rows. */
  function merged(order: (suffix: string) => string[]): string {
    const dir = tempDir();
    const cases = ["case_1", "case_2", "case_3"];
    const bySuffix = new Map<string, Map<string, string[]>>();
    for (const name of readdirSync(RADAR)) {
      const c = cases.find((x) => name.startsWith(`${x}_`));
      if (!c || !name.endsWith(".csv")) continue;
      const suffix = name.slice(name.indexOf("_", c.length + 1) + 1);
      const [header, ...rows] = readFileSync(path.join(RADAR, name), "utf8").split("\r\n").filter((l) => l !== "");
      if (!bySuffix.has(suffix)) bySuffix.set(suffix, new Map([["header", [header]]]));
      bySuffix.get(suffix)!.set(c, rows);
    }
    for (const [suffix, parts] of bySuffix) {
      const lines = [...parts.get("header")!];
      for (const c of order(suffix)) lines.push(...(parts.get(c) ?? []));
      writeFileSync(path.join(dir, `IJE_RADAR_Protocol_${suffix}`), lines.map((l) => l + "\r\n").join(""));
    }
    copyFileSync(PROTOCOL, path.join(dir, "IJE_RADAR_Protocol.netcanvas"));
    return dir;
  }

  it("joins rows to egos in ego-file order, and buffers files in another order", async () => {
    const perSession = await readAll(radarCopy((n) => /^case_[123]_/.test(n) || n.endsWith(".netcanvas")));
    const inOrder = await readAll(merged(() => ["case_1", "case_2", "case_3"]));
    const shuffled = await readAll(
      merged((suffix) => (suffix === "ego.csv" ? ["case_1", "case_2", "case_3"] : ["case_3", "case_1", "case_2"])),
    );
    expect(inOrder.problems).toEqual([]);
    expect(shuffled.problems).toEqual([]);
    expect(inOrder.networks.map(withoutSources)).toEqual(perSession.networks.map(withoutSources));
    expect(shuffled.networks.map(withoutSources)).toEqual(perSession.networks.map(withoutSources));
  });

  it("parts() reads in one pass with inOrder, and a file out of ego order stops it with RowsOutOfOrder", async () => {
    const dir = merged((suffix) => (suffix === "ego.csv" ? ["case_1", "case_2", "case_3"] : ["case_3", "case_1", "case_2"]));
    const ctx = context();
    const dataset = await openNetworkCanvasCsv(dir, ctx);
    const read = async (options: { inOrder: boolean; again?: boolean }) => {
      const sink = new ProblemList();
      const networks: EgoNetwork[] = [];
      for await (const p of dataset.parts!(sink, options)) networks.push(buildEgo(p, { codebook: dataset.codebook }, sink));
      return networks;
    };
    await expect(read({ inOrder: true })).rejects.toBeInstanceOf(RowsOutOfOrder);
    const again = await read({ inOrder: false, again: true });
    expect(again.map(withoutSources)).toEqual((await readAll(dir)).networks.map(withoutSources));
  });
});

describe("parts(): the interviews unbuilt, for worker threads", () => {
  /** egos(), and buildEgo over structured clones of parts() (as a worker gets them), from two openings. */
  async function bothWays(input: string) {
    const viaEgos = await readAll(input);
    const ctx = context();
    const dataset = await openNetworkCanvasCsv(input, ctx);
    const sink = new ProblemList();
    const parts: EgoParts[] = [];
    for await (const p of dataset.parts!(sink, { inOrder: false })) parts.push(p);
    const networks = parts.map((p) => buildEgo(structuredClone(p), { codebook: dataset.codebook }, sink));
    return { viaEgos, networks, problems: [...ctx.problems.problems, ...sink.problems], parts };
  }

  it("give the networks and problems egos() gives, in the same order (per-session and merged exports, with problems)", async () => {
    const broken = radarCopy();
    const tie = path.join(broken, readdirSync(broken).find((n) => n.startsWith("case_2_") && n.includes("_edgeList_"))!);
    const [header, ...rows] = readFileSync(tie, "utf8").split("\r\n").filter((l) => l !== "");
    writeFileSync(tie, [header, ...rows, rows[0], rows[0].split(",").slice(0, 3).join(",")].map((l) => l + "\r\n").join(""));
    for (const input of [RADAR, path.resolve("fixtures/network-canvas-radar-merged"), broken]) {
      const { viaEgos, networks, problems, parts } = await bothWays(input);
      expect(parts.every((p) => p.kind === "network-canvas-csv")).toBe(true);
      expect(networks).toEqual(viaEgos.networks);
      expect(problems).toEqual(viaEgos.problems);
      if (input === broken) expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(["duplicate-tie", "short-row"]));
    }
  });

  it("parts() and egos() are one reading: after either, the other is a bug", async () => {
    const dataset = await openNetworkCanvasCsv(RADAR, context());
    for await (const _ of dataset.parts!(new ProblemList())) break;
    expect(() => dataset.egos()).toThrow(/twice/);
  });
});

describe("inputs and their problems", () => {
  it("a path that does not exist, or a folder with no export, is an InputError", async () => {
    await expect(openNetworkCanvasCsv("/nonexistent/export", context())).rejects.toThrow(InputError);
    const empty = tempDir();
    writeFileSync(path.join(empty, "notes.txt"), "hello");
    await expect(openNetworkCanvasCsv(empty, context())).rejects.toThrow(/no Network Canvas CSV export/);
  });

  it("reads several exports side by side in subfolders", async () => {
    const root = tempDir();
    radarCopy(session("case_1"), path.join(root, "wave1"));
    radarCopy(session("case_2"), path.join(root, "wave2"));
    copyFileSync(PROTOCOL, path.join(root, "wave1", "IJE_RADAR_Protocol.netcanvas"));
    copyFileSync(PROTOCOL, path.join(root, "wave2", "IJE_RADAR_Protocol.netcanvas"));
    const { networks, problems, dataset } = await readAll(root);
    expect(networks.map((n) => n.ego.egoId)).toEqual(["case_1", "case_2"]);
    expect(problems).toEqual([]); // two copies of the same protocol are one protocol
    expect(dataset.codebook.source).toBe("protocol");
    expect(networks[0].alters[0].source.file).toBe("wave1/case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_attributeList_Person.csv");
  });

  it("two different protocols beside the data: neither is used, with a warning", async () => {
    const dir = radarCopy(session("case_1"));
    copyFileSync(PROTOCOL, path.join(dir, "a.netcanvas"));
    writeFileSync(path.join(dir, "b.netcanvas"), zipSync({ "protocol.json": strToU8('{"codebook":{"node":{},"edge":{},"ego":{}}}') }));
    const { problems, dataset } = await readAll(dir);
    expect(problems.map((p) => p.code)).toEqual(["several-protocols", "inferred-types"]);
    expect(dataset.codebook.source).toBe("inferred");
  });

  it("strips the formula guard in real cells and keeps Unicode type names", async () => {
    const dir = tempDir();
    const ego = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,sessionStart,sessionFinish,sessionExported,note\r\n";
    writeFileSync(path.join(dir, "c1_s1_ego.csv"), ego + "e1,c1,s1,P,,,,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    writeFileSync(
      path.join(dir, "c1_s1_attributeList_Café.csv"),
      "nodeID,networkCanvasEgoUUID,networkCanvasUUID,nom\r\n1,e1,a1,'-Zoé\r\n2,e1,a2,Léa\r\n",
    );
    writeFileSync(
      path.join(dir, "c1_s1_edgeList_Connaît.csv"),
      "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\r\n3,1,2,e1,t1,a1,a2\r\n",
    );
    const protocol = {
      codebook: {
        ego: { variables: { v0: { name: "note", type: "text" } } },
        node: { n1: { name: "Café", variables: { v1: { name: "nom", type: "text" } } } },
        edge: { e1: { name: "Connaît", variables: {} } },
      },
    };
    writeFileSync(path.join(dir, "p.netcanvas"), zipSync({ "protocol.json": strToU8(JSON.stringify(protocol)) }));
    const { networks, problems } = await readAll(dir);
    expect(problems).toEqual([]);
    expect(networks[0].ego.attributes.note).toBe('=HYPERLINK("x")');
    expect(networks[0].alters.map((a) => [a.nodeType, a.attributes.nom])).toEqual([
      ["Café", "-Zoé"],
      ["Café", "Léa"],
    ]);
    expect(networks[0].ties[0].edgeType).toBe("Connaît");
  });

  it("a zip entry that points outside the folder is ignored with a warning, never written", async () => {
    const dir = tempDir();
    const files: Record<string, Uint8Array> = {};
    for (const name of readdirSync(RADAR).filter(session("case_1"))) files[name] = readFileSync(path.join(RADAR, name));
    files["../case_9_evil_ego.csv"] = strToU8("networkCanvasEgoUUID,networkCanvasCaseID\r\nx,evil\r\n");
    files["/etc/case_8_evil_ego.csv"] = strToU8("networkCanvasEgoUUID,networkCanvasCaseID\r\ny,evil2\r\n");
    const zip = path.join(dir, "export.zip");
    writeFileSync(zip, zipSync(files));
    const { networks, problems } = await readAll(zip, { protocol: PROTOCOL });
    expect(networks.map((n) => n.ego.egoId)).toEqual(["case_1"]);
    expect(problems.map((p) => [p.severity, p.code, p.file])).toEqual([
      ["warning", "unsafe-zip-entry", "export.zip"],
      ["warning", "unsafe-zip-entry", "export.zip"],
    ]);
    expect(readdirSync(path.dirname(dir)).some((n) => n.includes("evil"))).toBe(false);
  });

  it("refuses a zip bomb: too large in total, or too highly compressed", async () => {
    const dir = tempDir();
    const zeros = new Uint8Array(8 * 1024 * 1024); // compresses about 1000:1
    const bomb = path.join(dir, "bomb.zip");
    writeFileSync(bomb, zipSync({ "x_s_ego.csv": strToU8("networkCanvasEgoUUID\r\ne\r\n"), "x_s_attributeList_P.csv": zeros }));
    await expect(openNetworkCanvasCsv(bomb, context())).rejects.toThrow(/zip bomb/);
    await expect(
      openNetworkCanvasCsv(RADAR_ZIP, context(), {
        zipLimits: { maxEntryBytes: 1e9, maxTotalBytes: 50_000, maxRatio: 200, ratioFloorBytes: 1e6 },
      }),
    ).rejects.toThrow(/more than 50000 bytes/);
  });

  it("reports header and id problems once each", async () => {
    const dir = tempDir();
    const egoHeader = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,age,age\r\n";
    // A merged file: an empty case id, and one egoUUID twice.
    writeFileSync(path.join(dir, "P_ego.csv"), egoHeader + "e1,,s1,30,31\r\ne2,c2,s2,40,41\r\ne2,c3,s3,50,51\r\n");
    writeFileSync(
      path.join(dir, "P_attributeList_Person.csv"),
      "nodeID,networkCanvasEgoUUID,networkCanvasUUID,Age,Nickname\r\n1,e1,a1,20,x\r\n2,e2,a2,21,y\r\n",
    );
    writeFileSync(path.join(dir, "P_edgeList.csv"), "edgeID,from,to,networkCanvasEgoUUID\r\n1,1,2,e1\r\n");
    const protocol = { codebook: { ego: { variables: {} }, node: { n: { name: "Person", variables: { v: { name: "Age", type: "number" } } } }, edge: {} } };
    writeFileSync(path.join(dir, "p.netcanvas"), zipSync({ "protocol.json": strToU8(JSON.stringify(protocol)) }));
    const { problems, networks } = await readAll(dir);
    expect(problems.map((p) => [p.severity, p.code, p.file, p.line])).toEqual([
      ["error", "untyped-rows", "P_edgeList.csv", 2],
      ["warning", "unknown-column", "P_ego.csv", 1],
      ["warning", "unknown-column", "P_attributeList_Person.csv", 1],
      ["warning", "duplicate-column", "P_ego.csv", 1],
      ["error", "missing-ego-id", "P_ego.csv", 2],
      ["error", "duplicate-ego-uuid", "P_ego.csv", 4],
    ]);
    expect(networks.map((n) => [n.ego.egoId, n.ego.attributes.age, n.alters.length])).toEqual([
      ["e1", 30, 1],
      ["c2", 40, 1],
    ]);
  });

  it("an ego file with a missing egoUUID column, and an edge list without join columns, are errors", async () => {
    const dir = radarCopy(session("case_2"));
    const close = readdirSync(dir).find((n) => n.endsWith("_edgeList_Close.csv"))!;
    writeFileSync(path.join(dir, close), "edgeID,networkCanvasEgoUUID\r\n1,x\r\n");
    const { problems, networks } = await readAll(dir, { protocol: PROTOCOL });
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([["missing-column", close, 1]]);
    expect(networks[0].ties.map((t) => t.edgeType)).toEqual(["SexTie"]);
  });
});
