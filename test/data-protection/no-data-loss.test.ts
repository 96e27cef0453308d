/**
 * No data loss: inputs are only ever read (a read-only copy works and its bytes and times do not change),
 * and an interrupted `netsp analyse` leaves the earlier output folder byte for byte as it was, or the
 * complete new one, never a mixture, with nothing left beside it. Each interrupt arrives at an exact moment:
 * the test build sends the signal itself where NETSP_TEST_SIGNAL_AT says (src/cli/signal-for-test.ts).
 */
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyInstalledCli } from "../corpus/copy-installed-cli.js";
import { runBin } from "../corpus/run-netsp-bin.js";

const THESIS = path.resolve("fixtures/thesis");
const ROOT_USER = process.getuid?.() === 0;
/** Root ignores file permissions: the read-only run is made as the unprivileged user "nobody" instead. */
const NOBODY = 65534;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) {
    chmodTree(d, 0o755, 0o644);
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

/** Folders netsp writes beside the output while swapping it in. */
function leftovers(parent: string): string[] {
  return readdirSync(parent).filter((n) => n.includes(".netsp-new-") || n.includes(".netsp-old-"));
}

describe("inputs are opened read-only and never modified", () => {
  it("a read-only copy of the thesis study (files 0444, folders 0555) is analysed, and its bytes and times do not change", () => {
    // Everything the run needs is copied where the unprivileged user can reach it: the checkout may sit in
    // a private folder (mode 0700, as mktemp -d makes), which that user cannot enter.
    for (let at = tmpdir(); ; at = path.dirname(at)) {
      expect(statSync(at).mode & 0o001, `${at} must be searchable by other users for this test`).toBe(0o001);
      if (path.dirname(at) === at) break;
    }
    const base = tempDir();
    const bin = copyInstalledCli(path.join(base, "netsp"));
    const study = path.join(base, "study");
    cpSync(THESIS, study, { recursive: true });
    chmodTree(study, 0o555, 0o444);
    const before = snapshot(study);
    const asUser = ROOT_USER ? { uid: NOBODY, gid: NOBODY } : {};
    // The output goes beside the data, in a folder the (unprivileged) user may write.
    const outParent = path.join(base, "results-parent");
    mkdirSync(outParent);
    chmodSync(outParent, 0o777);
    const runs = [
      ["validate", study],
      ["measures", study, "--format", "csv"],
      ["analyse", study, "--out", path.join(outParent, "out"), "--format", "json,xlsx"],
    ];
    for (const args of runs) {
      const r = runBin(args, { ...asUser, bin, cwd: base, timeoutMs: 60_000 });
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
    }
    expect(existsSync(path.join(outParent, "out", "measures.csv"))).toBe(true);
    expect(snapshot(study)).toEqual(before);
    // The run really was unprivileged: its outputs belong to nobody.
    if (ROOT_USER) expect(statSync(path.join(outParent, "out", "measures.csv")).uid).toBe(NOBODY);
  });
});

describe("an interrupted analyse leaves the earlier outputs intact", () => {
  let parent: string;
  let out: string;
  let earlier: ReturnType<typeof snapshot>;

  beforeAll(() => {
    parent = path.join(tempDir(), "results");
    out = path.join(parent, "thesis-tables");
  });

  beforeEach(() => {
    rmSync(parent, { recursive: true, force: true });
    const first = runBin(["analyse", THESIS, "--out", out, "-q"], { timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(0);
    earlier = snapshot(out);
    expect(Object.keys(earlier)).toContain(".netsp-output");
  });

  /** A second run, with other formats so its outputs differ, interrupted at `moment`. */
  function interrupted(moment: string) {
    return runBin(["analyse", THESIS, "--out", out, "--format", "json,xlsx", "-q"], { env: { NETSP_TEST_SIGNAL_AT: moment }, timeoutMs: 60_000 });
  }

  it("SIGINT while reading (after the first ego): the process stops, the earlier folder is unchanged, nothing is left", () => {
    const r = interrupted("measuring:SIGINT");
    expect(r.signal, r.stderr).toBe("SIGINT");
    expect(snapshot(out)).toEqual(earlier);
    expect(leftovers(parent)).toEqual([]);
  });

  it("SIGINT as the new outputs start being written: exit 130, the earlier folder is unchanged, nothing is left", () => {
    const r = interrupted("writing:SIGINT");
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/interrupted: .*thesis-tables is left as it was before this run/);
    expect(snapshot(out)).toEqual(earlier);
    expect(leftovers(parent)).toEqual([]);
  });

  it("SIGINT once the swap has begun: the swap finishes, exit 130, the complete new folder, nothing is left", () => {
    const r = interrupted("swapping:SIGINT");
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/interrupted after .*thesis-tables was written in full/);
    const record = JSON.parse(readFileSync(path.join(out, "run.json"), "utf8")) as { outputs: string[]; counts: { egos: number } };
    expect(record.counts.egos).toBe(21);
    expect(record.outputs).toContain("tables.xlsx");
    for (const f of record.outputs) expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(leftovers(parent)).toEqual([]);
  });

  it("killed between the two renames of the swap: the earlier outputs are set aside whole, and the next run restores them", () => {
    const r = interrupted("between-renames:SIGKILL");
    expect(r.signal, r.stderr).toBe("SIGKILL");
    expect(existsSync(out)).toBe(false);
    const [old] = leftovers(parent).filter((n) => n.includes(".netsp-old-"));
    expect(snapshot(path.join(parent, old))).toEqual(earlier);

    const next = runBin(["analyse", THESIS, "--out", out, "-q"], { timeoutMs: 60_000 });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/warning: found .*netsp-old-.*the previous outputs.*Restored as .*thesis-tables/);
    expect(next.stderr).toMatch(/warning: found .*netsp-new-.*the unfinished outputs.*Removed/);
    expect(leftovers(parent)).toEqual([]);
    expect(Object.keys(snapshot(out))).toEqual(Object.keys(earlier));
  });
});
