/**
 * No data loss: inputs are only ever read (a read-only copy works and its bytes and times do not change),
 * and an interrupted `netsp analyse` (SIGINT while reading, or while writing its outputs) leaves the earlier
 * output folder byte for byte as it was, with no staging folder left behind.
 */
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT, runBin, startBin } from "../corpus/run-netsp-bin.js";

const THESIS = path.resolve("fixtures/thesis");
const POSIX = process.platform !== "win32";
const ROOT_USER = POSIX && process.getuid?.() === 0;
/** Root ignores file permissions: the read-only run is made as the unprivileged user "nobody" instead. */
const NOBODY = 65534;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    if (POSIX) chmodTree(d, 0o755, 0o644);
    rmSync(d, { recursive: true, force: true });
  }
});
function tempDir(mode = 0o755): string {
  const dir = mkdtempSync(path.join(tmpdir(), "netsp-safe-"));
  chmodSync(dir, mode);
  dirs.push(dir);
  return dir;
}

/** Every file under `dir` (hidden ones included) → SHA-256 and modification time. */
function snapshot(dir: string): Record<string, { sha256: string; mtimeMs: number }> {
  const out: Record<string, { sha256: string; mtimeMs: number }> = {};
  const visit = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const info = statSync(full);
      if (info.isDirectory()) visit(full);
      else out[path.relative(dir, full)] = { sha256: createHash("sha256").update(readFileSync(full)).digest("hex"), mtimeMs: info.mtimeMs };
    }
  };
  visit(dir);
  return out;
}

function chmodTree(dir: string, dirMode: number, fileMode: number): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) chmodTree(full, dirMode, fileMode);
    else chmodSync(full, fileMode);
  }
  chmodSync(dir, dirMode);
}

/** Folders netsp writes beside the output while swapping it in; none may be left. */
function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((n) => n.includes(".netsp-new-") || n.includes(".netsp-old-"));
}

describe.skipIf(!BUILT || !POSIX)("inputs are opened read-only and never modified", () => {
  it("a read-only copy of the thesis study (files 0444, folders 0555) is analysed, and its bytes and times do not change", () => {
    const base = tempDir();
    const study = path.join(base, "study");
    cpSync(THESIS, study, { recursive: true });
    chmodTree(study, 0o555, 0o444);
    const before = snapshot(study);
    const asUser = ROOT_USER ? { uid: NOBODY, gid: NOBODY } : {};
    // The output goes beside the data, in a folder the (unprivileged) user may write.
    const outParent = path.join(base, "results-parent");
    mkdirSync(outParent, { mode: 0o777 });
    chmodSync(outParent, 0o777);
    const runs = [
      ["validate", study],
      ["measures", study, "--format", "csv"],
      ["analyse", study, "--out", path.join(outParent, "out"), "--format", "json,xlsx"],
    ];
    for (const args of runs) {
      const r = runBin(args, { ...asUser, timeoutMs: 60_000 });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
    }
    expect(existsSync(path.join(outParent, "out", "measures.csv"))).toBe(true);
    expect(snapshot(study)).toEqual(before);
  });
});

// Interrupt timing depends on machine load: a run that finished before the signal is retried, never passed.
describe.skipIf(!BUILT || !POSIX)("an interrupted analyse leaves the earlier outputs intact", { retry: 2 }, () => {
  let big: string;
  let parent: string;
  let out: string;
  let earlier: ReturnType<typeof snapshot>;

  beforeAll(() => {
    const base = tempDir();
    // A study large enough to take seconds: the thesis targets 20 times over (420 interviews), made by `netsp synth`.
    const targets = parse(readFileSync(path.join(THESIS, "targets.csv")), { columns: true }) as Array<Record<string, string>>;
    const many = Array.from({ length: 20 }, (_, k) => targets.map((t) => ({ ...t, id: `${t.id}R${String(k).padStart(2, "0")}` }))).flat();
    writeFileSync(path.join(base, "targets.csv"), stringify(many, { header: true }));
    big = path.join(base, "big");
    const synth = runBin(["synth", "--targets", path.join(base, "targets.csv"), "--out", big, "-q"], { timeoutMs: 60_000 });
    expect(synth.code, synth.stderr).toBe(0);
    parent = path.join(base, "results");
    out = path.join(parent, "thesis-tables");
    const first = runBin(["analyse", THESIS, "--out", out, "-q"], { timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(0);
    earlier = snapshot(out);
    expect(Object.keys(earlier)).toContain(".netsp-output");
  }, 120_000);

  it("SIGINT while reading: the earlier folder is unchanged and nothing is left beside it", async () => {
    const child = startBin(["analyse", big, "--out", out, "--format", "json,xlsx", "-q"]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(child.exitCode, "the run must still be going when interrupted (make the input bigger)").toBeNull();
    child.kill("SIGINT");
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    expect(code === 130 || signal === "SIGINT", `exit ${code} ${signal}`).toBe(true);
    expect(snapshot(out)).toEqual(earlier);
    expect(leftovers(parent)).toEqual([]);
  }, 30_000);

  it("SIGINT the moment the new outputs start being written: the earlier folder or the complete new one, never a mixture", async () => {
    const child = startBin(["analyse", big, "--out", out, "--format", "json,xlsx", "-q"]);
    let interrupted = false;
    const watcher = watch(parent, (_event, name) => {
      if (!interrupted && name && String(name).includes(".netsp-new-")) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    watcher.close();
    expect(interrupted, "the staging folder was seen").toBe(true);
    expect(signal, "netsp handles the interrupt itself while writing").toBeNull();
    expect(leftovers(parent)).toEqual([]);
    const now = snapshot(out);
    if (code === 130 && JSON.stringify(now) === JSON.stringify(earlier)) return; // interrupted before the swap
    // Too late to stop: the swap had begun, so the new folder is there whole.
    const record = JSON.parse(readFileSync(path.join(out, "run.json"), "utf8")) as { outputs: string[]; counts: { egos: number } };
    expect(record.counts.egos).toBe(420);
    for (const f of record.outputs) expect(existsSync(path.join(out, f)), f).toBe(true);
  }, 30_000);
});
