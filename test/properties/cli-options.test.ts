/**
 * Every command's options on arbitrary argv (fast-check, seeded so a failure reproduces): run in this
 * process, as bin/netsp.js runs main(), each command given a random mix of its own options (values drawn
 * from their choices, numbers at and past their limits, the sandbox's files and random text), unknown
 * options and stray arguments exits 0, 1 or 2 — never 70, an internal error. Commands are taken from the
 * program itself, so a new one is fuzzed as soon as it is added.
 *
 * Each run gets a fresh sandbox (a study, a config, a per-ego table, targets) as its current folder. Values
 * hold no path separator and are never "." or "..", so nothing is written outside it; numbers stay small
 * enough (or far past every limit) that no run synthesises a large cohort.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import type { Command, Option } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/program.js";
import { runCli } from "../cli/run-cli.js";

const root = mkdtempSync(path.join(tmpdir(), "netsp-argv-fuzz-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

/** A fresh current folder: study/ (three tables and their config), cfg.json, egos.csv (one row per ego), targets.csv, key. */
function sandbox(): string {
  const dir = path.join(root, `run-${runs++}`);
  mkdirSync(dir);
  cpSync("fixtures/three-file", path.join(dir, "study"), { recursive: true });
  cpSync("fixtures/three-file/netsp.config.json", path.join(dir, "cfg.json"));
  writeFileSync(path.join(dir, "egos.csv"), "ego_id,area,network_size,density\nA,x,1,0.5\nB,x,2,0.2\nC,y,3,0.1\nD,y,4,\n");
  // The first three thesis interviews' targets, so that synth --targets is quick.
  writeFileSync(path.join(dir, "targets.csv"), targetsHead);
  writeFileSync(path.join(dir, "key"), "0123456789abcdef0123456789abcdef\n", { mode: 0o600 });
  return dir;
}
const targetsHead = (await import("node:fs")).readFileSync("fixtures/thesis/targets.csv", "utf8").split("\n").slice(0, 4).join("\n") + "\n";

/** Words a value can be: files and folders of the sandbox, ids, variables, measures, numbers at the edges. */
const NAMED_VALUES = [
  "study", "study/egos.csv", "study/netsp.config.json", "cfg.json", "egos.csv", "targets.csv", "key", "missing", "missing.csv",
  "out", "out.csv", "out.md", "out.json", "out.svg", "out.html", "-",
  "R01", "LW01", "case_1", "area", "age", "sex", "gender", "network_size", "density", "isolates", "share_gender", "nope",
  "network_size,density", "age,network_size", "a,", ",", "csv", "md", "json", "xlsx", "json,xlsx", "pdf",
  "0", "1", "2", "3", "-1", "1.5", "0.5", "1e3", "NaN", "Infinity", "300", "99999999999999999999", " 2 ", "",
];
const randomText = fc
  .string({ maxLength: 10 })
  .filter((s) => !/[/\\]/.test(s) && s !== "." && s !== ".." && !/^\s*\d+\s*$/.test(s));
const value = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMED_VALUES) }, { weight: 1, arbitrary: randomText });

/** One of `command`'s options as argv, with a value when it takes one (from its choices, mostly, if it has them). */
function optionTokens(o: Option): fc.Arbitrary<string[]> {
  const flag = fc.constantFrom(...[o.long, o.short].filter((f): f is string => f !== undefined));
  if (!o.required && !o.optional) return flag.map((f) => [f]);
  const values = o.argChoices ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...o.argChoices) }, { weight: 1, arbitrary: value }) : value;
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(flag, values).map(([f, v]) => [f, v]) },
    { weight: 1, arbitrary: fc.tuple(flag, values).map(([f, v]) => [`${f}=${v}`]) },
    ...(o.optional ? [{ weight: 1, arbitrary: flag.map((f) => [f]) }] : []),
  );
}

const stray = fc.oneof(value.map((v) => [v]), fc.constantFrom(["--"], ["-"], ["--no-such-option"], ["-Z"], ["--out"], ["--help"], ["-V"]));

/**
 * Argv for `command`, of two kinds: wild (any of its options, repeated, in any order, among stray tokens),
 * and plausible (an input, then a few of its options once each, rarely a stray token), which get past the
 * parser into the command itself more often.
 */
function argvFor(command: Command): fc.Arbitrary<string[]> {
  const options = (command.options as Option[]).filter((o) => o.long !== "--help");
  const wild = fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...options).chain(optionTokens) }, { weight: 1, arbitrary: stray }), { maxLength: 7 })
    .map((tokens) => tokens.flat());
  const input = fc.option(fc.constantFrom("study", "egos.csv", "study/egos.csv", "targets.csv", "missing", "cfg.json"), { nil: undefined });
  const some: fc.Arbitrary<string[][]> = fc
    .uniqueArray(fc.constantFrom(...options), { maxLength: 4 })
    .chain((chosen) => (chosen.length ? (fc.tuple(...chosen.map(optionTokens)) as fc.Arbitrary<string[][]>) : fc.constant([] as string[][])));
  const plausible = fc
    .tuple(input, some, fc.option(stray, { freq: 8, nil: undefined }))
    .map(([i, opts, extra]) => [...(i !== undefined ? [i] : []), ...opts.flat(), ...(extra ?? [])]);
  return fc.oneof({ weight: 1, arbitrary: wild }, { weight: 2, arbitrary: plausible });
}

const commands = createProgram().commands.map((c) => c.name());

describe("every command's options on arbitrary argv", () => {
  it.each(commands)("netsp %s exits 0, 1 or 2, never 70", async (name) => {
    const command = createProgram().commands.find((c) => c.name() === name)!;
    const argv = argvFor(command);
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const cwd = sandbox();
        const run = await runCli([name, ...args], { cwd });
        rmSync(cwd, { recursive: true, force: true });
        expect([0, 1, 2], `netsp ${[name, ...args].map((a) => JSON.stringify(a)).join(" ")} → exit ${run.exitCode}\n${run.stderr}`).toContain(run.exitCode);
        expect(run.stderr).not.toMatch(/internal error|this is a bug in netsp/);
      }),
      { seed: 2203, numRuns: 150 },
    );
  }, 120_000);
});
