import { mkdir, mkdtemp, readdir, readFile, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const RADAR = path.resolve("fixtures/network-canvas-radar");

async function tmp(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "netsp-analyse-"));
}

async function tableFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    if (name === "run.json" || name.startsWith(".")) continue;
    out.set(name, await readFile(path.join(dir, name), "utf8"));
  }
  return out;
}

describe("netsp analyse on a plain export with no config", () => {
  it("writes measures.csv, the default tables, report.md and run.json; a second run gives identical tables", async () => {
    const root = await tmp();
    const first = await runCli(["analyse", RADAR, "--out", path.join(root, "a")]);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/Read 10 egos \(63 alters, 80 ties\)/);
    const files = await readdir(path.join(root, "a"));
    for (const name of ["measures.csv", "participants.csv", "participants.md", "report.md", "run.json"]) expect(files).toContain(name);
    expect(files.some((f) => /^measures-by-.+\.csv$/.test(f))).toBe(true);
    expect(files.some((f) => /^composition-.+\.md$/.test(f))).toBe(true);

    const measures = parse(await readFile(path.join(root, "a", "measures.csv"), "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(measures.map((r) => r.ego_id)).toEqual(["case_1", "case_2", "case_3", "case_4", "case_5", "case_6", "case_7", "case_8", "case_9", "case_10"]);

    const second = await runCli(["analyse", RADAR, "--out", path.join(root, "b")]);
    expect(second.exitCode).toBe(0);
    expect(await tableFiles(path.join(root, "b"))).toEqual(await tableFiles(path.join(root, "a")));

    const run = JSON.parse(await readFile(path.join(root, "a", "run.json"), "utf8"));
    expect(run.counts).toMatchObject({ egos: 10, alters: 63, ties: 80, analysed: 10 });
    expect(run.input.files).toHaveLength(44); // 43 CSV files and the protocol, each with its SHA-256
    expect(run.input.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.config.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes an xlsx workbook whose sheets match the CSVs", async () => {
    const root = await tmp();
    const out = path.join(root, "x");
    expect((await runCli(["analyse", RADAR, "--out", out, "--format", "xlsx,json"])).exitCode).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, "tables.xlsx"));
    const csvNames = (await readdir(out)).filter((f) => f.endsWith(".csv")).map((f) => f.slice(0, -4));
    expect(workbook.worksheets.map((w) => w.name).sort()).toEqual(csvNames.map((n) => n.slice(0, 31)).sort());
    for (const sheet of workbook.worksheets) {
      const csv = parse(await readFile(path.join(out, `${csvNames.find((n) => n.slice(0, 31) === sheet.name)}.csv`), "utf8")) as string[][];
      const cells: string[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => {
        const values: string[] = [];
        for (let c = 1; c <= csv[0].length; c++) {
          const v = row.getCell(c).value;
          values.push(v === null || v === undefined ? "" : String(v));
        }
        cells.push(values);
      });
      expect(cells, sheet.name).toEqual(csv);
    }
    expect(JSON.parse(await readFile(path.join(out, "measures.json"), "utf8"))).toHaveLength(10);
  });
});

describe("safe output", () => {
  it("refuses to write into the input folder (exit 2)", async () => {
    const root = await tmp();
    await cp(RADAR, path.join(root, "data"), { recursive: true });
    const run = await runCli(["analyse", path.join(root, "data"), "--out", path.join(root, "data", "results")]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/refusing to write into the input folder/);
    expect(await readdir(path.join(root, "data"))).not.toContain("results");
  });

  it("refuses to overwrite a folder netsp did not create without --force (exit 2), and replaces it with --force", async () => {
    const root = await tmp();
    const out = path.join(root, "mine");
    await mkdir(out);
    await writeFile(path.join(out, "chapter.docx"), "precious");
    const refused = await runCli(["analyse", RADAR, "--out", out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/not written by netsp.*--force/);
    expect(await readFile(path.join(out, "chapter.docx"), "utf8")).toBe("precious");
    const forced = await runCli(["analyse", RADAR, "--out", out, "--force"]);
    expect(forced.exitCode).toBe(0);
    expect(await readdir(out)).toContain("measures.csv");
  });

  it("replaces its own earlier output without --force", async () => {
    const root = await tmp();
    const out = path.join(root, "results");
    expect((await runCli(["analyse", RADAR, "--out", out])).exitCode).toBe(0);
    expect((await runCli(["analyse", RADAR, "--out", out])).exitCode).toBe(0);
  });
});

describe("a study folder with a config", () => {
  it("lets `netsp compare --by deprivation` run with no input in the folder holding the config", async () => {
    const root = await tmp();
    await writeFile(path.join(root, "egos.csv"), "ego_id,area_deprivation,network_size\nA,high,10\nB,high,12\nC,low,30\nD,low,25\nE,high,11\n");
    await writeFile(
      path.join(root, "netsp.config.json"),
      JSON.stringify({ data: "egos.csv", aliases: { deprivation: "area_deprivation" }, groups: { area_deprivation: { levels: ["high", "low"] } } }),
    );
    const run = await runCli(["compare", "--by", "deprivation", "--measures", "network_size", "--format", "json"], { cwd: root });
    expect(run.exitCode).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.by).toBe("area_deprivation");
    // high 10, 11, 12 vs low 25, 30: ranks 1, 2, 3 | 4, 5 → U_high = 6 − 6 = 0, U = 0 (scipy.stats.mannwhitneyu → U 0 / 6)
    expect(result.results[0]).toMatchObject({ measure: "network_size", test: "mann-whitney", u: 0 });
    expect(result.results[0].groups.map((g: { level: string; n: number }) => [g.level, g.n])).toEqual([["high", 3], ["low", 2]]);
  });
});

describe("netsp analyse --no-alters", () => {
  it("leaves out alters.csv and ties.csv and changes nothing else; refuses --format graphml with it (exit 2)", async () => {
    const root = await tmp();
    const all = await runCli(["analyse", RADAR, "--out", path.join(root, "all"), "--quiet"]);
    const none = await runCli(["analyse", RADAR, "--out", path.join(root, "none"), "--no-alters", "--quiet"]);
    expect([all.exitCode, none.exitCode]).toEqual([0, 0]);
    const withAlters = await tableFiles(path.join(root, "all"));
    const without = await tableFiles(path.join(root, "none"));
    expect([...withAlters.keys()]).toEqual(expect.arrayContaining(["alters.csv", "ties.csv"]));
    expect([...without.keys()]).toEqual([...withAlters.keys()].filter((f) => f !== "alters.csv" && f !== "ties.csv"));
    for (const [name, text] of without) if (name !== "report.md") expect(text, name).toBe(withAlters.get(name));
    expect(without.get("report.md")).toBe(withAlters.get("report.md")!.replace("measures.csv, alters.csv, ties.csv,", "measures.csv,"));
    const refused = await runCli(["analyse", RADAR, "--out", path.join(root, "g"), "--no-alters", "--format", "graphml"]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain("cannot go with --no-alters");
  });
});
