import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BIN } from "../corpus/run-netsp-bin.js";

/** Runs the installed command (the test build; worker threads need compiled code), colour off. */
export function netsp(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every output file of a folder, run.json without what differs from run to run (times, the clock's timestamps). */
export function outputs(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, f), "utf8");
    if (f !== "run.json") out[f] = text;
    else {
      const { timingsMs, startedAt, finishedAt, ...rest } = JSON.parse(text);
      out[f] = rest;
    }
  }
  return out;
}
