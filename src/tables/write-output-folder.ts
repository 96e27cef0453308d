import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, realpath, rename, rm } from "node:fs/promises";
import path from "node:path";
import { OutputError, UsageError } from "../errors.js";
import { pathKind } from "../path-kind.js";
import { mapConcurrently } from "../map-concurrently.js";
import { writeDurably } from "./write-durably.js";

/** The file that marks a folder as written by netsp, so a later run may replace it without --force. */
export const OUTPUT_MARKER = ".netsp-output";

export interface OutputFolderOptions {
  /** Replace a folder netsp did not create. */
  force?: boolean;
  /** Inputs the run read: the output may be neither inside one nor contain one. */
  inputs: string[];
}

/**
 * Refuses an output folder that would put results inside the data, or wipe the data, or overwrite a folder
 * netsp did not create (unless forced). Throws UsageError (exit 2) with the reason.
 */
export async function checkOutputFolder(outDir: string, options: OutputFolderOptions): Promise<void> {
  const out = await canonical(outDir);
  for (const input of options.inputs) {
    const inputPath = await canonical(input);
    const inputFolder = ((await pathKind(inputPath)) === "directory") ? inputPath : path.dirname(inputPath);
    if (isInside(out, inputFolder)) {
      throw new UsageError(`refusing to write into the input folder (${shown(inputFolder)}): choose an --out folder outside the data`);
    }
    if (isInside(inputPath, out)) {
      throw new UsageError(`refusing to use ${outDir} as output: it contains the input ${input}, which would be replaced`);
    }
  }
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
export async function writeOutputFolder(outDir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const state = { swapped: false };
  const write = writeStaged(outDir, files, state);
  inFlight.set(write, state);
  try {
    await write;
  } finally {
    inFlight.delete(write);
  }
}

async function writeStaged(outDir: string, files: Map<string, string | Uint8Array>, state: { swapped: boolean }): Promise<void> {
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
    if ((await pathKind(out)) !== null) {
      await rename(out, retired);
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

/** A path as the user should read it: relative to the current folder when inside it. */
function shown(p: string): string {
  const relative = path.relative(process.cwd(), p);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? p : relative;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Absolute path with symlinks resolved as far as the path exists. */
async function canonical(p: string): Promise<string> {
  const absolute = path.resolve(p);
  try {
    return await realpath(absolute);
  } catch {
    const parent = path.dirname(absolute);
    if (parent === absolute) return absolute;
    return path.join(await canonical(parent), path.basename(absolute));
  }
}
