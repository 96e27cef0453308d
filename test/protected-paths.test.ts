import { linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../src/errors.js";
import { refuseProtectedOutput } from "../src/protected-paths.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-protected-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// root/study/{egos.csv, netsp.config.json}, root/elsewhere/protocol.netcanvas, root/links/…
const study = path.join(root, "study");
const egos = path.join(study, "egos.csv");
const config = path.join(study, "netsp.config.json");
const protocol = path.join(root, "elsewhere", "protocol.netcanvas");
mkdirSync(study);
mkdirSync(path.dirname(protocol));
mkdirSync(path.join(root, "links"));
writeFileSync(egos, "ego_id\nA\n");
writeFileSync(config, "{}\n");
writeFileSync(protocol, "PK\n");
const inputs = [study, egos, config, protocol];

async function refused(out: string, kind?: "file" | "folder"): Promise<string> {
  const e = await refuseProtectedOutput(out, inputs, { kind }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(e, `${out} should be refused`).toBeInstanceOf(UsageError);
  return (e as Error).message;
}

describe("refuseProtectedOutput", () => {
  it("refuses an input file, the config and the protocol themselves", async () => {
    expect(await refused(egos)).toMatch(/refusing to write over the input .*egos\.csv: --out .* is that file/);
    expect(await refused(protocol)).toMatch(/refusing to write over the input .*protocol\.netcanvas: --out .* is that file/);
    expect(await refuseProtectedOutput(config, [config]).catch((e: Error) => e.message)).toMatch(/is that file/);
  });

  it("refuses any path inside an input folder, existing or not, and the folder itself", async () => {
    for (const out of [path.join(study, "new.csv"), path.join(study, "sub", "deeper", "x.svg"), study]) {
      expect(await refused(out)).toMatch(/input folder \(.*study\)/);
    }
  });

  it("refuses a symbolic link to an input, and a path through a link to the input folder", async () => {
    const link = path.join(root, "links", "protocol-link");
    symlinkSync(protocol, link);
    expect(await refused(link)).toMatch(/is a symbolic link to it/);
    const folderLink = path.join(root, "links", "study-link");
    symlinkSync(study, folderLink);
    expect(await refused(path.join(folderLink, "out.csv"))).toMatch(/input folder/);
  });

  it("refuses a hard link to an input (the same device and inode)", async () => {
    const hard = path.join(root, "links", "protocol-hard");
    linkSync(protocol, hard);
    expect(await refused(hard)).toMatch(/is a hard link to it/);
  });

  it("allows other files, new or existing, beside the data", async () => {
    const other = path.join(root, "measures.csv");
    await expect(refuseProtectedOutput(other, inputs)).resolves.toBeUndefined();
    writeFileSync(other, "old\n");
    await expect(refuseProtectedOutput(other, inputs)).resolves.toBeUndefined();
    // Missing and undefined inputs protect nothing.
    await expect(refuseProtectedOutput(other, [undefined, path.join(root, "gone.csv")])).resolves.toBeUndefined();
  });

  it("refuses an output folder that holds an input, by path or through a link", async () => {
    expect(await refused(root, "folder")).toMatch(/it contains the input/);
    expect(await refused(path.dirname(protocol), "folder")).toMatch(/contains the input .*protocol\.netcanvas/);
    // A file output may sit beside an input; a folder output may not be the folder holding one.
    await expect(refuseProtectedOutput(path.join(root, "elsewhere", "out.csv"), inputs)).resolves.toBeUndefined();
    await expect(refuseProtectedOutput(path.join(root, "results"), inputs, { kind: "folder" })).resolves.toBeUndefined();
  });

  it("names the option in its message", async () => {
    const inside = await refuseProtectedOutput(path.join(study, "new.json"), inputs, { option: "--write-config" }).catch((e: Error) => e.message);
    expect(inside).toMatch(/give --write-config a file outside the data/);
    const over = await refuseProtectedOutput(config, inputs, { option: "--write-config" }).catch((e: Error) => e.message);
    expect(over).toMatch(/--write-config .* is that file.*give --write-config another file/);
  });
});
