import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { exitCodeFor } from "../../src/cli/exit-codes.js";
import { createProgram } from "../../src/cli/program.js";
import { MEASURES } from "../../src/measures/index.js";

const radar = fileURLToPath(new URL("../../fixtures/network-canvas-radar", import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), "netsp-measures-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `netsp <args>` in-process, capturing stdout, stderr and the exit code main() would set. */
async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  let code = 0;
  try {
    await createProgram().parseAsync(["node", "netsp", ...args]);
  } catch (e) {
    code = exitCodeFor(e);
    if (e instanceof Error && code !== 0) stderr += e.message;
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

describe("netsp measures", () => {
  it("gives a row for each of the 10 egos of the sample export as JSON", async () => {
    const { code, stdout } = await run("measures", radar, "--format", "json");
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.ego_id)).toEqual(["case_1", "case_2", "case_3", "case_4", "case_5", "case_6", "case_7", "case_8", "case_9", "case_10"]);
    expect(Object.keys(rows[0]).slice(0, 2)).toEqual(["ego_id", "DrugsUsed"]);
    expect(rows[0]).toMatchObject({ network_size: 5, ties: 6, density: 0.6, core_distribution: "{1: 1, 2: 4}" });
  });

  it("writes the selected measures as CSV, in the order asked", async () => {
    const { code, stdout } = await run("measures", radar, "--measures", "density,network_size", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("ego_id,DrugsUsed,MarijuanaUsed,CocaineUsed,HeroinUsed,PainkillersUsed,PoppersUsed,density,network_size");
    expect(lines[1]).toBe("case_1,,true,false,false,false,true,0.6,5");
    expect(lines).toHaveLength(11);
  });

  it("writes Markdown to --out, choosing the format from the extension", async () => {
    const file = path.join(scratch, "m.md");
    const { code, stderr } = await run("measures", radar, "--measures", "ties", "--out", file);
    expect(code).toBe(0);
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe(
      "| ego_id | DrugsUsed | MarijuanaUsed | CocaineUsed | HeroinUsed | PainkillersUsed | PoppersUsed | ties |",
    );
    expect(stderr).toMatch(/wrote 10 egos × 1 measures/);
  });

  it("lists the registry: id, family, label, definition", async () => {
    const { code, stdout } = await run("measures", "--list", "--format", "csv");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("id,family,label,definition");
    expect(lines).toHaveLength(MEASURES.length + 1);
    expect(lines).toContain("density,structure,Density,2m / (n(n−1)); null when n < 2");
  });

  it("rejects an unknown measure with exit code 2 and the valid ids", async () => {
    const { code, stdout, stderr } = await run("measures", radar, "--measures", "densty");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/unknown measure: densty/);
    expect(stderr).toMatch(/valid measures: network_size/);
  });

  it("rejects an empty --measures list", async () => {
    const { code, stderr } = await run("measures", radar, "--measures", " , ");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--measures needs at least one measure id/);
  });

  it("prints the data's errors as file:line: message and writes nothing (exit 1)", async () => {
    const broken = path.join(scratch, "broken");
    cpSync(radar, broken, { recursive: true });
    const edgeFile = readdirSync(broken).find((f) => f.startsWith("case_2_") && f.endsWith("_edgeList_Close.csv"))!;
    const lines = readFileSync(path.join(broken, edgeFile), "utf8").split(/\r?\n/);
    const cells = lines[1].split(",");
    cells[6] = "00000000-0000-0000-0000-000000000000"; // networkCanvasTargetUUID of the first tie
    lines[1] = cells.join(",");
    writeFileSync(path.join(broken, edgeFile), lines.join("\r\n"));
    const { code, stdout, stderr } = await run("measures", broken, "--format", "csv");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${edgeFile}:2: `);
    expect(stderr).toMatch(/1 error in the data, so no measures were written/);
  });

  it("says what is missing when there is neither an input nor a config with data", async () => {
    const cwd = process.cwd();
    process.chdir(scratch);
    try {
      const { code, stderr } = await run("measures");
      expect(code).toBe(2);
      expect(stderr).toMatch(/no input given/);
    } finally {
      process.chdir(cwd);
    }
  });
});
