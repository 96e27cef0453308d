import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { runCli } from "../cli/run-cli.js";

/** Runs `netsp <args>` in this process, capturing stderr and the exit code. */
async function run(args: string[]): Promise<{ stderr: string; exitCode: number }> {
  let stderr = "";
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const listeners = [process.stdout.listenerCount("error"), process.stderr.listenerCount("error")];
  process.exitCode = undefined;
  try {
    await main(["node", "netsp", "synth", ...args]);
  } finally {
    err.mockRestore();
    out.mockRestore();
    [process.stdout, process.stderr].forEach((stream, i) => {
      for (const l of stream.listeners("error").slice(listeners[i])) stream.removeListener("error", l as (...a: unknown[]) => void);
    });
  }
  const exitCode = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stderr, exitCode };
}

const TARGETS = "fixtures/thesis/targets.csv";
const root = mkdtempSync(path.join(tmpdir(), "netsp-synth-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("netsp synth", () => {
  it("writes the thesis export and the protocol into a new folder", async () => {
    const out = path.join(root, "new");
    const r = await run(["--targets", TARGETS, "--out", out, "--quiet"]);
    expect(r).toEqual({ stderr: "", exitCode: 0 });
    const files = readdirSync(out);
    expect(files).toContain("thesis.netcanvas");
    expect(files.filter((f) => f.endsWith("_ego.csv"))).toHaveLength(21);
  });

  it("refuses a folder that is not empty (exit 2), and with --force replaces only export files", async () => {
    const out = path.join(root, "busy");
    mkdirSync(out);
    writeFileSync(path.join(out, "notes.txt"), "keep me");
    writeFileSync(path.join(out, "old_1_ego.csv"), "stale");
    const refused = await run(["--targets", TARGETS, "--out", out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "old_1_ego.csv"]);

    const forced = await run(["--targets", TARGETS, "--out", out, "--force", "--seed", "7"]);
    expect(forced.exitCode).toBe(0);
    expect(forced.stderr).toMatch(/deleted 1 export file/);
    expect(forced.stderr).toMatch(/wrote 21 interviews .*seed 7/);
    expect(existsSync(path.join(out, "old_1_ego.csv"))).toBe(false);
    expect(readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("keep me");
  });

  it("writes one merged set of files with --format merged, nodeIDs counted across sessions", async () => {
    const out = path.join(root, "merged");
    expect((await run(["--targets", TARGETS, "--out", out, "--format", "merged", "-q"])).exitCode).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "thesis.netcanvas",
      "thesis_attributeList_Organisation.csv",
      "thesis_attributeList_Person.csv",
      "thesis_edgeList_advice_support.csv",
      "thesis_edgeList_creating_services.csv",
      "thesis_edgeList_referrals.csv",
      "thesis_edgeList_work_together.csv",
      "thesis_edgeList_works_for.csv",
      "thesis_ego.csv",
    ]);
    const read = (f: string) => parse(readFileSync(path.join(out, f), "utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(read("thesis_ego.csv")).toHaveLength(21);
    const ids = [...read("thesis_attributeList_Person.csv"), ...read("thesis_attributeList_Organisation.csv")].map((r) => Number(r.nodeID));
    // Table 12: the 21 network sizes add up to 1,106 alters.
    expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: 1106 }, (_, i) => i + 1));
  });

  it("writes the thesis as GraphML, per session or merged, which netsp measures as it measures the CSV export", async () => {
    const csv = path.join(root, "thesis-csv");
    expect((await run(["--targets", TARGETS, "--out", csv, "-q"])).exitCode).toBe(0);
    const measures = async (dir: string) => {
      const r = await runCli(["measures", dir]);
      expect(r.exitCode, dir).toBe(0);
      return { header: r.stdout.slice(0, r.stdout.indexOf("\n")), rows: parse(r.stdout, { columns: true }) as Array<Record<string, string>> };
    };
    const expected = await measures(csv);
    for (const format of ["graphml", "merged-graphml"]) {
      const out = path.join(root, `thesis-${format}`);
      expect((await run(["--targets", TARGETS, "--out", out, "--format", format, "-q"])).exitCode).toBe(0);
      const files = readdirSync(out);
      expect(files.filter((f) => f.endsWith(".graphml")), format).toHaveLength(format === "graphml" ? 21 : 1);
      expect(files).toContain("thesis.netcanvas");
      const got = await measures(out);
      // Row for row and value for value; the GraphML reader lists node types by name (alters_Organisation
      // before alters_Person), the CSV reader in codebook order, so columns are compared by name.
      expect(got.rows, format).toEqual(expected.rows);
      expect(got.header.split(",").sort(), format).toEqual(expected.header.split(",").sort());
    }
  });

  it("reports bad usage and bad targets with the right exit codes", async () => {
    const noTargets = await run(["--out", path.join(root, "x")]);
    expect(noTargets.stderr).toMatch(/needs --targets/);
    expect(noTargets.exitCode).toBe(2);
    expect((await run(["--targets", TARGETS])).exitCode).toBe(2);
    const badSeed = await run(["--targets", TARGETS, "--out", path.join(root, "y"), "--seed", "-1"]);
    expect(badSeed.exitCode).toBe(2);
    const badFormat = await run(["--targets", TARGETS, "--out", path.join(root, "z"), "--format", "zip"]);
    expect(badFormat.stderr).toMatch(/argument 'zip' is invalid/);
    expect(badFormat.exitCode).toBe(2);
    const missing = await run(["--targets", path.join(root, "nope.csv"), "--out", path.join(root, "w")]);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read the targets/);
    expect(existsSync(path.join(root, "w"))).toBe(false);
  });
});
