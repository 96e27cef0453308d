import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { OUTPUT_MARKER, checkOutputFolder, writeOutputFolder } from "../../src/tables/write-output-folder.js";
import { writeFileAtomic } from "../../src/tables/write-file-atomic.js";

async function workspace(): Promise<{ root: string; data: string }> {
  const root = await mkdtemp(path.join(tmpdir(), "netsp-out-"));
  const data = path.join(root, "data");
  await mkdir(data);
  await writeFile(path.join(data, "x_ego.csv"), "networkCanvasEgoUUID\n");
  return { root, data };
}

describe("checkOutputFolder", () => {
  it("refuses a folder inside the input folder, and one that contains the input", async () => {
    const { root, data } = await workspace();
    await expect(checkOutputFolder(path.join(data, "results"), { inputs: [data] })).rejects.toThrow(/into the input folder/);
    await expect(checkOutputFolder(data, { inputs: [data] })).rejects.toThrow(UsageError);
    await expect(checkOutputFolder(root, { inputs: [data] })).rejects.toThrow(/contains the input/);
    // An input file's folder counts as the input folder.
    await expect(checkOutputFolder(path.join(data, "r"), { inputs: [path.join(data, "x_ego.csv")] })).rejects.toThrow(/input folder/);
  });

  it("refuses a non-empty folder netsp did not write, unless forced", async () => {
    const { root, data } = await workspace();
    const theirs = path.join(root, "theirs");
    await mkdir(theirs);
    await writeFile(path.join(theirs, "thesis.docx"), "precious");
    await expect(checkOutputFolder(theirs, { inputs: [data] })).rejects.toThrow(/--force/);
    await expect(checkOutputFolder(theirs, { inputs: [data], force: true })).resolves.toBeUndefined();
    await expect(checkOutputFolder(path.join(root, "new"), { inputs: [data] })).resolves.toBeUndefined();
  });
});

describe("writeOutputFolder", () => {
  it("writes every file with the marker, and replaces a previous netsp folder whole", async () => {
    const { root, data } = await workspace();
    const out = path.join(root, "results");
    await writeOutputFolder(out, new Map([["a.csv", "1\n"], ["b.md", "# b\n"]]));
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, "a.csv", "b.md"]);
    await checkOutputFolder(out, { inputs: [data] }); // a netsp folder may be replaced without --force
    await writeOutputFolder(out, new Map([["c.csv", "2\n"]]));
    expect((await readdir(out)).sort()).toEqual([OUTPUT_MARKER, "c.csv"]);
    expect((await readdir(root)).sort()).toEqual(["data", "results"]); // no staging folders left
  });

  it("leaves the previous outputs untouched when writing fails midway", async () => {
    const { root } = await workspace();
    const out = path.join(root, "results");
    await writeOutputFolder(out, new Map([["a.csv", "old\n"]]));
    await expect(writeOutputFolder(out, new Map([["a.csv", "new\n"], ["../escape.csv", "x"]]))).rejects.toThrow(/bug/);
    expect(await readFile(path.join(out, "a.csv"), "utf8")).toBe("old\n");
    expect((await readdir(root)).sort()).toEqual(["data", "results"]);
  });
});

describe("writeFileAtomic", () => {
  it("writes through a temporary file and leaves nothing else behind", async () => {
    const { root } = await workspace();
    const file = path.join(root, "deep", "measures.csv");
    await writeFileAtomic(file, "ego_id\n");
    await writeFileAtomic(file, "ego_id\nLW01\n");
    expect(await readFile(file, "utf8")).toBe("ego_id\nLW01\n");
    expect(await readdir(path.dirname(file))).toEqual(["measures.csv"]);
  });
});
