/**
 * The hostile-input corpus (test/corpus/hostile-inputs/, built by fixtures/build/make-hostile-inputs.mjs),
 * plus the cases too big to commit, generated here into a temporary folder. Every case runs the built CLI
 * as a child process with a time limit and a heap limit: a hang or an unbounded buffer fails, a stack trace
 * fails, a wrong exit code fails, and where the input is readable the numbers are checked.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, STACK_TRACE, type BinRun } from "./run-netsp-bin.js";

const ROOT = path.resolve(".");
const CORPUS = path.join(ROOT, "test/corpus/hostile-inputs");
const RADAR = path.join(ROOT, "fixtures/network-canvas-radar");
const PROTOCOL_ARGS = ["--protocol", path.join(RADAR, "IJE_RADAR_Protocol.netcanvas")];

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-hostile-"));
  dirs.push(dir);
  return dir;
}

interface ExpectedProblem {
  severity: "error" | "warning";
  code: string;
  file?: string;
  line?: number;
}

/** expected.json of a case (see the builder for what each key means). */
interface Expected {
  description: string;
  does: string;
  input: string;
  command: "validate" | "measures" | "analyse";
  args?: string[];
  exitCode: number;
  problems?: ExpectedProblem[];
  /** Text that must appear in stdout or stderr. */
  output?: string[];
  /** Text that must appear nowhere in stdout or stderr (names from the data, file contents). */
  absent?: string[];
  /** validate: the number of egos read. */
  egos?: number;
  /** Measures per ego id, worked out by hand (null = an empty cell, undefined). */
  measures?: Record<string, Record<string, number | string | null>>;
  /** The measures must equal those of these egos in another input (after renaming ego ids). */
  sameMeasuresAs?: { input: string; egos: string[]; rename?: Record<string, string> };
  /** Paths (relative to the case's input folder) that must not exist after the run. */
  notCreated?: string[];
}

/** Runs a case's command the way a user would; analyse writes to a fresh folder. */
function runCase(inputPath: string, expected: Expected, cwd: string): { run: BinRun; outDir?: string } {
  const args = expected.args ?? [];
  if (expected.command === "validate") return { run: runBin(["validate", inputPath, "--json", ...args], { cwd }) };
  if (expected.command === "measures") return { run: runBin(["measures", inputPath, "--format", "csv", ...args], { cwd }) };
  const outDir = path.join(tempDir(), "out");
  return { run: runBin(["analyse", inputPath, "--out", outDir, "--quiet", ...args], { cwd }), outDir };
}

/** Per-ego rows of a measures CSV: ego id → column → value as written ("" = empty). */
function rowsOf(csv: string): Map<string, Record<string, string>> {
  const records = parse(csv, { columns: true, bom: true }) as Array<Record<string, string>>;
  return new Map(records.map((r) => [r.ego_id, r]));
}

function checkRun(run: BinRun, expected: Expected): void {
  const all = run.stdout + run.stderr;
  expect(run.timedOut, "the run must end within its time limit").toBe(false);
  expect(all, "no stack trace, no internal error").not.toMatch(STACK_TRACE);
  expect(run.code, `exit code; stderr: ${run.stderr.slice(0, 2000)}`).toBe(expected.exitCode);
  for (const text of expected.output ?? []) expect(all.replace(/\\"/g, '"')).toContain(text.replace(/\\"/g, '"'));
  for (const text of expected.absent ?? []) expect(all, `"${text}" must not be printed`).not.toContain(text);
}

function checkProblems(run: BinRun, expected: Expected): void {
  if (expected.problems === undefined && expected.egos === undefined) return;
  const report = JSON.parse(run.stdout) as { egos: number; errors: ExpectedProblem[]; warnings: ExpectedProblem[] };
  const problems = [...report.errors, ...report.warnings];
  for (const want of expected.problems ?? []) {
    const found = problems.some(
      (p) =>
        p.severity === want.severity &&
        p.code === want.code &&
        (want.file === undefined || p.file === want.file) &&
        (want.line === undefined || p.line === want.line),
    );
    expect(found, `problem ${JSON.stringify(want)} in ${JSON.stringify(problems, null, 1).slice(0, 3000)}`).toBe(true);
  }
  // Exactly as many of each expected code as listed (a fault is reported once, not once per row after it).
  for (const code of new Set((expected.problems ?? []).map((p) => p.code))) {
    expect(problems.filter((p) => p.code === code).length, code).toBe((expected.problems ?? []).filter((p) => p.code === code).length);
  }
  if (expected.egos !== undefined) expect(report.egos).toBe(expected.egos);
}

function checkMeasures(csv: string, expected: Expected): void {
  const rows = rowsOf(csv);
  for (const [egoId, values] of Object.entries(expected.measures ?? {})) {
    const row = rows.get(egoId);
    expect(row, `a row for ego ${egoId} (rows: ${[...rows.keys()].join(", ")})`).toBeDefined();
    for (const [measure, value] of Object.entries(values)) {
      const cell = row![measure];
      if (value === null) expect(cell, measure).toBe("");
      else if (typeof value === "number") expect(Number(cell), measure).toBeCloseTo(value, 10);
      else expect(cell, measure).toBe(value);
    }
  }
  if (expected.sameMeasuresAs) {
    const ref = expected.sameMeasuresAs;
    const reference = runBin(["measures", path.join(ROOT, ref.input), "--format", "csv"]);
    expect(reference.code).toBe(0);
    const want = rowsOf(reference.stdout);
    for (const egoId of ref.egos) {
      const shown = ref.rename?.[egoId] ?? egoId;
      expect(rows.get(shown), `ego ${shown}`).toEqual({ ...want.get(egoId), ego_id: shown });
    }
  }
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("hostile inputs from test/corpus/hostile-inputs (run with the built CLI)", () => {
  it("the corpus is there", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const name of cases) {
    const dir = path.join(CORPUS, name);
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
    it(`${name}: ${expected.description}`, () => {
      const inputPath = path.join(dir, expected.input);
      const { run, outDir } = runCase(inputPath, expected, ROOT);
      checkRun(run, expected);
      if (expected.command === "validate") checkProblems(run, expected);
      if (expected.command === "measures" && expected.exitCode === 0) checkMeasures(run.stdout, expected);
      if (expected.command === "analyse") {
        if (expected.exitCode !== 0) expect(existsSync(outDir!), "nothing is written when the data have errors").toBe(false);
        else checkMeasures(readFileSync(path.join(outDir!, "measures.csv"), "utf8"), expected);
      }
      for (const p of expected.notCreated ?? []) expect(existsSync(path.resolve(path.join(dir, "input"), p)), p).toBe(false);
    });
  }
});

// Generated at test time --------------------------------------------------------------------------------

/** Copies the radar session case_1 (its CSV files) into `dir`, returning the file names by suffix. */
function radarSession(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const names: Record<string, string> = {};
  for (const name of readdirSync(RADAR).filter((n) => n.startsWith("case_1_") && n.endsWith(".csv"))) {
    writeFileSync(path.join(dir, name), readFileSync(path.join(RADAR, name)));
    names[name.slice("case_1_54ba71fa-808e-4ed5-a65a-b7a06668164f_".length)] = name;
  }
  return names;
}

describe("hostile inputs generated at test time", () => {
  it("single-line-50mb: an alter list of 50 MB with no line break is refused, within time and memory", () => {
    const dir = tempDir();
    const names = radarSession(dir);
    writeFileSync(path.join(dir, names["attributeList_Person.csv"]), Buffer.alloc(50 * 1024 * 1024, "a"));
    const run = runBin(["validate", dir, "--json", ...PROTOCOL_ARGS], { timeoutMs: 30_000, heapMb: 128 });
    checkRun(run, { exitCode: 1 } as Expected);
    const report = JSON.parse(run.stdout) as { errors: ExpectedProblem[] };
    expect(report.errors).toContainEqual(
      expect.objectContaining({ code: "csv-syntax", file: names["attributeList_Person.csv"], line: 1 }),
    );
  });

  it("graphml-deep-nesting: 200,000 nested elements are refused at depth 65", () => {
    const dir = tempDir();
    const file = path.join(dir, "deep.graphml");
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n<graphml>' + "<a>".repeat(200_000) + "</a>".repeat(200_000) + "</graphml>\n");
    const run = runBin(["validate", file]);
    checkRun(run, { exitCode: 1, output: ["nested more than 64 deep"] } as Expected);
  });

  it("zip-bomb: a 100 MiB entry compressed about 1000:1 is refused before it is unpacked", () => {
    const dir = tempDir();
    const names = radarSession(path.join(dir, "src"));
    const entries: Record<string, Uint8Array> = {};
    for (const name of Object.values(names)) entries[name] = readFileSync(path.join(dir, "src", name));
    entries[names["edgeList_Close.csv"]] = new Uint8Array(100 * 1024 * 1024);
    const zip = path.join(dir, "bomb.zip");
    writeFileSync(zip, zipSync(entries, { level: 9 }));
    const run = runBin(["validate", zip], { heapMb: 128 });
    checkRun(run, { exitCode: 1, output: ["zip bomb", names["edgeList_Close.csv"]] } as Expected);
  });

  it("huge-id: a 5,000,000-character case id is an error, and analyse writes nothing", () => {
    const dir = tempDir();
    const names = radarSession(path.join(dir, "in"));
    const egoFile = path.join(dir, "in", names["ego.csv"]);
    writeFileSync(egoFile, readFileSync(egoFile, "utf8").replace(",case_1,", `,${"X".repeat(5_000_000)},`));
    const out = path.join(dir, "out");
    const run = runBin(["analyse", path.join(dir, "in"), "--out", out, ...PROTOCOL_ARGS]);
    checkRun(run, { exitCode: 1, output: ["the ego id is 5000000 characters long"] } as Expected);
    expect(run.stderr.length, "the id is not printed").toBeLessThan(20_000);
    expect(existsSync(out)).toBe(false);
  });

  it("ten-thousand-alters: one ego with 10,000 alters in a ring, measures checked by hand", () => {
    const dir = tempDir();
    const n = 10_000;
    const ego = "00000000-0000-4000-8000-000000000001";
    writeFileSync(path.join(dir, "big_s1_ego.csv"), `networkCanvasEgoUUID,networkCanvasCaseID,networkCanvasSessionID\r\n${ego},big,s1\r\n`);
    let alters = "nodeID,networkCanvasEgoUUID,networkCanvasUUID,name\r\n";
    let ties = "edgeID,from,to,networkCanvasEgoUUID,networkCanvasUUID,networkCanvasSourceUUID,networkCanvasTargetUUID\r\n";
    for (let i = 0; i < n; i++) {
      alters += `${i + 1},${ego},alter-${i},Person ${i}\r\n`;
      ties += `${i + 1},${i + 1},${((i + 1) % n) + 1},${ego},tie-${i},alter-${i},alter-${(i + 1) % n}\r\n`;
    }
    writeFileSync(path.join(dir, "big_s1_attributeList_Person.csv"), alters);
    writeFileSync(path.join(dir, "big_s1_edgeList_Knows.csv"), ties);
    const run = runBin(["measures", dir, "--format", "csv"], { timeoutMs: 60_000 });
    checkRun(run, { exitCode: 0 } as Expected);
    // A ring C_n (n = 10,000) around the ego, worked out by hand:
    //   ties = n; density = n / (n(n-1)/2) = 2/(n-1); average degree = 2; one component, max k = 2 (every alter in the 2-core);
    //   effective size (Burt) = n - 2t/n = n - 2; efficiency = (n-2)/n;
    //   constraint: p_ej = 1/n, each alter j has two neighbours q with p_eq = 1/n and p_qj = 1/3 (q has degree 3
    //     counting the ego), so c_j = (1/n + 2/(3n))² = (5/(3n))², and the sum over n alters is 25/(9n);
    //   pairs of alters not tied: n(n-1)/2 - n = 49,985,000 (brokerage pairs); ego betweenness: the n pairs at
    //     distance 2 along the ring have a second shortest path (through the alter between them) and count 1/2,
    //     all others count 1: 49,985,000 - n/2 = 49,980,000.
    checkMeasures(run.stdout, {
      measures: {
        big: {
          network_size: n,
          ties: n,
          density: 2 / (n - 1),
          average_degree: 2,
          isolates: 0,
          components: 1,
          max_k: 2,
          max_k_core_size: n,
          effective_size: n - 2,
          efficiency: (n - 2) / n,
          constraint: 25 / (9 * n),
          brokerage_pairs: (n * (n - 1)) / 2 - n,
          ego_betweenness: (n * (n - 1)) / 2 - n - n / 2,
        },
      },
    } as unknown as Expected);
  });

  it("named-pipe: a FIFO named like an ego file is never opened (it would block for ever)", () => {
    const dir = tempDir();
    radarSession(dir);
    execFileSync("mkfifo", [path.join(dir, "case_9_00000000-0000-4000-8000-000000000009_ego.csv")]);
    const run = runBin(["validate", dir, "--json", ...PROTOCOL_ARGS], { timeoutMs: 15_000 });
    checkRun(run, { exitCode: 0 } as Expected);
    expect(JSON.parse(run.stdout).egos).toBe(1);
  });

  it("protocol-device: --protocol /dev/zero is refused instead of read for ever", () => {
    const run = runBin(["validate", RADAR, "--protocol", "/dev/zero"], { timeoutMs: 15_000, heapMb: 128 });
    checkRun(run, { exitCode: 1, output: ["not a regular file"] } as Expected);
  });

  it("a zip entry is checked against its checksum: one flipped byte in a stored file is an error", () => {
    const dir = tempDir();
    const names = radarSession(path.join(dir, "src"));
    const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const name of Object.values(names)) entries[name] = [readFileSync(path.join(dir, "src", name)), { level: 0 }];
    const zip = zipSync(entries);
    // Stored (level 0): the ego file's bytes sit in the zip as they are; change the case id's digit.
    const at = Buffer.from(zip).indexOf(strToU8(",case_1,"));
    zip[at + 6] = "7".charCodeAt(0);
    const file = path.join(dir, "flipped.zip");
    writeFileSync(file, zip);
    const run = runBin(["validate", file]);
    checkRun(run, { exitCode: 1, output: ["is damaged"] } as Expected);
  });
});
