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
 * Lists an input: a folder (recursively), a zip (read in memory; entries whose names could escape a folder
 * are ignored with a warning and never written anywhere), or a single file (with its siblings, so a reader
 * can find the rest of that export). Throws InputError when the path does not exist.
 */
export async function listInput(input: string, problems: ProblemSink, options: ListOptions): Promise<InputListing> {
  const path = resolve(input);
  const info = await statOrThrow(path, input);
  if (!info.isDirectory() && !info.isFile()) throw new InputError(`${input} is neither a file nor a folder`);
  if (info.isDirectory()) {
    const files = await walk(path, path, options.keep);
    return { kind: "folder", input: path, files: sortFiles(files) };
  }
  if (/\.zip$/i.test(path)) return { kind: "zip", input: path, files: await zipFiles(path, problems, options) };
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

async function walk(root: string, dir: string, keep: (name: string) => boolean): Promise<SourceFile[]> {
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
      out.push(...(await walk(root, full, keep)));
      continue;
    }
    if (!e.isFile() && !e.isSymbolicLink()) continue; // sockets, FIFOs: never opened (they could block)
    const name = relative(root, full).split(sep).join("/");
    if (!keep(name)) continue;
    const s = await stat(full).catch(() => undefined);
    if (s?.isFile()) out.push(diskFile(name, full, s.size));
  }
  return out;
}

async function zipFiles(path: string, problems: ProblemSink, options: ListOptions): Promise<SourceFile[]> {
  const bytes = new Uint8Array(await readFile(path));
  const shown = basename(path);
  const safe = (name: string) => {
    if (name.endsWith("/") || name.split("/").some(isHidden)) return false;
    return true;
  };
  for (const entry of listZip(bytes, shown)) {
    if (!isUnsafeZipName(entry.name)) continue;
    problems.report({
      severity: "warning",
      code: "unsafe-zip-entry",
      file: shown,
      message: `zip entry ${JSON.stringify(entry.name)} points outside the archive's folder; it is ignored`,
    });
  }
  const entries = unzipEntries(
    bytes,
    shown,
    (name) => !isUnsafeZipName(name) && safe(name) && options.keep(name),
    options.zipLimits ?? DEFAULT_ZIP_LIMITS,
  );
  const files = [...entries].map(([name, data]) => memoryFile(name.replace(/\\/g, "/"), `${path}/${name}`, data));
  return sortFiles(files);
}

function isHidden(name: string): boolean {
  return name.startsWith(".") || name === "__MACOSX";
}

function sortFiles(files: SourceFile[]): SourceFile[] {
  return files.sort((a, b) => naturalCompare(a.name, b.name));
}
