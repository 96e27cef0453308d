import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectGolden, GOLDEN_DIR, UPDATING } from "./golden-file.js";
import { runCli, type CliRun } from "./run-cli.js";

// The CLI's outputs, byte for byte, against the files in test/cli/golden/. A change to any output shows up
// here as a diff; accept it with `UPDATE_GOLDEN=1 npx vitest run test/cli/golden.test.ts` and review
// `git diff test/cli/golden` before committing. Golden files no test produces any more are reported.

const RADAR = "fixtures/network-canvas-radar";
const THESIS = "fixtures/thesis";
const root = mkdtempSync(path.join(tmpdir(), "netsp-golden-"));
const checked = new Set<string>();
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A run as one text: the exit code, then stdout and stderr, with the temporary folder shown as <tmp>. */
function shown(run: CliRun): string {
  const tidy = (text: string) => text.split(root).join("<tmp>");
  return `exit code: ${run.exitCode}\n--- stdout\n${tidy(run.stdout)}--- stderr\n${tidy(run.stderr)}`;
}

let mismatch = false;
function golden(name: string, actual: string): void {
  checked.add(name);
  try {
    expectGolden(name, actual);
  } catch (e) {
    mismatch = true; // the checks after it in the same test did not run: the stale-file check says nothing
    throw e;
  }
}

async function cli(name: string, args: string[]): Promise<CliRun> {
  const run = await runCli(args);
  golden(name, shown(run));
  return run;
}

describe("golden files: what the CLI prints", () => {
  it("netsp --help", async () => {
    await cli("help.txt", ["--help"]);
  });

  it("netsp analyse --help", async () => {
    await cli("analyse-help.txt", ["analyse", "--help"]);
  });

  it("netsp validate on the Network Canvas tutorial export, as text and as JSON", async () => {
    expect((await cli("validate-radar.txt", ["validate", RADAR])).exitCode).toBe(0);
    expect((await cli("validate-radar-json.txt", ["validate", RADAR, "--json"])).exitCode).toBe(0);
  });

  it("netsp validate on an export with errors (decimal comma, then a tie to another ego's alter)", async () => {
    const protocol = ["--protocol", `${RADAR}/IJE_RADAR_Protocol.netcanvas`];
    expect((await cli("validate-non-number.txt", ["validate", "test/corpus/validate-faults/non-number", ...protocol])).exitCode).toBe(1);
    expect((await cli("validate-tie-other-ego-alter.txt", ["validate", "test/corpus/validate-faults/tie-other-ego-alter", ...protocol])).exitCode).toBe(1);
  });

  it("netsp measures on the tutorial export (CSV on stdout)", async () => {
    expect((await cli("measures-radar.txt", ["measures", RADAR])).exitCode).toBe(0);
  });

  it("netsp compare and netsp correlate on the thesis study", async () => {
    const compare = ["compare", THESIS, "--by", "deprivation", "--measures", "network_size,density,max_k", "--format", "md"];
    expect((await cli("compare-thesis.txt", compare)).exitCode).toBe(0);
    const correlate = ["correlate", THESIS, "--vars", "network_size,density,isolates", "--method", "both", "--format", "md"];
    expect((await cli("correlate-thesis.txt", correlate)).exitCode).toBe(0);
  });

  it("usage errors: exit 2 and one line saying what is wrong", async () => {
    expect((await cli("usage-bad-format.txt", ["analyse", THESIS, "--format", "pdf", "--out", path.join(root, "x")])).exitCode).toBe(2);
    expect((await cli("usage-unknown-command.txt", ["analyze-everything"])).exitCode).toBe(2);
    for (const command of ["analyse", "validate", "describe", "measures", "compare", "correlate", "report", "plot", "synth"]) {
      expect((await cli(`usage-unknown-option-${command}.txt`, [command, "--no-such-option"])).exitCode, command).toBe(2);
    }
  });

  it("netsp describe on every fixture, as text and as JSON", async () => {
    // The radar export without its protocol: its CSV files alone, in a folder of their own.
    const radarAlone = path.join(root, "radar-no-protocol");
    mkdirSync(radarAlone);
    for (const f of readdirSync(RADAR)) if (f.endsWith(".csv")) cpSync(path.join(RADAR, f), path.join(radarAlone, f));
    const cases: Array<[string, string]> = [
      ["radar", RADAR],
      ["radar-no-protocol", radarAlone],
      ["radar-graphml", "fixtures/network-canvas-radar-graphml"],
      ["thesis", THESIS],
      ["three-file", "fixtures/three-file"],
      ...realExports(),
    ];
    for (const [name, input] of cases) {
      const text = await cli(`describe/${name}.txt`, ["describe", input]);
      const json = await cli(`describe/${name}-json.txt`, ["describe", input, "--json"]);
      // The exit code is in each golden file; the bundled fixtures have no errors.
      if (!name.startsWith("real-")) expect([text.exitCode, json.exitCode], name).toEqual([0, 0]);
    }
    // The starter config it writes for the export without its protocol: every inferred type declared.
    const written = path.join(root, "radar-no-protocol.config.json");
    expect((await runCli(["describe", radarAlone, "--write-config", written])).exitCode).toBe(0);
    golden("describe/radar-no-protocol.config.json", readFileSync(written, "utf8"));
  });

  it("netsp analyse on the thesis study: the messages and every file it writes", async () => {
    const out = path.join(root, "thesis");
    expect((await cli("analyse-thesis.txt", ["analyse", THESIS, "--out", out])).exitCode).toBe(0);
    for (const name of readdirSync(out).sort()) {
      if (name.startsWith(".")) continue;
      let text = readFileSync(path.join(out, name), "utf8");
      if (name === "run.json") {
        // What differs from run to run or machine to machine: times, and the Node.js version.
        const { startedAt, finishedAt, timingsMs, node, ...rest } = JSON.parse(text);
        expect([typeof startedAt, typeof finishedAt, typeof timingsMs, typeof node]).toEqual(["string", "string", "object", "string"]);
        text = JSON.stringify(rest, null, 2) + "\n";
      }
      golden(`analyse-thesis/${name}`, text);
    }
  });
});

/** Every export of fixtures/real-exports/ (its csv/ and graphml/ folders), as [golden name, input]. */
function realExports(): Array<[string, string]> {
  const base = "fixtures/real-exports";
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .flatMap((name) =>
      ["csv", "graphml"].filter((f) => existsSync(path.join(base, name, f))).map((f): [string, string] => [`real-${name}-${f}`, `${base}/${name}/${f}`]),
    );
}

describe("golden files", () => {
  it("every golden file is still produced by a test above", () => {
    const all = (dir: string, prefix = ""): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    const stale = UPDATING || mismatch ? [] : all(GOLDEN_DIR).filter((f) => !checked.has(f));
    expect(stale, "golden files no test checks: delete them").toEqual([]);
  });
});
