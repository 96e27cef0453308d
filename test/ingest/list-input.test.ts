import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { containerOf, duplicateEgoIdMessage } from "../../src/ingest/duplicate-ego-id.js";
import { listInput } from "../../src/ingest/list-input.js";
import { detectFormat, openDataset } from "../../src/ingest/open-dataset.js";
import { ProblemList, type EgoNetwork } from "../../src/model/index.js";

const ZIPS = path.resolve("fixtures/real-exports/three-zips/csv");
const GRAPHML_ZIPS = path.resolve("fixtures/real-exports/three-zips/graphml");

const root = mkdtempSync(path.join(tmpdir(), "netsp-several-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const dir = path.join(root, `t${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

async function readStudy(input: string) {
  const problems = new ProblemList();
  const ctx = { config: {}, egoIdField: "caseId" as const, problems };
  const dataset = await openDataset(input, ctx);
  const networks: EgoNetwork[] = [];
  for await (const network of dataset.egos()) networks.push(network);
  const alters: Record<string, number> = {};
  for (const net of networks) for (const a of net.alters) alters[a.nodeType] = (alters[a.nodeType] ?? 0) + 1;
  return { dataset, networks, problems: problems.problems, egos: networks.map((x) => x.ego.egoId), alters, ties: networks.reduce((s, x) => s + x.ties.length, 0) };
}

describe("a folder of export zips is one study", () => {
  it("three downloads (networkCanvasExport.zip, … (1).zip, one renamed by date): every interview of each", async () => {
    expect(await detectFormat(ZIPS, { config: {}, egoIdField: "caseId", problems: new ProblemList() })).toBe("network-canvas-csv");
    const study = await readStudy(ZIPS);
    expect(study.egos.sort()).toEqual(["S01", "S02", "S03", "S04", "S05"]);
    // expected-model.json: 5 egos, 19 Person alters, 8 Knows ties.
    expect(study.alters).toEqual({ Person: 19 });
    expect(study.ties).toBe(8);
    expect(study.problems.filter((p) => p.severity === "error")).toEqual([]);
    // Each zip is an input file (hashed for run.json); entries are named after their zip.
    expect(study.dataset.files.filter((f) => f.endsWith(".zip")).map((f) => path.basename(f)).sort()).toEqual([
      "networkCanvasExport (1).zip",
      "networkCanvasExport-2024-03-02.zip",
      "networkCanvasExport.zip",
    ]);
    const s03 = study.networks.find((x) => x.ego.egoId === "S03")!;
    expect(s03.ego.source.file).toMatch(/^networkCanvasExport \(1\)\.zip\/S03_.*_ego\.csv$/);
  });

  it("GraphML downloads too", async () => {
    const study = await readStudy(GRAPHML_ZIPS);
    expect(study.egos.sort()).toEqual(["S01", "S02", "S03", "S04", "S05"]);
    expect(study.alters).toEqual({ Person: 19 });
    expect(study.ties).toBe(8);
  });

  it("zips and unzipped export folders side by side", async () => {
    const dir = fresh();
    copyFileSync(path.join(ZIPS, "networkCanvasExport.zip"), path.join(dir, "networkCanvasExport.zip"));
    copyFileSync(path.join(ZIPS, "Peer_Support_Study.netcanvas"), path.join(dir, "Peer_Support_Study.netcanvas"));
    // The other two downloads, unzipped into folders of their own.
    for (const name of ["networkCanvasExport (1).zip", "networkCanvasExport-2024-03-02.zip"]) {
      const folder = path.join(dir, name.replace(/\.zip$/, ""));
      mkdirSync(folder);
      for (const [entry, data] of Object.entries(unzipSync(readFileSync(path.join(ZIPS, name))))) writeFileSync(path.join(folder, entry), data);
    }
    const study = await readStudy(dir);
    expect(study.egos.sort()).toEqual(["S01", "S02", "S03", "S04", "S05"]);
    expect(study.alters).toEqual({ Person: 19 });
    expect(study.ties).toBe(8);
    expect(study.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("the same interview in two downloads: a duplicate-ego-id error naming both zips", async () => {
    const dir = fresh();
    cpSync(ZIPS, dir, { recursive: true });
    // A later download that holds S05 again.
    const again = unzipSync(readFileSync(path.join(ZIPS, "networkCanvasExport-2024-03-02.zip")));
    writeFileSync(path.join(dir, "networkCanvasExport (2).zip"), zipSync(again));
    const study = await readStudy(dir);
    const duplicates = study.problems.filter((p) => p.code === "duplicate-ego-id");
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].file).toMatch(/^networkCanvasExport-2024-03-02\.zip\/S05_/);
    expect(duplicates[0].message).toMatch(
      /^ego id S05 is used twice: the same interview \(networkCanvasEgoUUID [0-9a-f-]+\) is in networkCanvasExport-2024-03-02\.zip and in networkCanvasExport \(2\)\.zip \(at networkCanvasExport \(2\)\.zip\/S05_[^ ]+_ego\.csv:2\), two downloads of one export\? Keep one copy of it in the folder$/,
    );
  });

  it("the zip limits hold for the folder's zips together", async () => {
    const problems = new ProblemList();
    const limits = { maxEntryBytes: 1e9, maxTotalBytes: 3000, maxRatio: 200, ratioFloorBytes: 1e6 };
    // Each zip alone unpacks to less than 3,000 bytes (2,237, 2,492 and 1,092), the three to more.
    await expect(listInput(ZIPS, problems, { keep: (name) => name.endsWith(".csv"), zipLimits: limits })).rejects.toThrow(
      /the zips of the folder would unpack to more than 3000 bytes together/,
    );
    const listed = await listInput(ZIPS, problems, { keep: (name) => name.endsWith(".csv") });
    expect(listed.files).toHaveLength(15);
    expect(listed.files.every((f) => f.archive !== undefined && f.name.startsWith(path.basename(f.archive) + "/"))).toBe(true);
  });
});

describe("duplicate ego id messages", () => {
  it("name the zip or folder each file is in", () => {
    expect(containerOf("b.zip/case_1_s_ego.csv:2")).toBe("b.zip");
    expect(containerOf("downloads/b.zip/inner/case_1_s_ego.csv:2")).toBe("downloads/b.zip");
    expect(containerOf("wave2/case_1_s_ego.csv:2")).toBe("wave2");
    expect(containerOf("case_1_s_ego.csv:2")).toBe("");
  });

  it("two different interviews with one case id still suggest --ego-id sessionId", () => {
    const message = duplicateEgoIdMessage("c1", { at: "b.zip/c1_s2_ego.csv:2", egoUUID: "u2" }, { at: "a.zip/c1_s1_ego.csv:2", egoUUID: "u1" }, "caseId");
    expect(message).toBe("ego id c1 is used twice: here and at a.zip/c1_s1_ego.csv:2 (several interviews with one case id? try --ego-id sessionId)");
  });
});
