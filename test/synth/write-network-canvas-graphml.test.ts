import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan, ProblemList } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { buildProtocolJson, cohortProtocol, writeCohort, type CohortFormat } from "../../src/synth/index.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-synth-graphml-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const base = { egos: 40, alters: 20, density: 0.15, types: 2, seed: 5 };
const dirOf = (format: CohortFormat) => path.join(root, format);
for (const format of ["merged", "graphml", "merged-graphml"] as const) writeCohort({ ...base, format, out: dirOf(format) });

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex");
const keyLines = (text: string) => text.split("\n").filter((l) => l.startsWith("  <key "));

/** Opens a folder as `netsp measures` does and returns its measure rows and problems. */
async function measure(dir: string) {
  const loaded = await loadStudyConfig({ input: dir });
  const problems = new ProblemList();
  const dataset = await openDataset(dir, { config: loaded.config, protocol: loaded.protocolPath, egoIdField: "caseId", problems });
  const measured = await measureDataset(dataset, makeStudyPlan(dataset.codebook, loaded.config), { groupVariables: [] });
  return { format: dataset.format, rows: measured.table.rows, problems: [...problems.errors, ...problems.warnings] };
}

describe("writeCohort as Network Canvas GraphML", () => {
  it("writes one .graphml per interview, or one merged file, beside the protocol and the config", () => {
    const perSession = readdirSync(dirOf("graphml")).sort();
    expect(perSession.filter((f) => f.endsWith(".graphml"))).toHaveLength(40);
    expect(perSession.filter((f) => !f.endsWith(".graphml"))).toEqual(["cohort.netcanvas", "netsp.config.json"]);
    expect(perSession.find((f) => f.endsWith(".graphml"))).toMatch(/^ego_01_[0-9a-f-]{36}\.graphml$/);
    // No hidden .part file is left behind.
    expect(readdirSync(dirOf("merged-graphml")).sort()).toEqual(["cohort.graphml", "cohort.netcanvas", "netsp.config.json"]);
    const merged = readFileSync(path.join(dirOf("merged-graphml"), "cohort.graphml"), "utf8");
    expect(merged.match(/<graph /g)).toHaveLength(40);
    // Node and edge ids are counted across the sessions of a merged file, so they are unique in it.
    const nodeIds = [...merged.matchAll(/<node id="(\d+)">/g)].map((m) => Number(m[1]));
    expect(new Set(nodeIds).size).toBe(nodeIds.length);
    expect(nodeIds).toEqual(nodeIds.map((_, i) => i + 1));
    const edgeIds = [...merged.matchAll(/<edge id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(edgeIds).toEqual(edgeIds.map((_, i) => i + 1));
  });

  it("writes the same bytes for the same options", () => {
    for (const format of ["graphml", "merged-graphml"] as const) {
      const again = path.join(root, `${format}-again`);
      writeCohort({ ...base, format, out: again });
      const files = readdirSync(dirOf(format));
      expect(readdirSync(again)).toEqual(files);
      for (const f of files) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(dirOf(format), f))), f).toBe(true);
    }
  });

  it("declares keys as the exporter does: codebook UUIDs, sha1 option ids, types from the values, in the exporter's order", () => {
    const protocol = buildProtocolJson(cohortProtocol(2)) as {
      codebook: { node: Record<string, { name: string; variables: Record<string, { name: string }> }>; ego: { variables: Record<string, { name: string }> } };
    };
    const uuidOf = (variables: Record<string, { name: string }>, name: string) => Object.entries(variables).find(([, v]) => v.name === name)![0];
    const person = Object.values(protocol.codebook.node).find((t) => t.name === "Person")!.variables;
    const text = readFileSync(path.join(dirOf("merged-graphml"), "cohort.graphml"), "utf8");
    const keys = keyLines(text);
    const key = (name: string, what: string) => keys.filter((l) => l.includes(` attr.name="${name}" `) && l.endsWith(` for="${what}"/>`));
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(text).toContain('xmlns:nc="http://schema.networkcanvas.com/xmlns"');
    expect(key("age", "graph")).toEqual([`  <key id="${uuidOf(protocol.codebook.ego.variables, "age")}" attr.name="age" attr.type="int" for="graph"/>`]);
    expect(key("gender", "graph")[0]).toContain('attr.type="string"');
    expect(key("lw_question_asked", "graph")[0]).toContain('attr.type="boolean"');
    expect(key("sector_local_authority", "node")).toContain(
      `  <key id="${uuidOf(person, "sector")}_${sha1("local_authority")}" attr.name="sector_local_authority" attr.type="boolean" for="node"/>`,
    );
    expect(key("layout_X", "node")).toContain(`  <key id="${uuidOf(person, "layout")}_X" attr.name="layout_X" attr.type="double" for="node"/>`);
    expect(key("months_known", "node")[0]).toContain('attr.type="int"');
    expect(key("contact_frequency", "node")[0]).toContain('attr.type="string"');
    // Order: ego keys, label, networkCanvasType, networkCanvasUUID, node keys, the tie ends, edge keys.
    const names = keys.map((l) => / attr\.name="([^"]+)"/.exec(l)![1]);
    expect(names.indexOf("lw_question_asked")).toBeLessThan(names.indexOf("label"));
    expect(names.slice(names.indexOf("label"), names.indexOf("label") + 3)).toEqual(["label", "networkCanvasType", "networkCanvasUUID"]);
    expect(names.slice(-2)).toEqual(["networkCanvasSourceUUID", "networkCanvasTargetUUID"]);
    // The graph element and the ego's UUID, as in fixtures/real-exports/*/graphml.
    expect(text).toMatch(
      /<graph edgedefault="undirected" nc:caseId="ego_01" nc:sessionUUID="[0-9a-f-]{36}" nc:protocolName="cohort" nc:sessionStart="[^"]+" nc:sessionFinish="[^"]+" nc:sessionExported="[^"]+">\n    <data key="networkCanvasUUID">[0-9a-f-]{36}<\/data>\n/,
    );
  });

  it("is read by netsp's GraphML reader with no problems, and gives the merged CSV export's measures row for row", async () => {
    const csv = await measure(dirOf("merged"));
    expect(csv.format).toBe("network-canvas-csv");
    expect(csv.problems).toEqual([]);
    expect(csv.rows).toHaveLength(40);
    expect(csv.rows.some((r) => (r.excluded_alters as number) > 0)).toBe(true);
    for (const format of ["graphml", "merged-graphml"] as const) {
      const graphml = await measure(dirOf(format));
      expect(graphml.format).toBe("graphml");
      expect(graphml.problems, format).toEqual([]);
      // Ego ids are the case ids in both (the CSV's networkCanvasCaseID, the GraphML's nc:caseId), so the
      // rows are equal whole, ego_id included.
      expect(graphml.rows, format).toEqual(csv.rows);
    }
  });
});
