/**
 * Alter names never leave netsp: every output of every command on the thesis fixture, in every format
 * (CSV, Markdown, JSON, the xlsx workbook unzipped, report.md, run.json, report.html,
 * validate --json, and everything printed on stdout and stderr), is scanned for every alter name in the
 * fixture (read from its attributeList files here), and none is found. The same scan does find names where
 * they are (the export itself; an ego's own name declared non-identifying in the config), so it can fail.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, STACK_TRACE } from "../corpus/run-netsp-bin.js";
import { alterNames, findWords, outputTexts } from "./scan-outputs.js";

const THESIS = path.resolve("fixtures/thesis");
const INTERVIEWS = path.join(THESIS, "interviews");

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-names-"));
  dirs.push(dir);
  return dir;
}

const names = alterNames(INTERVIEWS);

describe("the scan itself", () => {
  it("reads every alter name of the fixture (Person and Organisation) and finds them in the export", () => {
    expect(names.length).toBeGreaterThan(300);
    expect(names).toContain("Tracy");
    expect(names).toContain("Rowan Hill Community Kitchen");
    const export_ = outputTexts(INTERVIEWS);
    expect(findWords(export_, ["Tracy", "Rowan Hill Community Kitchen"]).length).toBeGreaterThanOrEqual(2);
    // Whole words only: a short name inside a longer word is not a hit.
    expect(findWords(new Map([["x", "Adam in Canada"]]), ["Ada"])).toEqual([]);
  });
});

describe("no alter name in any output of the thesis study", () => {
  const texts = new Map<string, string>();

  beforeAll(() => {
    const out = path.join(tempDir(), "results");
    const analyse = runBin(["analyse", THESIS, "--out", out, "--format", "csv,md,json,xlsx,sav,dta,r,graphml", "--report"], {
      timeoutMs: 60_000,
    });
    expect(analyse.code, analyse.stderr).toBe(0);
    for (const [file, text] of outputTexts(out)) texts.set(`analyse/${file}`, text);
    texts.set("analyse stderr", analyse.stderr);

    const runs: Array<[string, string[]]> = [
      ["measures csv", ["measures", THESIS, "--format", "csv"]],
      ["measures md", ["measures", THESIS, "--format", "md"]],
      ["measures json", ["measures", THESIS, "--format", "json"]],
      ["validate", ["validate", THESIS]],
      ["validate json", ["validate", THESIS, "--json"]],
      ["compare", ["compare", THESIS, "--by", "deprivation", "--format", "json"]],
      ["correlate", ["correlate", THESIS, "--vars", "network_size,months_in_post,density", "--format", "csv"]],
    ];
    for (const [label, args] of runs) {
      const r = runBin(args, { timeoutMs: 60_000 });
      expect(r.code, `${label}: ${r.stderr}`).toBe(0);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      texts.set(`${label} stdout`, r.stdout);
      texts.set(`${label} stderr`, r.stderr);
    }
  }, 120_000);

  it("covers every format: csv, md, json, the workbook's sheets, report.md, run.json and report.html", () => {
    const files = [...texts.keys()];
    for (const pattern of [/\.csv$/, /\.md$/, /\.json$/, /tables\.xlsx!xl\/worksheets\/sheet1\.xml$/, /report\.md$/, /run\.json$/]) {
      expect(files.some((f) => pattern.test(f)), String(pattern)).toBe(true);
    }
    expect(files).toContain("analyse/report.html");
  });

  it("finds none of the fixture's alter names anywhere", () => {
    expect(findWords(texts, names)).toEqual([]);
  });
});

describe("text variables only when the config declares them", () => {
  it("an ego's own name in an export without a protocol (inferred text: identifying) stays out of every output, unless declared", () => {
    const dir = tempDir();
    const data = path.join(dir, "interviews");
    cpSync(INTERVIEWS, data, { recursive: true, filter: (src) => !src.endsWith(".netcanvas") });
    const egoNames: string[] = [];
    for (const file of readdirSync(data).filter((f) => f.endsWith("_ego.csv"))) {
      const [header, row, ...rest] = readFileSync(path.join(data, file), "utf8").split("\r\n");
      const name = `Participantname${file.slice(2, 4)}`;
      egoNames.push(name);
      writeFileSync(path.join(data, file), [`${header},ego_name`, `${row},${name}`, ...rest].join("\r\n"));
    }
    const plain = path.join(dir, "plain");
    const r = runBin(["analyse", data, "--out", plain, "--format", "json,xlsx"], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(findWords(outputTexts(plain), egoNames)).toEqual([]);

    // Declared non-identifying (as a config may, for a variable that is not personal data), it is shown.
    const config = path.join(tempDir(), "declared.json");
    writeFileSync(config, JSON.stringify({ variables: { "ego.ego_name": { role: "group" } } }));
    const shown = path.join(dir, "shown");
    expect(runBin(["analyse", data, "--config", config, "--out", shown], { timeoutMs: 60_000 }).code).toBe(0);
    expect(findWords(outputTexts(shown), egoNames).length).toBeGreaterThan(0);
  });

  it("a name shifted into a typed column by an unquoted separator is not quoted in validate --json", () => {
    const dir = tempDir();
    cpSync(path.resolve("fixtures/three-file"), dir, { recursive: true });
    const alters = path.join(dir, "alters.csv");
    // "Smith; Dana" written without quotes in a ;-separated file: " Dana" lands in the categorical gender column.
    writeFileSync(alters, readFileSync(alters, "utf8").replace("R02;a1;Person;Dana;", "R02;a1;Person;Smith; Dana;"));
    const r = runBin(["validate", dir, "--json"]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const report = JSON.parse(r.stdout) as { errors: Array<{ code: string }>; warnings: Array<{ code: string }> };
    expect([...report.errors, ...report.warnings].length).toBeGreaterThan(0); // the shifted row is reported …
    expect(r.stdout + r.stderr).not.toMatch(/Dana|Smith/); // … without quoting the name
  });
});
