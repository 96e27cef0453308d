import { vi } from "vitest";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `netsp <args>` in this process (the source, not dist/), capturing stdout, stderr and the exit code. */
export async function runCli(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  });
  const cwd = process.cwd();
  const listeners = { out: process.stdout.listenerCount("error"), err: process.stderr.listenerCount("error") };
  process.exitCode = undefined;
  try {
    if (options.cwd) process.chdir(options.cwd);
    await main(["node", "netsp", ...args]);
  } finally {
    if (options.cwd) process.chdir(cwd);
    out.mockRestore();
    err.mockRestore();
    // main() adds an EPIPE listener per call; drop the ones this run added.
    for (const [stream, count] of [[process.stdout, listeners.out], [process.stderr, listeners.err]] as const) {
      const added = stream.listeners("error").slice(count);
      for (const l of added) stream.removeListener("error", l as (...a: unknown[]) => void);
    }
  }
  const exitCode = typeof process.exitCode === "number" ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}
