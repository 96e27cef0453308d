import { lstat, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Stats } from "node:fs";
import { UsageError } from "./errors.js";
import { mapConcurrently } from "./map-concurrently.js";

/** What an output is: one file (replaced by a rename) or a folder (replaced, or written into, whole). */
export type OutputKind = "file" | "folder";

export interface ProtectedOutputOptions {
  /** A file (default) or a folder; a folder may not hold an input either, since it is replaced whole. */
  kind?: OutputKind;
  /** The option that named the output, for the message (default `--out`). */
  option?: string;
}

/**
 * Refuses, with a UsageError (exit 2), an output that would replace or write into what the command read.
 * Every command that writes calls it once its inputs are known and before it writes anything; `inputs` are
 * the paths it read, files or folders (undefined and missing ones are skipped):
 *
 * - an input file, the config, the protocol, a key file: refused when the output is that file, a symbolic
 *   link to it or a hard link to it (the same device and inode);
 * - an input folder (an export, a study folder): refused when the output is inside it, by real path and by
 *   the device and inode of each folder above the output (so a link or a second mount of the folder counts);
 * - with `kind: "folder"`, an output folder that holds an input, by real path and by device and inode.
 *
 * Any other existing file may be replaced (the writers do it atomically: a temporary file, then a rename).
 *
 * Example (a new command's `--write-config <file>`, once it has opened the study):
 *   await refuseProtectedOutput(file, [input, opened.dataPath, opened.configPath, ...opened.dataset.files], { option: "--write-config" });
 */
export async function refuseProtectedOutput(
  out: string,
  inputs: Iterable<string | undefined>,
  options: ProtectedOutputOptions = {},
): Promise<void> {
  const option = options.option ?? "--out";
  const noun = options.kind === "folder" ? "folder" : "file";
  const target = await describeOutput(out);
  const read = await describeInputs(inputs);
  // Files first, so that a link to a file inside an input folder is named as the link it is.
  for (const input of read) {
    if (!input.info.isDirectory() && target.info !== null && sameFile(target.info, input.info)) {
      throw new UsageError(
        `refusing to write over the input ${shown(input.given)}: ${option} ${out} is ${await howSame(out, target.real, input.real)}. ` +
          `netsp never replaces a file it reads: give ${option} another ${noun}`,
      );
    }
  }
  for (const input of read) {
    if (input.info.isDirectory() && (isInside(target.real, input.real) || target.above.some((a) => sameFile(a, input.info)))) {
      throw new UsageError(`refusing to write into the input folder (${shown(input.given)}): give ${option} a ${noun} outside the data`);
    }
  }
  if (options.kind !== "folder" || !target.info?.isDirectory()) return;
  // The folders the inputs are in, each looked at once (an export's files share a few folders).
  const folders = new Map<string, string>();
  for (const input of read) {
    const folder = input.info.isDirectory() ? input.real : path.dirname(input.real);
    if (!folders.has(folder)) folders.set(folder, input.given);
  }
  const seen = new Map<string, Stats | null>();
  for (const [folder, given] of folders) {
    if (isInside(folder, target.real) || (await foldersAbove(folder, seen)).some((a) => sameFile(a, target.info!))) {
      throw new UsageError(`refusing to use ${out} as output: it contains the input ${shown(given)}, which would be replaced`);
    }
  }
}

interface DescribedPath {
  /** The path as given (for messages). */
  given: string;
  /** Absolute, with symbolic links resolved as far as the path exists. */
  real: string;
  info: Stats;
}

/** The output: its real path, what is there now (null when nothing), and every existing folder above it. */
async function describeOutput(out: string): Promise<{ real: string; info: Stats | null; above: Stats[] }> {
  const real = await canonical(out);
  const info = await stat(real).catch(() => null);
  return { real, info, above: await foldersAbove(real) };
}

/** Paths read at once: an export may hold tens of thousands of files. */
const PARALLEL_STATS = 64;

async function describeInputs(inputs: Iterable<string | undefined>): Promise<DescribedPath[]> {
  const given = [...new Set([...inputs].filter((p): p is string => p !== undefined && p !== ""))];
  const described = await mapConcurrently(given, PARALLEL_STATS, async (p): Promise<DescribedPath | null> => {
    try {
      const absolute = path.resolve(p);
      return { given: p, real: await realpath(absolute), info: await stat(absolute) };
    } catch {
      return null; // nothing there: nothing to protect
    }
  });
  return described.filter((d): d is DescribedPath => d !== null);
}

/** Each existing folder from `p` (itself included, when it exists) up to the root; `seen` caches what was looked at. */
async function foldersAbove(p: string, seen = new Map<string, Stats | null>()): Promise<Stats[]> {
  const found: Stats[] = [];
  for (let at = p; ; at = path.dirname(at)) {
    let info = seen.get(at);
    if (info === undefined) seen.set(at, (info = await stat(at).catch(() => null)));
    if (info?.isDirectory()) found.push(info);
    if (path.dirname(at) === at) return found;
  }
}

/** How the output is the input, in words. */
async function howSame(out: string, outReal: string, inputReal: string): Promise<string> {
  if ((await lstat(path.resolve(out)).catch(() => null))?.isSymbolicLink()) return "a symbolic link to it";
  return outReal === inputReal ? "that file" : "a hard link to it (the same file under another name)";
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Absolute path with symbolic links resolved as far as the path exists. */
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

/** A path as the user should read it: relative to the current folder when inside it. */
function shown(p: string): string {
  const absolute = path.resolve(p);
  const relative = path.relative(process.cwd(), absolute);
  return relative === "" ? "." : isInside(absolute, process.cwd()) ? relative : absolute;
}
