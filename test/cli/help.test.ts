import { describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/program.js";
import { runCli } from "./run-cli.js";

describe("netsp --help", () => {
  it("lists every command with a one-line summary and an example", async () => {
    const run = await runCli(["--help"]);
    expect(run.exitCode).toBe(0);
    const names = createProgram().commands.map((c) => c.name());
    expect(names).toEqual(["analyse", "validate", "describe", "measures", "compare", "correlate", "report", "plot", "synth"]);
    for (const command of createProgram().commands) {
      const summary = command.description();
      expect(summary.length, command.name()).toBeGreaterThan(0);
      expect(summary.includes("\n"), command.name()).toBe(false);
      expect(run.stdout, `example for ${command.name()}`).toMatch(new RegExp(`\\$ netsp ${command.name()} `));
    }
  });
});
