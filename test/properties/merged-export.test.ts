/**
 * The two forms of a Network Canvas CSV export hold the same study (fast-check, seeded): random studies are
 * written as per-session files (one set per interview) and as one merged set (every interview in each
 * file, rows of the alter and tie lists in random order across interviews), and both give the same
 * measures for every ego. Also: the same per-session export read from a zip gives the same measures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { ProblemList } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-merge-"));
  dirs.push(dir);
  return dir;
}

interface Interview {
  caseId: string;
  egoUUID: string;
  sessionId: string;
  group: string;
  alters: Array<{ uuid: string; sector: "a" | "b" | "c" | null; closeness: number | null }>;
  ties: Array<{ uuid: string; from: number; to: number; type: "Close" | "Work" }>;
}

const uuid = (n: number, kind: number) => `00000000-0000-4000-8${kind}00-${n.toString(16).padStart(12, "0")}`;

const study = fc
  .array(
    fc.record({
      group: fc.constantFrom("x", "y"),
      alters: fc.array(fc.record({ sector: fc.constantFrom("a", "b", "c", null), closeness: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), {
        maxLength: 9,
      }),
      ties: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), type: fc.constantFrom("Close" as const, "Work" as const) }), { maxLength: 15 }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((egos): Interview[] => {
    let serial = 0;
    return egos.map((e, i) => {
      const alters = e.alters.map((a) => ({ uuid: uuid(++serial, 1), ...a }));
      const ties =
        alters.length < 2
          ? []
          : e.ties
              .map((t) => ({ uuid: uuid(++serial, 2), from: t.from % alters.length, to: t.to % alters.length, type: t.type }))
              .filter((t) => t.from !== t.to);
      return { caseId: `P${String(i + 1).padStart(2, "0")}`, egoUUID: uuid(i + 1, 3), sessionId: uuid(i + 1, 4), group: e.group, alters, ties };
    });
  });

const EGO_HEADER = "networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID,networkCanvasProtocolName,group";
const PERSON_HEADER = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,sector_a,sector_b,sector_c,closeness";
const EDGE_HEADER = "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID";

function egoRow(s: Interview): string {
  return `${s.egoUUID},${s.caseId},${s.sessionId},study,${s.group}`;
}
function alterRows(s: Interview): string[] {
  return s.alters.map(
    (a, i) =>
      `${i + 1},${s.egoUUID},${a.uuid},${["a", "b", "c"].map((c) => (a.sector === null ? "" : String(a.sector === c))).join(",")},${a.closeness ?? ""}`,
  );
}
function tieRows(s: Interview, type: "Close" | "Work"): string[] {
  return s.ties
    .filter((t) => t.type === type)
    .map((t, i) => `${i + 1},${t.from + 1},${t.to + 1},${s.egoUUID},${t.uuid},${s.alters[t.from].uuid},${s.alters[t.to].uuid}`);
}
const file = (header: string, rows: string[]) => [header, ...rows].map((l) => l + "\r\n").join("");

/** Per-session files: `<caseId>_<sessionId>_<suffix>`. */
function perSession(interviews: Interview[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const s of interviews) {
    const prefix = `${s.caseId}_${s.sessionId}`;
    files[`${prefix}_ego.csv`] = file(EGO_HEADER, [egoRow(s)]);
    files[`${prefix}_attributeList_Person.csv`] = file(PERSON_HEADER, alterRows(s));
    files[`${prefix}_edgeList_Close.csv`] = file(EDGE_HEADER, tieRows(s, "Close"));
    files[`${prefix}_edgeList_Work.csv`] = file(EDGE_HEADER, tieRows(s, "Work"));
  }
  return files;
}

/** One merged set; the side files' rows in the order `order` gives (a permutation seed). */
function merged(interviews: Interview[], order: number[]): Record<string, string> {
  let k = 0;
  const shuffle = (rows: string[]) => {
    const out = [...rows];
    for (let i = out.length - 1; i > 0; i--) {
      const j = order[k++ % order.length] % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    "study_ego.csv": file(EGO_HEADER, interviews.map(egoRow)),
    "study_attributeList_Person.csv": file(PERSON_HEADER, shuffle(interviews.flatMap(alterRows))),
    "study_edgeList_Close.csv": file(EDGE_HEADER, shuffle(interviews.flatMap((s) => tieRows(s, "Close")))),
    "study_edgeList_Work.csv": file(EDGE_HEADER, shuffle(interviews.flatMap((s) => tieRows(s, "Work")))),
  };
}

async function measuresOf(input: string): Promise<{ rows: unknown[]; errors: unknown[] }> {
  const problems = new ProblemList();
  const dataset = await openDataset(input, { config: {}, egoIdField: "caseId", problems });
  const plan = makeStudyPlan(dataset.codebook, {});
  const measured = await measureDataset(dataset, plan, { groupVariables: plan.groupVariables.map((g) => g.id) });
  return { rows: measured.table.rows, errors: problems.errors };
}

function write(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("a per-session export and the merged export of the same interviews", () => {
  it("give the same measures for every ego, whatever the order of rows in the merged files", async () => {
    await fc.assert(
      fc.asyncProperty(study, fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 30 }), async (interviews, order) => {
        const a = await measuresOf(write(perSession(interviews)));
        const b = await measuresOf(write(merged(interviews, order)));
        expect(a.errors).toEqual([]);
        expect(b.errors).toEqual([]);
        expect(a.rows.length).toBe(interviews.length);
        expect(b.rows).toEqual(a.rows);
      }),
      { seed: 5150, numRuns: 40 },
    );
  });

  it("and the per-session export read from a zip gives them too", async () => {
    await fc.assert(
      fc.asyncProperty(study, async (interviews) => {
        const files = perSession(interviews);
        const dir = tempDir();
        const zip = path.join(dir, "export.zip");
        writeFileSync(zip, zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)]))));
        expect((await measuresOf(zip)).rows).toEqual((await measuresOf(write(files))).rows);
      }),
      { seed: 5151, numRuns: 15 },
    );
  });
});
