import { createHash } from "node:crypto";
import { cpSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

// Every command that writes refuses an --out that is something it reads: an input file, the config, the
// protocol, a path inside the input folder, a symbolic link or a hard link to an input. Exit 2, and not one
// byte of the sandbox changes. A control run per command shows the same arguments write a file elsewhere.

const root = mkdtempSync(path.join(tmpdir(), "netsp-protected-out-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// root/study: the tutorial export; its protocol and a config live apart, in root/elsewhere.
const study = path.join(root, "study");
const elsewhere = path.join(root, "elsewhere");
const links = path.join(root, "links");
cpSync("fixtures/network-canvas-radar", study, { recursive: true });
mkdirSync(elsewhere);
mkdirSync(links);
const protocol = path.join(elsewhere, "radar.netcanvas");
renameSync(path.join(study, "IJE_RADAR_Protocol.netcanvas"), protocol);
const config = path.join(elsewhere, "study.json");
writeFileSync(config, "{}\n");
const egoFile = path.join(study, readdirSync(study).find((n) => n.endsWith("_ego.csv"))!);
const symlink = path.join(links, "ego-symlink.csv");
const hardLink = path.join(links, "ego-hardlink.csv");
symlinkSync(egoFile, symlink);
linkSync(egoFile, hardLink);
// synth reads a targets file only.
const targets = path.join(root, "targets", "targets.csv");
mkdirSync(path.dirname(targets));
cpSync("fixtures/thesis/targets.csv", targets);
const targetsSymlink = path.join(links, "targets-symlink");
const targetsHardLink = path.join(links, "targets-hardlink");
symlinkSync(targets, targetsSymlink);
linkSync(targets, targetsHardLink);

/** Every entry under root: its kind, and a file's SHA-256 or a link's target. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const info = lstatSync(full);
      const key = path.relative(root, full);
      if (info.isSymbolicLink()) out[key] = `link → ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        out[key] = "folder";
        visit(full);
      } else out[key] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  visit(root);
  return out;
}

const studyOptions = ["--config", config, "--protocol", protocol];
/** Each writing command that reads the study, with arguments that succeed given a free --out. */
const fileCommands: Record<string, { args: string[]; ext: string }> = {
  measures: { args: ["measures", study, ...studyOptions], ext: "csv" },
  compare: { args: ["compare", study, "--by", "MarijuanaUsed", "--measures", "network_size", ...studyOptions], ext: "csv" },
  correlate: { args: ["correlate", study, "--vars", "network_size,density", ...studyOptions], ext: "csv" },
  report: { args: ["report", study, "-q", ...studyOptions], ext: "html" },
  plot: { args: ["plot", study, "--ego", "case_1", ...studyOptions], ext: "svg" },
  analyse: { args: ["analyse", study, "-q", ...studyOptions], ext: "" },
};

/** The outputs every command must refuse, by what they are. */
const protectedOutputs: Record<string, string> = {
  "an input file": egoFile,
  "the config": config,
  "the protocol": protocol,
  "a new path inside the input folder": path.join(study, "results", "out.txt"),
  "a symbolic link to an input": symlink,
  "a hard link to an input": hardLink,
};

async function expectRefused(args: string[]): Promise<void> {
  const before = snapshot();
  const run = await runCli(args);
  expect(run.exitCode, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/refusing to (write|use)/);
  expect(snapshot()).toEqual(before);
}

describe.each(Object.entries(fileCommands))("netsp %s --out", (name, { args, ext }) => {
  it.each(Object.entries(protectedOutputs))("refuses %s: exit 2, nothing changed", async (_what, out) => {
    await expectRefused([...args, "--out", out]);
  });

  it("writes when --out is elsewhere (the same arguments)", async () => {
    const out = path.join(root, `ok-${name}${ext ? `.${ext}` : ""}`);
    const run = await runCli([...args, "--out", out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(lstatSync(out).isFile() || lstatSync(out).isDirectory()).toBe(true);
    rmSync(out, { recursive: true });
  });
});

describe("netsp compare and correlate on a per-ego table", () => {
  it("refuse --out at the table, a link to it, or its config", async () => {
    const tables = path.join(root, "tables");
    mkdirSync(tables);
    const table = path.join(tables, "egos.csv");
    writeFileSync(table, "ego_id,group,network_size,density\nA,x,1,0.5\nB,x,2,0.2\nC,y,3,0.1\nD,y,4,0.3\n");
    writeFileSync(path.join(tables, "netsp.config.json"), "{}\n");
    linkSync(table, path.join(links, "table-hardlink.csv"));
    for (const out of [table, path.join(links, "table-hardlink.csv"), path.join(tables, "netsp.config.json")]) {
      await expectRefused(["compare", table, "--by", "group", "--measures", "network_size", "--out", out]);
      await expectRefused(["correlate", table, "--vars", "network_size,density", "--out", out]);
    }
    // Beside the table is fine: the input is the file, not its folder.
    const beside = path.join(tables, "compare.csv");
    expect((await runCli(["compare", table, "--by", "group", "--measures", "network_size", "--out", beside])).exitCode).toBe(0);
    rmSync(beside);
  });
});

describe("netsp synth --out", () => {
  const args = ["synth", "--targets", targets, "-q", "--force"];
  it.each([
    ["the targets file", targets],
    ["the folder holding the targets (which --force would empty of export files)", path.dirname(targets)],
    ["the folder above it", root],
    ["a symbolic link to the targets", targetsSymlink],
    ["a hard link to the targets", targetsHardLink],
  ])("refuses %s: exit 2, nothing changed", async (_what, out) => {
    await expectRefused([...args, "--out", out]);
  });

  it("writes into another folder (the same arguments)", async () => {
    const out = path.join(root, "interviews");
    expect((await runCli([...args, "--out", out])).exitCode).toBe(0);
    rmSync(out, { recursive: true });
  });
});

describe("the cases first reported", () => {
  it("netsp measures study --out study/egos.csv (three tables) is refused and egos.csv kept", async () => {
    const three = path.join(root, "three");
    cpSync("fixtures/three-file", three, { recursive: true });
    await expectRefused(["measures", three, "--out", path.join(three, "egos.csv")]);
    rmSync(three, { recursive: true });
  });

  it("netsp plot <study> --out <study>/netsp.config.json and netsp report --out <data>/…csv are refused", async () => {
    const thesis = path.join(root, "thesis");
    cpSync("fixtures/thesis", thesis, { recursive: true });
    await expectRefused(["plot", thesis, "--ego", "LW01", "--out", path.join(thesis, "netsp.config.json")]);
    const alters = readdirSync(path.join(thesis, "interviews")).find((n) => n.includes("attributeList_Person"))!;
    await expectRefused(["report", thesis, "-q", "--out", path.join(thesis, "interviews", alters)]);
    rmSync(thesis, { recursive: true });
  });
});
