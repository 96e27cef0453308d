/**
 * Vitest global setup: builds the command the tests run as a user runs it, once per run, from the current
 * sources, so that no test of bin/netsp.js runs stale code or skips for want of a build.
 *
 * The build is the shipped one — `tsc -p tsconfig.build.json`, then package.json's own `bundle` script run
 * as npm runs it (`sh -c`) — with one addition, `--define:NETSP_TEST_BUILD=true`, which lets the tests stop
 * a run at an exact moment (src/cli/signal-for-test.ts). It goes into node_modules/.cache/netsp-test-build/
 * <hash of the sources>/ as bin/netsp.js, dist/main.js, dist/ego-worker.js and package.json, never into
 * dist/, so what `npm run build` ships never holds the test define. An unchanged source tree reuses its
 * build; builds not used for a day are removed. Type errors are printed and the emitted code is still
 * used: `npm test` type-checks before vitest runs, and a subset run should not stop on a colleague's edit.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** bin/netsp.js of the test build (absolute). */
    netspBin: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "netsp-test-build");
const DEFINE = "--define:NETSP_TEST_BUILD=true";
/** What the build depends on besides src/. */
const INPUTS = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "bin/netsp.js", "test/setup/build-cli.ts"];
/** What the test build keeps: the installed command. */
const KEPT = ["bin/netsp.js", "package.json", "dist/main.js", "dist/main.js.map", "dist/ego-worker.js", "dist/ego-worker.js.map"];
const DAY_MS = 24 * 60 * 60 * 1000;

export default function setup(project: TestProject): void {
  project.provide("netspBin", buildCli());
}

/** Builds (or reuses) the test build of the current sources; returns its bin/netsp.js. */
export function buildCli(): string {
  const build = path.join(CACHE, sourceHash());
  const bin = path.join(build, "bin", "netsp.js");
  if (KEPT.every((f) => existsSync(path.join(build, f)))) {
    const now = new Date();
    utimesSync(build, now, now);
    return bin;
  }
  mkdirSync(CACHE, { recursive: true });
  const scratch = mkdtempSync(path.join(CACHE, ".building-"));
  try {
    const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", path.join(scratch, "dist")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (tsc.status !== 0) {
      if (!existsSync(path.join(scratch, "dist/cli/main.js"))) throw new Error(`tsc failed:\n${tsc.stdout}${tsc.stderr}`);
      process.stderr.write(`test build: tsc reported errors (the emitted code is used; npm test type-checks first):\n${tsc.stdout}${tsc.stderr}\n`);
    }
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    cpSync(path.join(ROOT, "package.json"), path.join(scratch, "package.json"));
    const bundle = spawnSync("sh", ["-c", `${pkg.scripts.bundle} ${DEFINE}`], {
      cwd: scratch,
      encoding: "utf8",
      env: { ...process.env, PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}` },
    });
    if (bundle.status !== 0) throw new Error(`the bundle script failed:\n${bundle.stdout}${bundle.stderr}`);
    const kept = path.join(scratch, "kept");
    for (const file of KEPT) {
      const from = file === "bin/netsp.js" ? path.join(ROOT, file) : path.join(scratch, file);
      mkdirSync(path.dirname(path.join(kept, file)), { recursive: true });
      cpSync(from, path.join(kept, file));
    }
    try {
      renameSync(kept, build);
    } catch (e) {
      // Another test run built the same sources at the same time: its build is as good.
      if (!KEPT.every((f) => existsSync(path.join(build, f)))) throw e;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  removeOldBuilds(build);
  return bin;
}

/** SHA-256 (first 16 hex digits) of every file under src/ (path and bytes) and of what else the build reads. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const add = (relative: string) => {
    hash.update(`${relative}\0`);
    hash.update(readFileSync(path.join(ROOT, relative)));
    hash.update("\0");
  };
  const visit = (folder: string) => {
    for (const entry of readdirSync(path.join(ROOT, folder), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(relative);
      else if (entry.isFile()) add(relative);
    }
  };
  visit("src");
  for (const file of INPUTS) add(file);
  return hash.digest("hex").slice(0, 16);
}

function removeOldBuilds(keep: string): void {
  for (const name of readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (full === keep) continue;
    try {
      if (Date.now() - statSync(full).mtimeMs > DAY_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
}
