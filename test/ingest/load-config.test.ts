import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { resolveAlias } from "../../src/model/resolve-alias.js";
import { validateStudyConfig } from "../../src/ingest/validate-config.js";

async function folderWith(config: unknown): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "netsp-config-"));
  await writeFile(path.join(dir, "netsp.config.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

describe("loadStudyConfig", () => {
  it("finds netsp.config.json in the input folder and resolves data and protocol against it", async () => {
    const dir = await folderWith({ data: "interviews", protocol: "interviews/study.netcanvas", aliases: { deprivation: "area_deprivation" } });
    const loaded = await loadStudyConfig({ input: dir });
    expect(loaded.path).toBe(path.join(dir, "netsp.config.json"));
    expect(loaded.dataPath).toBe(path.join(dir, "interviews"));
    expect(loaded.protocolPath).toBe(path.join(dir, "interviews", "study.netcanvas"));
    expect(resolveAlias("deprivation", loaded.config)).toBe("area_deprivation");
    expect(resolveAlias("caseload", loaded.config)).toBe("caseload");
  });

  it("finds the config beside an input file, and in the current folder when there is no input", async () => {
    const dir = await folderWith({ nodeTypes: ["Person"] });
    await writeFile(path.join(dir, "x_ego.csv"), "");
    expect((await loadStudyConfig({ input: path.join(dir, "x_ego.csv") })).config.nodeTypes).toEqual(["Person"]);
    expect((await loadStudyConfig({ cwd: dir })).config.nodeTypes).toEqual(["Person"]);
  });

  it("returns an empty config when there is none", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "netsp-config-"));
    await mkdir(path.join(dir, "data"));
    expect(await loadStudyConfig({ input: path.join(dir, "data") })).toEqual({ config: {} });
  });

  it("refuses a missing --config file and invalid JSON as usage errors", async () => {
    await expect(loadStudyConfig({ configPath: "/nonexistent/netsp.config.json" })).rejects.toThrow(UsageError);
    const dir = await folderWith("{ not json");
    await expect(loadStudyConfig({ input: dir })).rejects.toThrow(/not valid JSON/);
  });

  it("reports every bad key at once, one message each", async () => {
    const dir = await folderWith({
      nodeType: ["Person"],
      exclude: [{ variable: "link_worker" }],
      tables: [{ name: "t1", columns: [{ measure: "network_size", aggregate: "average" }] }, { name: "t1" }, { name: "bad name" }],
    });
    const error = await loadStudyConfig({ input: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).toMatch(/5 problems/);
    expect(message).toMatch(/config\.tables\[2\]\.name: "bad name" must be letters/);
    expect(message).toMatch(/unknown key "nodeType" \(did you mean "nodeTypes"\?\)/);
    expect(message).toMatch(/config\.exclude\[0\]: give exactly one of "equals" or "in"/);
    expect(message).toMatch(/config\.tables\[0\]\.columns\[0\]\.aggregate: expected one of/);
    expect(message).toMatch(/two tables are named "t1"/);
  });
});

describe("validateStudyConfig", () => {
  it("accepts a full example", () => {
    expect(
      validateStudyConfig({
        data: "interviews",
        format: "network-canvas-csv",
        protocol: "interviews/thesis.netcanvas",
        egoId: "caseId",
        aliases: { deprivation: "area_deprivation" },
        groups: { area_deprivation: { levels: ["high", "low", "mixture"], labels: { high: "High" } } },
        nodeTypes: ["Person", "Organisation"],
        edgeTypes: ["work_together"],
        exclude: [{ variable: "link_worker", equals: true }],
        composition: { sector: { categories: ["vcs", "healthcare"] } },
        denominators: ["caseload"],
        columns: { egoId: "respondent" },
        tables: [{ name: "table08", by: "area_deprivation", columns: [{ measure: "network_size", aggregate: "median", decimals: 0 }] }],
      }),
    ).toEqual([]);
  });

  it("rejects a non-object", () => {
    expect(validateStudyConfig([])).toEqual(["config: expected an object, got a list"]);
  });
});
