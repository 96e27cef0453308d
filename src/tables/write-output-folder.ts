import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { OutputError, UsageError } from "../errors.js";
import { pathKind } from "../path-kind.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { mapConcurrently } from "../map-concurrently.js";
import { writeDurably } from "./write-durably.js";

/** The file that marks a folder as written by netsp, so a later run may replace it without --force. */
export const OUTPUT_MARKER = ".netsp-output";

export interface OutputFolderOptions {
  /** Replace a folder netsp did not create. */
  force?: boolean;
  /** The data and the config: the output may be neither inside their folders nor contain them. */
  inputs: string[];
  /** Every other path the run read (each data file, the protocol, a key file): the output may not be one or hold one. */
  read?: string[];
}

/**
 * Refuses an output folder that would put results inside the data, or wipe the data, or overwrite a folder
 * netsp did not create (unless forced). Throws UsageError (exit 2) with the reason. The inputs are compared
 * by refuseProtectedOutput (real paths, devices and inodes).
 */
export async function checkOutputFolder(outDir: string, options: OutputFolderOptions): Promise<void> {
  const folders = await Promise.all(options.inputs.map(async (p) => ((await pathKind(p)) === "directory" ? p : path.dirname(path.resolve(p)))));
  await refuseProtectedOutput(outDir, [...folders, ...options.inputs, ...(options.read ?? [])], { kind: "folder" });
  const out = path.resolve(outDir);
  const kind = await pathKind(out);
  if (kind === null) return;
  if (kind !== "directory") throw new UsageError(`--out ${outDir} exists and is not a folder`);
  const entries = await readdir(out);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || options.force) return;
  throw new UsageError(
    `--out ${outDir} already exists and was not written by netsp: use another folder, or --force to replace it`,
  );
}

/**
 * Writes every file into a fresh sibling folder, then swaps it in with renames, so an interrupted run
 * leaves the previous outputs intact and never a half-written table. Files and folders are flushed to disk
 * (fsync) before the swap, so a power cut cannot leave renamed but empty files. Call checkOutputFolder first.
 */
export async function writeOutputFolder(
  outDir: string,
  files: Map<string, OutputContent>,
  options: { onStep?: (step: WriteStep) => Promise<void> } = {},
): Promise<void> {
  const state = { swapped: false };
  const write = writeStaged(outDir, files, state, options.onStep ?? (async () => undefined));
  inFlight.set(write, state);
  try {
    await write;
  } finally {
    inFlight.delete(write);
  }
}

/**
 * The points a write passes, in order (for a test build to stop at, see src/cli/signal-for-test.ts):
 * "writing" once the staging folder exists, "swapping" once everything is flushed, "between-renames" after
 * the previous folder is renamed aside and before the new one takes its place.
 */
/** A file's content: text, bytes, or text in pieces (a file too large for one string; iterated once). */
export type OutputContent = string | Uint8Array | Iterable<string>;

export type WriteStep = "writing" | "swapping" | "between-renames";

async function writeStaged(
  outDir: string,
  files: Map<string, OutputContent>,
  state: { swapped: boolean },
  onStep: (step: WriteStep) => Promise<void>,
): Promise<void> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.${path.basename(out)}.netsp-new-${tag}`);
  const retired = path.join(parent, `.${path.basename(out)}.netsp-old-${tag}`);
  try {
    await mkdir(staging);
    await writeDurably(path.join(staging, OUTPUT_MARKER), "This folder was written by netsp; a later run may replace it.\n");
    const folders = new Set([staging]);
    for (const name of files.keys()) {
      const target = path.join(staging, name);
      if (!isInside(target, staging)) throw new Error(`bug: output name escapes the folder: ${name}`);
      folders.add(path.dirname(target));
    }
    for (const folder of folders) await mkdir(folder, { recursive: true });
    await onStep("writing");
    // A few files at a time: each waits on its own flush to disk, and one after another they took most of
    // a short run's writing time.
    await mapConcurrently([...files], PARALLEL_WRITES, async ([name, content]) => {
      stopIfAbandoned();
      await writeDurably(path.join(staging, name), content);
    });
    for (const folder of folders) await syncFolder(folder);
    // Past this point the swap runs to its end: an interrupt waits for it (see abandonOutputWrites).
    stopIfAbandoned();
    state.swapped = true;
    await onStep("swapping");
    if ((await pathKind(out)) !== null) {
      await rename(out, retired);
      await onStep("between-renames");
      await rename(staging, out);
    } else {
      await rename(staging, out);
    }
    await syncFolder(parent);
    await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Puts right what a run that stopped mid-write (a crash, a power cut, SIGKILL) left beside `outDir`, and says
 * what each thing was, one message each, for stderr. Nothing is lost:
 * - `.<out>.netsp-old-*` with no `<out>`: the previous outputs, set aside by a run that stopped between the
 *   two renames of its swap. They are renamed back as `<out>` (the newest, if there are several);
 * - `.<out>.netsp-old-*` beside a netsp `<out>`: outputs that run had already replaced. Removed; left where
 *   they are (and said so) when `<out>` is not a netsp folder or they hold no netsp marker;
 * - `.<out>.netsp-new-*`: a staging folder, the unfinished outputs of a stopped run. Removed.
 * Folders made by a process that is still running (another netsp writing now) are left alone.
 */
export async function recoverOutputFolder(outDir: string): Promise<string[]> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(out))}\\.netsp-(new|old)-(\\d+)-[0-9a-f]+$`);
  const names = await readdir(parent).catch(() => [] as string[]);
  const messages: string[] = [];
  const found: Array<{ name: string; full: string; kind: string; pid: number; changedMs: number }> = [];
  for (const name of names.sort()) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const [, kind, pid] = match;
    const full = path.join(parent, name);
    if (isRunning(Number(pid))) {
      messages.push(`${shownPath(full)} is being written by another netsp run (process ${pid}): left alone`);
      continue;
    }
    const info = await lstat(full).catch(() => null);
    if (info?.isDirectory()) found.push({ name, full, kind, pid: Number(pid), changedMs: info.ctimeMs });
  }
  const old = found.filter((f) => f.kind === "old").sort((a, b) => b.changedMs - a.changedMs);
  if (old.length > 0 && (await pathKind(out)) === null) {
    const latest = old.shift()!;
    await rename(latest.full, out);
    messages.push(
      `found ${shownPath(latest.full)}: the previous outputs, set aside by a run (process ${latest.pid}) that stopped before ` +
        `its new ones took their place. Restored as ${shownPath(out)}`,
    );
  }
  const outIsNetsp = (await pathKind(path.join(out, OUTPUT_MARKER))) === "file";
  for (const f of old) {
    if (outIsNetsp && (await pathKind(path.join(f.full, OUTPUT_MARKER))) === "file") {
      await rm(f.full, { recursive: true, force: true });
      messages.push(`found ${shownPath(f.full)}: earlier outputs, already replaced by ${shownPath(out)} when a run (process ${f.pid}) stopped. Removed`);
    } else {
      messages.push(
        `found ${shownPath(f.full)}: a folder set aside by a run (process ${f.pid}) that stopped while replacing ${shownPath(out)}. ` +
          "Left as it is: look at both and delete the one you do not need",
      );
    }
  }
  for (const f of found.filter((x) => x.kind === "new")) {
    await rm(f.full, { recursive: true, force: true });
    messages.push(`found ${shownPath(f.full)}: the unfinished outputs of a run (process ${f.pid}) that stopped while writing them. Removed`);
  }
  if (found.length > 0) await syncFolder(parent);
  return messages;
}

/** Whether a process runs (a process of another user counts); this process's own pid never made a leftover. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A path as the user should read it: relative to the current folder when inside it. */
function shownPath(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return isInside(p, process.cwd()) && relative !== "" ? relative : p;
}

/** Output files written at the same time. */
const PARALLEL_WRITES = 8;

/** Writes in progress (and whether each has begun its swap), so an interrupt handler can wait for them. */
const inFlight = new Map<Promise<void>, { swapped: boolean }>();
let abandoned = false;

function stopIfAbandoned(): void {
  if (abandoned) throw new OutputError("interrupted while writing: the previous outputs are left as they were");
}

/**
 * For an interrupt handler: makes writes in progress stop before their next file (a swap already begun is
 * finished), then waits until each has removed its staging folder. What remains is the previous outputs,
 * or the complete new ones, never a mixture. Resolves to "kept" when the previous outputs are what remains,
 * "replaced" when a write had already begun its swap. Never rejects.
 */
export async function abandonOutputWrites(): Promise<"kept" | "replaced"> {
  abandoned = true;
  const writes = [...inFlight];
  await Promise.all(writes.map(([w]) => w.catch(() => undefined)));
  abandoned = false; // every write has stopped; a later one (in a process that goes on) may run
  return writes.some(([, state]) => state.swapped) ? "replaced" : "kept";
}

/** Flushes a folder's entries (new files, renames) to disk; a no-op where folders cannot be opened (Windows). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // some file systems refuse fsync on a folder; the rename is still atomic
  } finally {
    await handle.close();
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
