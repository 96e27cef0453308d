/**
 * Three tables as spreadsheets write them: `;` with decimal commas (config `"decimal": ","`), every line
 * ending in empty cells (`;;`), and word-valued ego variables that the config declares as groups.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { ProblemList, type EgoNetwork, type StudyConfig } from "../../src/model/index.js";
import { runCli } from "../cli/run-cli.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A study in the three-file format, as Excel saves it in a decimal-comma locale. */
function spreadsheetStudy(config: StudyConfig): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-sheet-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "egos.csv"), "ego_id;clinic;caseload;;\r\nE1;North;12,5;;\r\nE2;South;1.234,5;;\r\nE3;North;7;;\r\nE4;South;;;\r\n");
  writeFileSync(path.join(dir, "alters.csv"), "ego_id;alter_id;closeness;;\r\nE1;A1;0,5;;\r\nE1;A2;1;;\r\nE2;A3;0,25;;\r\nE3;A4;0,75;;\r\nE4;A5;1;;\r\n");
  writeFileSync(path.join(dir, "ties.csv"), "ego_id;source;target;;\r\nE1;A1;A2;;\r\n");
  writeFileSync(path.join(dir, "netsp.config.json"), JSON.stringify(config));
  return dir;
}

async function read(dir: string, config: StudyConfig) {
  const problems = new ProblemList();
  const dataset = await openDataset(dir, { config, egoIdField: "caseId", problems });
  const egos: EgoNetwork[] = [];
  for await (const e of dataset.egos()) egos.push(e);
  return { dataset, egos, problems };
}

describe("three tables saved by a spreadsheet", () => {
  it('reads decimal commas as numbers with "decimal": ","; 1.234,5 is 1234.5', async () => {
    const config: StudyConfig = { decimal: ",", columns: { egoId: "ego_id", alterId: "alter_id" } };
    const { dataset, egos, problems } = await read(spreadsheetStudy(config), config);
    expect(problems.errors).toEqual([]);
    expect(dataset.codebook.ego.caseload.type).toBe("number");
    expect(egos.map((e) => e.ego.attributes.caseload)).toEqual([12.5, 1234.5, 7, null]);
    expect(egos.flatMap((e) => e.alters.map((a) => a.attributes.closeness))).toEqual([0.5, 1, 0.25, 0.75, 1]);
  });

  it("without it, the decimal-comma column is text (with the warning), so no number is misread", async () => {
    const config: StudyConfig = { columns: { egoId: "ego_id", alterId: "alter_id" } };
    const { dataset, problems } = await read(spreadsheetStudy(config), config);
    expect(dataset.codebook.ego.caseload.type).toBe("text");
    expect(problems.warnings.map((p) => p.code)).toContain("decimal-comma");
  });

  it('reports a row of the wrong width with "decimal": "," too (short-row, skipped), with the ; hint', async () => {
    const config: StudyConfig = { decimal: ",", columns: { egoId: "ego_id", alterId: "alter_id" } };
    const dir = spreadsheetStudy(config);
    // Line 4 of alters.csv has lost two cells; line 5 has one too many (0,25 with its comma saved as ;).
    writeFileSync(path.join(dir, "alters.csv"), "ego_id;alter_id;closeness\r\nE1;A1;0,5\r\nE1;A2;1\r\nE3\r\nE2;A3;0;25\r\nE3;A4;0,75\r\nE4;A5;1\r\n");
    const { egos, problems } = await read(dir, config);
    expect(problems.errors.map((p) => [p.code, p.file, p.line])).toEqual([
      ["short-row", "alters.csv", 4],
      ["long-row", "alters.csv", 5],
    ]);
    expect(problems.errors[1].message).toBe("the row has 4 cells but the header has 3; the row was skipped (is a cell with a delimiter unquoted?)");
    expect(egos.flatMap((e) => e.alters.map((a) => a.attributes.closeness))).toEqual([0.5, 1, 0.75, 1]);
  });

  it("ignores the trailing empty header cells, with one warning per table", async () => {
    const config: StudyConfig = { decimal: ",", columns: { egoId: "ego_id", alterId: "alter_id" } };
    const { dataset, problems } = await read(spreadsheetStudy(config), config);
    expect(Object.keys(dataset.codebook.ego)).toEqual(["clinic", "caseload"]);
    const empty = problems.warnings.filter((p) => p.code === "empty-header-cells");
    expect(empty.map((p) => p.file)).toEqual(["egos.csv", "alters.csv", "ties.csv"]);
    expect(empty[0].message).toMatch(/ends with 2 empty cells/);
  });

  it("a word-valued ego variable is identifying unless declared; declared under groups it reaches the default tables and the report", async () => {
    const plain: StudyConfig = { decimal: ",", columns: { egoId: "ego_id", alterId: "alter_id" } };
    const undeclared = await read(spreadsheetStudy(plain), plain);
    expect(undeclared.dataset.codebook.ego.clinic.role).toBe("identifying");

    const config: StudyConfig = { ...plain, groups: { clinic: { levels: ["North", "South"] } } };
    const dir = spreadsheetStudy(config);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "netsp-sheet-out-")), "results");
    dirs.push(path.dirname(out));
    const run = await runCli(["analyse", dir, "--out", out, "--report", "--quiet"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(readFileSync(path.join(out, "measures-by-clinic.csv"), "utf8")).toMatch(/North/);
    expect(readFileSync(path.join(out, "participants.csv"), "utf8")).toMatch(/clinic,North/);
    expect(readFileSync(path.join(out, "report.md"), "utf8")).toMatch(/by clinic/);
  });
});
