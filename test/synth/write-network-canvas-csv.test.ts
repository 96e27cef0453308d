import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputError } from "../../src/errors.js";
import type { Codebook } from "../../src/model/index.js";
import { linkWorkerCodebook } from "../../src/synth/link-worker-codebook.js";
import type { SynthInterview } from "../../src/synth/synth-interview.js";
import { NetworkCanvasCsvWriter } from "../../src/synth/write-network-canvas-csv.js";

// The fixed columns exactly as the format spec lists them (network-canvas-export.md, "Columns, in order").
const SPEC_EGO =
  "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,sessionStart,sessionFinish,sessionExported";
const SPEC_NODE = "nodeID,networkCanvasEgoUUID,networkCanvasUUID";
const SPEC_EDGE = "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID";

const RADAR = new URL("../../fixtures/network-canvas-radar/", import.meta.url);
const THESIS_INTERVIEWS = fileURLToPath(new URL("../../fixtures/thesis/interviews/", import.meta.url));

const codebook: Codebook = {
  source: "protocol",
  ego: { age: { name: "age", type: "number" }, site: { name: "site", type: "ordinal" } },
  node: {
    Person: {
      name: { name: "name", type: "text" },
      role: {
        name: "role",
        type: "categorical",
        options: [
          { value: "gp", label: "GP" },
          { value: "social_worker", label: "Social worker" },
        ],
      },
      known: { name: "known", type: "boolean" },
      pos: { name: "pos", type: "layout" },
    },
    "Org unit": { name: { name: "name", type: "text" } },
  },
  edge: { "close friend": {}, works: { since: { name: "since", type: "number" } } },
};

function interview(caseId: string, overrides: Partial<SynthInterview> = {}): SynthInterview {
  return {
    caseId,
    sessionId: `s-${caseId}`,
    egoUUID: `e-${caseId}`,
    sessionStart: "2022-01-01T10:00:00.000Z",
    sessionFinish: "2022-01-01T11:00:00.000Z",
    ego: { age: 40, site: "North" },
    alters: [
      { uuid: "p1", nodeType: "Person", attributes: { name: "=SUM(A1)", role: ["gp"], known: true }, layout: { pos: { x: 0.25, y: 0.5 } } },
      { uuid: "o1", nodeType: "Org unit", attributes: { name: "Food bank, north" } },
      { uuid: "p2", nodeType: "Person", attributes: { name: 'Sam "Jr"', role: null, known: null } },
      { uuid: "p3", nodeType: "Person", attributes: { name: "-x\nline", role: [], known: false } },
    ],
    ties: [
      { uuid: "t1", edgeType: "works", source: 0, target: 1, attributes: { since: -5 } },
      { uuid: "t2", edgeType: "close friend", source: 2, target: 0 },
      { uuid: "t3", edgeType: "works", source: 3, target: 1 },
    ],
    ...overrides,
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "netsp-nc-writer-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const raw = (name: string) => readFileSync(path.join(dir, name), "utf8");
const rows = (name: string) => parse(raw(name), { relax_quotes: false }) as string[][];

function writeAll(layout: "per-session" | "merged", interviews: SynthInterview[], book = codebook): string[] {
  const writer = new NetworkCanvasCsvWriter({ dir, codebook: book, protocolName: "Study A", exportedAt: "2022-02-01T09:00:00.000Z", layout });
  for (const i of interviews) writer.write(i);
  return writer.close();
}

describe("NetworkCanvasCsvWriter, per session", () => {
  it("writes the files of a session under <caseId>_<sessionId>, type names without non-word characters", () => {
    const files = writeAll("per-session", [interview("case_1")]);
    expect(files).toEqual([
      "case_1_s-case_1_ego.csv",
      "case_1_s-case_1_attributeList_Person.csv",
      "case_1_s-case_1_attributeList_Orgunit.csv",
      "case_1_s-case_1_edgeList_closefriend.csv",
      "case_1_s-case_1_edgeList_works.csv",
    ]);
    expect(readdirSync(dir).sort()).toEqual([...files].sort());
  });

  it("starts every header with the spec's fixed columns, then the codebook's variables", () => {
    writeAll("per-session", [interview("c")]);
    expect(raw("c_s-c_ego.csv").split("\r\n")[0]).toBe(`${SPEC_EGO},age,site`);
    expect(raw("c_s-c_attributeList_Person.csv").split("\r\n")[0]).toBe(`${SPEC_NODE},name,role_gp,role_social_worker,known,pos_x,pos_y`);
    expect(raw("c_s-c_attributeList_Orgunit.csv").split("\r\n")[0]).toBe(`${SPEC_NODE},name`);
    expect(raw("c_s-c_edgeList_works.csv").split("\r\n")[0]).toBe(`${SPEC_EDGE},since`);
    expect(raw("c_s-c_edgeList_closefriend.csv").split("\r\n")[0]).toBe(SPEC_EDGE);
  });

  it("uses the same fixed columns as a real Interviewer export", () => {
    const first = (file: string) => readFileSync(new URL(file, RADAR), "utf8").split("\r\n")[0];
    const prefix = "case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f";
    expect(first(`${prefix}_ego.csv`).startsWith(SPEC_EGO + ",")).toBe(true);
    expect(first(`${prefix}_attributeList_Person.csv`).startsWith(SPEC_NODE + ",")).toBe(true);
    expect(first(`${prefix}_edgeList_DrugTie.csv`)).toBe(SPEC_EDGE);
  });

  it("ends every line with CRLF, and quotes only cells that need it", () => {
    writeAll("per-session", [interview("c")]);
    for (const name of readdirSync(dir)) {
      const text = raw(name);
      expect(text.endsWith("\r\n")).toBe(true);
      // Outside quoted cells there is no bare LF: the only LF is inside the quoted "-x\nline".
      expect(text.replace(/"[^"]*(""[^"]*)*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    }
    expect(raw("c_s-c_attributeList_Orgunit.csv")).toBe(`${SPEC_NODE},name\r\n2,e-c,o1,"Food bank, north"\r\n`);
  });

  it("counts nodeIDs across node types in naming order, and edgeIDs across edge types in codebook order", () => {
    writeAll("per-session", [interview("c")]);
    expect(rows("c_s-c_attributeList_Person.csv").slice(1).map((r) => r[0])).toEqual(["1", "3", "4"]);
    expect(rows("c_s-c_attributeList_Orgunit.csv").slice(1).map((r) => r[0])).toEqual(["2"]);
    // close friend comes first in the codebook, so its tie is edge 1.
    expect(rows("c_s-c_edgeList_closefriend.csv").slice(1)).toEqual([["1", "3", "1", "e-c", "t2", "p2", "p1"]]);
    expect(rows("c_s-c_edgeList_works.csv").slice(1)).toEqual([
      ["2", "1", "2", "e-c", "t1", "p1", "o1", "-5"],
      ["3", "4", "2", "e-c", "t3", "p3", "o1", ""],
    ]);
  });

  it("encodes categorical, boolean, layout, missing and guarded text cells", () => {
    writeAll("per-session", [interview("c")]);
    expect(rows("c_s-c_attributeList_Person.csv").slice(1)).toEqual([
      ["1", "e-c", "p1", "'=SUM(A1)", "true", "false", "true", "0.25", "0.5"],
      ["3", "e-c", "p2", 'Sam "Jr"', "", "", "", "", ""],
      ["4", "e-c", "p3", "'-x\nline", "false", "false", "false", "", ""],
    ]);
    expect(rows("c_s-c_ego.csv")[1]).toEqual([
      "e-c",
      "c",
      "s-c",
      "Study A",
      "2022-01-01T10:00:00.000Z",
      "2022-01-01T11:00:00.000Z",
      "2022-02-01T09:00:00.000Z",
      "40",
      "North",
    ]);
  });

  it("writes header-only attributeList/edgeList files for a session without alters or ties", () => {
    const files = writeAll("per-session", [interview("a", { alters: [], ties: [] }), interview("b", { ties: [] })]);
    expect(files).toContain("a_s-a_attributeList.csv");
    expect(files).toContain("a_s-a_edgeList.csv");
    expect(files).toContain("b_s-b_edgeList.csv");
    expect(files).not.toContain("b_s-b_attributeList.csv");
    expect(raw("a_s-a_attributeList.csv")).toBe(`${SPEC_NODE}\r\n`);
    expect(raw("a_s-a_edgeList.csv")).toBe(`${SPEC_EDGE}\r\n`);
  });

  it("refuses alters or ties of types the codebook does not have", () => {
    const bad = interview("c");
    bad.alters[1] = { ...bad.alters[1], nodeType: "Venue" };
    expect(() => writeAll("per-session", [bad])).toThrow(OutputError);
    const badTie = interview("d", { ties: [{ uuid: "t", edgeType: "enemy", source: 0, target: 1 }] });
    expect(() => writeAll("per-session", [badTie])).toThrow(/edge type "enemy"/);
    const dangling = interview("e", { ties: [{ uuid: "t", edgeType: "works", source: 0, target: 9 }] });
    expect(() => writeAll("per-session", [dangling])).toThrow(/alter 9/);
  });
});

describe("NetworkCanvasCsvWriter, merged", () => {
  it("writes one set of files prefixed by the protocol name, counting ids across sessions", () => {
    const files = writeAll("merged", [interview("a"), interview("b")]);
    expect(files).toEqual([
      "Study A_ego.csv",
      "Study A_attributeList_Person.csv",
      "Study A_attributeList_Orgunit.csv",
      "Study A_edgeList_closefriend.csv",
      "Study A_edgeList_works.csv",
    ]);
    expect(rows("Study A_ego.csv").map((r) => r[1])).toEqual(["networkCanvasCaseID", "a", "b"]);
    expect(rows("Study A_attributeList_Person.csv").slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["1", "e-a"],
      ["3", "e-a"],
      ["4", "e-a"],
      ["5", "e-b"],
      ["7", "e-b"],
      ["8", "e-b"],
    ]);
    expect(rows("Study A_edgeList_works.csv").slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["2", "1", "2"],
      ["3", "4", "2"],
      ["5", "5", "6"],
      ["6", "8", "6"],
    ]);
    // One header per file, however many sessions.
    expect(raw("Study A_attributeList_Person.csv").split(SPEC_NODE).length).toBe(2);
  });

  it("writes header-only files only when no session had alters or ties", () => {
    const files = writeAll("merged", [interview("a", { alters: [], ties: [] }), interview("b", { ties: [] })]);
    expect(files).toContain("Study A_edgeList.csv");
    expect(files).not.toContain("Study A_attributeList.csv");
  });
});

describe("the link-worker codebook's columns", () => {
  it("are the thesis export's columns", () => {
    writeAll("per-session", [{ ...interview("LW99"), ego: {}, alters: [], ties: [] }], linkWorkerCodebook());
    expect(raw("LW99_s-LW99_ego.csv").split("\r\n")[0]).toBe(
      `${SPEC_EGO},age,gender,ethnic_background,highest_education,months_in_post,region,area_deprivation,` +
        "imd_decile_gp_practice,employing_organisation,fte,caseload,lw_question_asked",
    );
    const committed = readFileSync(path.join(THESIS_INTERVIEWS, pickFile("attributeList_Person")), "utf8");
    expect(committed.split("\r\n")[0]).toBe(
      `${SPEC_NODE},name,link_worker,sector_vcs,sector_healthcare,sector_local_authority,sector_other,months_known,contact_frequency,layout_x,layout_y`,
    );
  });
});

function pickFile(kind: string): string {
  const name = readdirSync(THESIS_INTERVIEWS).find((f) => f.startsWith("LW01_") && f.endsWith(`_${kind}.csv`));
  if (!name) throw new Error(`no LW01 ${kind} file in fixtures/thesis/interviews`);
  return name;
}
