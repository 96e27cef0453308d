import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OutputError } from "../../src/errors.js";
import { abandonOutputWrites, writeOutputFolder } from "../../src/tables/write-output-folder.js";

describe("abandonOutputWrites (what an interrupt handler calls)", () => {
  it("stops a write before its swap: the previous folder stays whole, no staging folder is left", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "netsp-abandon-"));
    const out = path.join(root, "results");
    await writeOutputFolder(out, new Map([["a.csv", "old\n"]]));
    const files = new Map<string, string>();
    for (let i = 0; i < 200; i++) files.set(`t${i}.csv`, "new\n".repeat(1000));
    const write = writeOutputFolder(out, files);
    const outcome = await abandonOutputWrites(); // the interrupt arrives while the files are being written
    await expect(write).rejects.toThrow(OutputError);
    expect(outcome).toBe("kept");
    expect((await readdir(out)).sort()).toEqual([".netsp-output", "a.csv"]);
    expect(await readFile(path.join(out, "a.csv"), "utf8")).toBe("old\n");
    expect(await readdir(root)).toEqual(["results"]);
    // The process may go on: the next write works.
    await writeOutputFolder(out, new Map([["b.csv", "2\n"]]));
    expect((await readdir(out)).sort()).toEqual([".netsp-output", "b.csv"]);
  });

  it("with nothing being written, it resolves at once and leaves everything as it is", async () => {
    expect(await abandonOutputWrites()).toBe("kept");
  });
});
