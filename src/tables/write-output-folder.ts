import { randomBytes } from "node:crypto";
import { mkdir, readdir, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";

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
    const inputFolder = (await isDirectory(inputPath)) ? inputPath : path.dirname(inputPath);
    if (isInside(out, inputFolder)) {
      throw new UsageError(`refusing to write into the input folder (${input}): choose an --out folder outside the data`);
    }
    if (isInside(inputPath, out)) {
      throw new UsageError(`refusing to use ${outDir} as output: it contains the input ${input}, which would be replaced`);
    }
  }
  if (!(await exists(out))) return;
  if (!(await isDirectory(out))) throw new UsageError(`--out ${outDir} exists and is not a folder`);
  const entries = await readdir(out);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || options.force) return;
  throw new UsageError(
    `--out ${outDir} already exists and was not written by netsp: use another folder, or --force to replace it`,
  );
}

/**
 * Writes every file into a fresh sibling folder, then swaps it in with renames, so an interrupted run
 * leaves the previous outputs intact and never a half-written table. Call checkOutputFolder first.
 */
export async function writeOutputFolder(outDir: string, files: Map<string, string | Uint8Array>): Promise<void> {
  const out = path.resolve(outDir);
  const parent = path.dirname(out);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(parent, `.${path.basename(out)}.netsp-new-${tag}`);
  const retired = path.join(parent, `.${path.basename(out)}.netsp-old-${tag}`);
  activeStaging.add(staging);
  try {
    await mkdir(staging);
    await writeFile(path.join(staging, OUTPUT_MARKER), "This folder was written by netsp; a later run may replace it.\n");
    for (const [name, content] of files) {
      const target = path.join(staging, name);
      if (!isInside(target, staging)) throw new Error(`bug: output name escapes the folder: ${name}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    // The swap is two renames; an interrupt waits for it (see abandonOutputWrites).
    swapping = (async () => {
      if (await exists(out)) {
        await rename(out, retired);
        await rename(staging, out);
      } else {
        await rename(staging, out);
      }
    })();
    await swapping;
    swapping = undefined;
    await rm(retired, { recursive: true, force: true });
  } finally {
    activeStaging.delete(staging);
    await rm(staging, { recursive: true, force: true });
  }
}

/** Staging folders of writes in progress, so an interrupt handler can remove them. */
const activeStaging = new Set<string>();
let swapping: Promise<void> | undefined;

/**
 * For an interrupt handler: lets a swap in progress finish, then removes unfinished staging folders. The
 * previous outputs (or the complete new ones) are what remains.
 */
export async function abandonOutputWrites(): Promise<void> {
  if (swapping) await swapping.catch(() => undefined);
  await Promise.all([...activeStaging].map((dir) => rm(dir, { recursive: true, force: true })));
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

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
