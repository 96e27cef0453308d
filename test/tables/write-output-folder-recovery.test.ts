import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OUTPUT_MARKER, recoverOutputFolder, writeOutputFolder } from "../../src/tables/write-output-folder.js";
import { runCli } from "../cli/run-cli.js";

// A run that dies between the two renames of its swap (power cut, SIGKILL) leaves the previous outputs as
// .<out>.netsp-old-<pid>-<tag> and no <out>; one that dies after them leaves the old folder beside the new.
// Each state is made here by hand, as the swap leaves it, with the pid of a process that does not exist.

/** A pid no process has (above Linux's largest, 2^22). */
const GONE = 99_999_999;
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
const tag = (kind: "new" | "old", pid = GONE) => `.results.netsp-${kind}-${pid}-0badc0de`;

async function withEarlierOutputs(): Promise<{ root: string; out: string }> {
  const root = await tempDir("netsp-recover-");
  const out = path.join(root, "results");
  await writeOutputFolder(out, new Map([["measures.csv", "ego_id\nearlier\n"]]));
  return { root, out };
}

describe("recoverOutputFolder", () => {
  it("stopped between the renames: puts the previous outputs back and removes the unfinished new ones", async () => {
    const { root, out } = await withEarlierOutputs();
    await rename(out, path.join(root, tag("old")));
    await mkdir(path.join(root, tag("new")));
    await writeFile(path.join(root, tag("new"), "measures.csv"), "ego_id\nnew\n");

    const messages = await recoverOutputFolder(out);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/found .*netsp-old-99999999-0badc0de: the previous outputs, set aside by a run \(process 99999999\) that stopped .*Restored as .*results/);
    expect(messages[1]).toMatch(/netsp-new-99999999-0badc0de: the unfinished outputs .*Removed/);
    expect(await readFile(path.join(out, "measures.csv"), "utf8")).toBe("ego_id\nearlier\n");
    expect(await readdir(root)).toEqual(["results"]);
  });

  it("stopped after the renames: removes the outputs the new folder had already replaced", async () => {
    const { root, out } = await withEarlierOutputs();
    await mkdir(path.join(root, tag("old")));
    await writeFile(path.join(root, tag("old"), OUTPUT_MARKER), "");
    const messages = await recoverOutputFolder(out);
    expect(messages).toEqual([expect.stringMatching(/earlier outputs, already replaced by .*results.*Removed/)]);
    expect(await readdir(root)).toEqual(["results"]);
    expect(await readFile(path.join(out, "measures.csv"), "utf8")).toBe("ego_id\nearlier\n");
  });

  it("keeps a set-aside folder it cannot be sure of, and one a running process is writing", async () => {
    const { root, out } = await withEarlierOutputs();
    await mkdir(path.join(root, tag("old"))); // no marker: a folder replaced with --force
    await mkdir(path.join(root, tag("new", process.ppid))); // the parent of this test runs: another netsp, writing
    const messages = await recoverOutputFolder(out);
    expect(messages.join("\n")).toMatch(/being written by another netsp run \(process \d+\): left alone/);
    expect(messages.join("\n")).toMatch(/Left as it is: look at both/);
    expect((await readdir(root)).sort()).toEqual([tag("new", process.ppid), tag("old"), "results"].sort());
  });

  it("with nothing left over, says nothing and changes nothing", async () => {
    const { root, out } = await withEarlierOutputs();
    expect(await recoverOutputFolder(out)).toEqual([]);
    expect(await recoverOutputFolder(path.join(root, "never-written"))).toEqual([]);
    expect(await readdir(root)).toEqual(["results"]);
  });
});

describe("netsp analyse after a run that stopped mid-swap", () => {
  it("says what it found on stderr, restores the earlier outputs, then replaces them as usual", async () => {
    const root = await tempDir("netsp-recover-cli-");
    const out = path.join(root, "results");
    expect((await runCli(["analyse", "fixtures/network-canvas-radar", "--out", out, "-q"])).exitCode).toBe(0);
    const earlier = await readFile(path.join(out, "measures.csv"), "utf8");
    await rename(out, path.join(root, tag("old")));
    await mkdir(path.join(root, tag("new")));

    const run = await runCli(["analyse", "fixtures/network-canvas-radar", "--out", out, "-q"]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/warning: found .*netsp-old-.*the previous outputs.*Restored as/);
    expect(run.stderr).toMatch(/warning: found .*netsp-new-.*unfinished outputs.*Removed/);
    expect(await readdir(root)).toEqual(["results"]);
    expect(await readFile(path.join(out, "measures.csv"), "utf8")).toBe(earlier);
  });
});
