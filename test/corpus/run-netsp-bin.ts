import { spawnSync } from "node:child_process";
import { inject } from "vitest";

/**
 * The installed command: bin/netsp.js running the bundled CLI, built from the current sources by the global
 * setup (test/setup/build-cli.ts) before any test runs. Every test of the built command runs it through
 * this module; there is no case in which such a test skips.
 */
export const BIN = builtBin();

function builtBin(): string {
  const bin = inject("netspBin");
  if (typeof bin !== "string") {
    throw new Error("no test build of the CLI: run the tests through vitest.config.ts, whose globalSetup (test/setup/build-cli.ts) makes it");
  }
  return bin;
}

/** Heap limit of the child (MB): a leak or an unbounded buffer fails the run instead of passing slowly. */
export const HEAP_MB = 192;

export interface BinRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the run was killed for taking longer than its time limit. */
  timedOut: boolean;
  ms: number;
}

export interface BinOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Time limit; the child is killed (SIGKILL) after it. */
  timeoutMs?: number;
  heapMb?: number;
  /** Another copy of the command to run (default BIN). */
  bin?: string;
  /** Run as another user (a read-only check needs a user who is not root). */
  uid?: number;
  gid?: number;
}

/** Runs `node --max-old-space-size=<heap> bin/netsp.js <args>` with a time limit, colour off. */
export function runBin(args: string[], options: BinOptions = {}): BinRun {
  const started = performance.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${options.heapMb ?? HEAP_MB}`, options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    timeout: options.timeoutMs ?? 20_000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", timedOut, ms: performance.now() - started };
}

/** A stack trace, or netsp's own report of a bug: neither may ever reach a user for bad input. */
export const STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+|internal error|this is a bug in netsp/;
