import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CommanderError } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/cli/exit-codes.js";
import { validateCommand } from "../../src/cli/validate.js";
import { NetspError } from "../../src/errors.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { ProblemList } from "../../src/model/index.js";
import { RADAR_COUNTS } from "../ingest/radar-counts.js";

const ROOT = path.resolve(".");
const RADAR = path.join(ROOT, "fixtures/network-canvas-radar");
const RADAR_ZIP = path.join(ROOT, "fixtures/network-canvas-radar.zip");
const CORPUS = path.join(ROOT, "test/corpus/validate-faults");

/** Runs `netsp validate <args>` in-process, as main.ts would: output captured, error → exit code. */
async function run(args: string[], tty = false) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty },
  };
  const command = validateCommand(io)
    .exitOverride()
    .configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  let code = 0;
  try {
    await command.parseAsync(args, { from: "user" });
  } catch (e) {
    code = exitCodeFor(e);
    if (e instanceof NetspError) stderr += `error: ${e.message}\n`;
    else if (!(e instanceof CommanderError)) throw e;
  }
  return { code, stdout, stderr };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// Independent count of data rows per file type with Python's csv module: see test/ingest/radar-counts.ts.
const RADAR_SUMMARY = { ...RADAR_COUNTS, errors: [], warnings: [] };

describe("netsp validate on the radar export", () => {
  it("--json prints exactly the summary, with no problems; exit 0", async () => {
    const r = await run([RADAR, "--json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(["egos", "alters", "ties", "nodeTypes", "edgeTypes", "errors", "warnings"]);
    expect(report).toEqual(RADAR_SUMMARY);
    expect(r.stderr).toBe("");
  });

  it("the zip of the same export gives the same summary", async () => {
    const r = await run([RADAR_ZIP, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(RADAR_SUMMARY);
  });

  it("prints a readable summary table", async () => {
    const r = await run([RADAR]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.some((l) => /^egos\s+10$/.test(l))).toBe(true);
    expect(lines.some((l) => /^alters\s+\(all\)\s+63$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+Person\s+63$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ties\s+\(all\)\s+80$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\s+DrugTie\s+10$/.test(l))).toBe(true);
    expect(r.stdout).toContain("No errors (0 warnings).");
  });

  it("finds the data through the netsp.config.json in the input folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "netsp-validate-"));
    dirs.push(dir);
    writeFileSync(path.join(dir, "netsp.config.json"), JSON.stringify({ data: RADAR, egoId: "sessionId" }));
    const r = await run([dir, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(RADAR_SUMMARY);
  });

  it("shows the progress line only when stderr is a terminal, and erases it", async () => {
    const ci = process.env.CI;
    delete process.env.CI; // CI turns the line off; this test is about the terminal
    try {
      const tty = await run([RADAR, "--json"], true);
      expect(tty.code).toBe(0);
      expect(tty.stderr).toMatch(/^\rvalidating: 1 ego, [\d,]+\/s\x1b\[K/);
      expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
      expect(JSON.parse(tty.stdout)).toEqual(RADAR_SUMMARY);
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
    expect((await run([RADAR, "--json"], false)).stderr).toBe("");
  });
});

describe("netsp validate: usage and input errors", () => {
  it("an unknown --input-format or a missing input is a usage error (exit 2)", async () => {
    expect((await run([RADAR, "--input-format", "xml"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  });

  it("a path that does not exist is an input error (exit 1) with a helpful message", async () => {
    const r = await run(["/nonexistent/export"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no such file or folder");
  });

  it("help shows an example", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("$ netsp validate ./export");
  });
});

interface Expected {
  description: string;
  args: string[];
  exitCode: number;
  problems: Array<{ severity: string; code: string; file: string; line: number | null; column?: number }>;
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const key = (p: { severity: string; code: string; file: string; line: number | null; column?: number }) =>
  JSON.stringify([p.file, p.line, p.severity, p.code, p.column ?? null]);

describe("netsp validate on corrupted copies (test/corpus/validate-faults)", () => {
  it("has a case for every fault the validate command must catch", () => {
    for (const name of [
      "tie-unknown-alter",
      "tie-other-ego-alter",
      "duplicate-alter-id",
      "alter-unknown-ego",
      "non-number",
      "empty-file",
      "truncated-quote",
      "truncated-short-row",
      "not-a-csv",
      "ego-no-alters",
      "duplicate-tie",
      "reciprocal-tie",
      "self-loop",
      "unknown-option",
      "differing-headers",
    ]) {
      expect(cases).toContain(name);
    }
  });

  for (const name of cases) {
    const dir = path.join(CORPUS, name);
    const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as Expected;
    const args = expected.args.map((a) => (a.startsWith("fixtures/") ? path.join(ROOT, a) : a));

    it(`${name}: exactly the expected problems, exit ${expected.exitCode} (CLI)`, async () => {
      const r = await run([dir, "--json", ...args]);
      expect(r.code).toBe(expected.exitCode);
      const report = JSON.parse(r.stdout);
      const got = [...report.errors, ...report.warnings];
      for (const p of got) {
        expect(typeof p.file).toBe("string");
        expect("line" in p).toBe(true);
        expect(typeof p.message).toBe("string");
        expect(p.message.length).toBeGreaterThan(10);
      }
      const shown = got.map((p: Expected["problems"][number]) => ({
        severity: p.severity,
        code: p.code,
        file: p.file,
        line: p.line,
        ...(expected.problems.some((e) => e.code === p.code && e.column !== undefined) ? { column: p.column } : {}),
      }));
      expect(shown.map(key).sort()).toEqual(expected.problems.map(key).sort());
      expect(report.errors.every((p: { severity: string }) => p.severity === "error")).toBe(true);
      expect(report.warnings.every((p: { severity: string }) => p.severity === "warning")).toBe(true);
    });

    it(`${name}: the same problems through the library`, async () => {
      const problems = new ProblemList();
      const protocolAt = args.indexOf("--protocol");
      const dataset = await openDataset(dir, {
        config: {},
        egoIdField: "caseId",
        problems,
        ...(protocolAt >= 0 ? { protocol: args[protocolAt + 1] } : {}),
      });
      for await (const _ of dataset.egos()) {
        /* read every ego */
      }
      const got = problems.problems.map((p) => ({
        severity: p.severity,
        code: p.code,
        file: p.file,
        line: p.line ?? null,
        ...(expected.problems.some((e) => e.code === p.code && e.column !== undefined) ? { column: p.column } : {}),
      }));
      expect(got.map(key).sort()).toEqual(expected.problems.map(key).sort());
      expect(problems.errors.length > 0 ? 1 : 0).toBe(expected.exitCode);
    });
  }
});
