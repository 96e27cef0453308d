import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import type { ReaderContext } from "../../src/ingest/dataset.js";
import { detectFormat, openDataset } from "../../src/ingest/open-dataset.js";
import { ProblemList, type StudyConfig } from "../../src/model/index.js";

const RADAR = path.resolve("fixtures/network-canvas-radar");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-open-"));
  dirs.push(dir);
  return dir;
}
function ctx(config: StudyConfig = {}): ReaderContext & { problems: ProblemList } {
  return { config, egoIdField: "caseId", problems: new ProblemList() };
}

describe("detectFormat", () => {
  it("recognises Network Canvas CSV as a folder, a zip and an _ego.csv file", async () => {
    expect(await detectFormat(RADAR, ctx())).toBe("network-canvas-csv");
    expect(await detectFormat("fixtures/network-canvas-radar.zip", ctx())).toBe("network-canvas-csv");
    expect(await detectFormat(path.join(RADAR, "case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_ego.csv"), ctx())).toBe(
      "network-canvas-csv",
    );
  });

  it("recognises GraphML files and the three-file tables (default or configured names)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.graphml"), "<graphml/>");
    expect(await detectFormat(dir, ctx())).toBe("graphml");
    expect(await detectFormat(path.join(dir, "a.graphml"), ctx())).toBe("graphml");
    const three = tempDir();
    writeFileSync(path.join(three, "egos.csv"), "ego_id\n1\n");
    writeFileSync(path.join(three, "alters.csv"), "ego_id,alter_id\n1,a\n");
    expect(await detectFormat(three, ctx())).toBe("three-file");
    const named = tempDir();
    writeFileSync(path.join(named, "people.csv"), "id\n1\n");
    writeFileSync(path.join(named, "contacts.csv"), "id,c\n1,a\n");
    expect(await detectFormat(named, ctx({ columns: { egos: "people.csv", alters: "contacts.csv" } }))).toBe("three-file");
  });

  it("prefers CSV over GraphML in a folder holding both, with a warning", async () => {
    const dir = tempDir();
    copyFileSync(path.join(RADAR, "case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_ego.csv"), path.join(dir, "c_ego.csv"));
    writeFileSync(path.join(dir, "c.graphml"), "<graphml/>");
    const c = ctx();
    expect(await detectFormat(dir, c)).toBe("network-canvas-csv");
    expect(c.problems.problems.map((p) => p.code)).toEqual(["ignored-graphml"]);
  });

  it("explains what is wrong with unreadable inputs (InputError)", async () => {
    await expect(detectFormat("/nonexistent/x", ctx())).rejects.toThrow(/no such file or folder/);
    const empty = tempDir();
    writeFileSync(path.join(empty, "readme.txt"), "x");
    await expect(detectFormat(empty, ctx())).rejects.toThrow(/holds no interview data/);
    await expect(detectFormat(path.join(RADAR, "IJE_RADAR_Protocol.netcanvas"), ctx())).rejects.toThrow(/--protocol/);
    await expect(
      detectFormat(path.join(RADAR, "case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_edgeList_Close.csv"), ctx()),
    ).rejects.toThrow(/one file of a Network Canvas export/);
    const zip = path.join(empty, "other.zip");
    writeFileSync(zip, zipSync({ "notes.txt": strToU8("x") }));
    await expect(detectFormat(zip, ctx())).rejects.toThrow(InputError);
    await expect(detectFormat(path.join(empty, "readme.txt"), ctx())).rejects.toThrow(/cannot tell/);
  });
});

describe("openDataset", () => {
  it("opens the radar export as Network Canvas CSV", async () => {
    const dataset = await openDataset(RADAR, ctx());
    expect(dataset.format).toBe("network-canvas-csv");
    expect(dataset.codebook.source).toBe("protocol");
  });

  it("config.format forces the reader", async () => {
    // Forced to GraphML, a folder of CSV files holds nothing that reader can use.
    await expect(openDataset(RADAR, ctx({ format: "graphml" }))).rejects.toThrow();
    const forced = await openDataset(RADAR, ctx({ format: "network-canvas-csv" }));
    expect(forced.format).toBe("network-canvas-csv");
  });
});
