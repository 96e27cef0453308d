import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import type { ProblemSink } from "../model/index.js";
import { DEFAULT_ZIP_LIMITS, isUnsafeZipName, listZip, unzipEntries, type ZipLimits } from "./read-zip.js";
import { diskFile, memoryFile, naturalCompare, type SourceFile } from "./source-file.js";

/** The files of an input, whatever its form. */
export interface InputListing {
  kind: "folder" | "zip" | "file";
  /** Absolute path of the input. */
  input: string;
  /** Every file (regular files only; hidden files and `__MACOSX` skipped), in natural order of `name`. */
  files: SourceFile[];
}

export interface ListOptions {
  /** Which files to keep (by name relative to the input); zip entries not kept are never decompressed. */
  keep: (name: string) => boolean;
  zipLimits?: ZipLimits;
}

/**
 * Lists an input: a folder (recursively, with the entries of every zip in it), a zip (read in memory;
 * entries whose names could escape a folder are ignored with a warning and never written anywhere), or a
 * single file (with its siblings, so a reader can find the rest of that export). Throws InputError when the
 * path does not exist.
 */
export async function listInput(input: string, problems: ProblemSink, options: ListOptions): Promise<InputListing> {
  const path = resolve(input);
  const info = await statOrThrow(path, input);
  if (!info.isDirectory() && !info.isFile()) throw new InputError(`${input} is neither a file nor a folder`);
  if (info.isDirectory()) {
    const zips: Array<{ name: string; path: string }> = [];
    const files = await walk(path, path, options.keep, zips);
    // Each download kept as its own zip beside the others (and beside unzipped exports): one study. Their
    // entries are named `<zip>/<entry>`, so each zip's exports stay apart and every message names the zip.
    const budget = { left: (options.zipLimits ?? DEFAULT_ZIP_LIMITS).maxTotalBytes };
    for (const zip of zips) files.push(...(await zipFiles(zip.path, zip.name, problems, options, budget)));
    return { kind: "folder", input: path, files: sortFiles(files) };
  }
  if (/\.zip$/i.test(path)) return { kind: "zip", input: path, files: await zipFiles(path, undefined, problems, options) };
  // A single file: list its folder (not recursively) so the reader can pick the siblings it needs.
  const dir = dirname(path);
  const entries = await readdir(dir, { withFileTypes: true });
  const files: SourceFile[] = [];
  for (const e of entries) {
    if (isHidden(e.name) || !options.keep(e.name)) continue;
    const full = join(dir, e.name);
    const s = await stat(full).catch(() => undefined);
    if (s?.isFile()) files.push(diskFile(e.name, full, s.size));
  }
  return { kind: "file", input: path, files: sortFiles(files) };
}

/** Kind of a path, or an InputError that says what is wrong. */
export async function statOrThrow(path: string, shown: string) {
  try {
    return await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      throw new InputError(`no such file or folder: ${shown}`);
    }
    throw new InputError(`cannot read ${shown} (${code ?? String(e)})`);
  }
}

/** The files of a folder, recursively; zips are not listed but added to `zips` (name relative to `root`). */
async function walk(root: string, dir: string, keep: (name: string) => boolean, zips: Array<{ name: string; path: string }>): Promise<SourceFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`cannot read the folder (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { file: dir });
  }
  const out: SourceFile[] = [];
  for (const e of entries) {
    if (isHidden(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...(await walk(root, full, keep, zips)));
      continue;
    }
    if (!e.isFile() && !e.isSymbolicLink()) continue; // sockets, FIFOs: never opened (they could block)
    const name = relative(root, full).split(sep).join("/");
    const zip = /\.zip$/i.test(name);
    if (!zip && !keep(name)) continue;
    const s = await stat(full).catch(() => undefined);
    if (s?.isFile()) {
      if (zip) zips.push({ name, path: full });
      else out.push(diskFile(name, full, s.size));
    }
  }
  return out;
}

/**
 * The entries of a zip `options.keep` selects, in memory. `inFolder`: the zip's name relative to a folder
 * input, which then prefixes every entry name (and `budget` is what the folder's zips may still unpack to
 * together: the zip limits bound memory, and every zip of a folder is held at once).
 */
async function zipFiles(
  path: string,
  inFolder: string | undefined,
  problems: ProblemSink,
  options: ListOptions,
  budget?: { left: number },
): Promise<SourceFile[]> {
  const bytes = new Uint8Array(await readFile(path));
  const shown = inFolder ?? basename(path);
  const safe = (name: string) => {
    if (name.endsWith("/") || name.split("/").some(isHidden)) return false;
    return true;
  };
  const listed = listZip(bytes, shown);
  for (const entry of listed) {
    if (!isUnsafeZipName(entry.name)) continue;
    problems.report({
      severity: "warning",
      code: "unsafe-zip-entry",
      file: shown,
      message: `zip entry ${JSON.stringify(entry.name)} points outside the archive's folder; it is ignored`,
    });
  }
  const accept = (name: string) => !isUnsafeZipName(name) && safe(name) && options.keep(name);
  const limits = options.zipLimits ?? DEFAULT_ZIP_LIMITS;
  if (budget) {
    const size = listed.filter((e) => accept(e.name)).reduce((sum, e) => sum + e.size, 0);
    if (size > budget.left) {
      throw new InputError(
        `with this zip, the zips of the folder would unpack to more than ${limits.maxTotalBytes} bytes together; unzip them and pass the folder instead`,
        { file: shown },
      );
    }
    budget.left -= size;
  }
  const entries = unzipEntries(bytes, shown, accept, limits);
  const prefix = inFolder === undefined ? "" : `${inFolder}/`;
  const files = [...entries].map(([name, data]) => {
    const file = memoryFile(prefix + name.replace(/\\/g, "/"), `${path}/${name}`, data);
    return inFolder === undefined ? file : { ...file, archive: path };
  });
  return sortFiles(files);
}

function isHidden(name: string): boolean {
  return name.startsWith(".") || name === "__MACOSX";
}

function sortFiles(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => naturalCompare(a.name, b.name));
}
