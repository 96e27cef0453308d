import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { assignRoles, type InputFormat } from "../model/index.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import { checkConfigNames } from "./check-config-names.js";
import { exportFileName } from "./export-file-name.js";
import { statOrThrow } from "./list-input.js";
import { openGraphml } from "./read-graphml.js";
import { openNetworkCanvasCsv } from "./read-network-canvas-csv.js";
import { openThreeFile } from "./read-three-file.js";
import { listZip } from "./read-zip.js";

/**
 * Opens interview data in any supported format. The format is forced by `config.format` (the CLI's
 * `--input-format` sets it); otherwise it is detected: `.graphml` files → GraphML; a folder with the
 * three-file tables (egos.csv, alters.csv[, ties.csv], or the names in `config.columns`) → three-file;
 * Network Canvas CSV exports (`…_ego.csv`, in a folder, a zip, or given directly) → Network Canvas CSV.
 * A folder holding both Network Canvas CSV and GraphML is read as CSV, with a warning.
 * A path that does not exist or holds nothing readable is an InputError saying what was expected.
 */
export async function openDataset(input: string, ctx: ReaderContext): Promise<Dataset> {
  const dataset = await openFormat(input, ctx);
  assignRoles(dataset.codebook, ctx.config);
  checkConfigNames(dataset.codebook, ctx.config);
  return dataset;
}

async function openFormat(input: string, ctx: ReaderContext): Promise<Dataset> {
  const format = ctx.config.format ?? (await detectFormat(input, ctx));
  switch (format) {
    case "network-canvas-csv":
      return openNetworkCanvasCsv(input, ctx);
    case "graphml":
      return openGraphml(input, await withProtocolBeside(input, ctx));
    case "three-file": {
      const info = await statOrThrow(resolve(input), input);
      return openThreeFile(info.isDirectory() ? input : dirname(input), ctx);
    }
    default:
      throw new InputError(`unknown input format ${JSON.stringify(format)}`);
  }
}

/** Works out the input format from what the path holds. */
export async function detectFormat(input: string, ctx: ReaderContext): Promise<InputFormat> {
  const path = resolve(input);
  const info = await statOrThrow(path, input);
  if (!info.isDirectory() && !info.isFile()) throw new InputError(`${input} is neither a file nor a folder`);
  const names = threeFileNames(ctx);
  if (info.isDirectory()) {
    const top = new Set(await readdir(path));
    if (top.has(names.egos) && top.has(names.alters)) return "three-file";
    const found = await scanNames(path);
    if (found.ego && found.graphml) {
      ctx.problems.report({
        severity: "warning",
        code: "ignored-graphml",
        file: basename(path),
        message:
          "the folder holds both Network Canvas CSV and GraphML files; the CSV files are read (use --input-format graphml for the others)",
      });
    }
    if (found.ego) return "network-canvas-csv";
    if (found.graphml) return "graphml";
    throw nothingReadable(input);
  }
  const name = basename(path);
  if (/\.graphml$/i.test(name)) return "graphml";
  if (/\.netcanvas$/i.test(name)) {
    throw new InputError(
      `${input} is a Network Canvas protocol, not interview data: give it with --protocol, and the export as the input`,
    );
  }
  if (/\.zip$/i.test(name)) {
    const entries = listZip(new Uint8Array(await readFile(path)), name).map((e) => e.name);
    if (entries.some((e) => exportFileName(e)?.role === "ego")) return "network-canvas-csv";
    if (entries.some((e) => /\.graphml$/i.test(e))) return "graphml";
    throw new InputError(`${input} holds no Network Canvas export (no …_ego.csv or .graphml files)`);
  }
  if (/\.csv$/i.test(name)) {
    const named = exportFileName(name);
    if (named?.role === "ego") return "network-canvas-csv";
    if (named) {
      throw new InputError(
        `${input} is one file of a Network Canvas export: give its _ego.csv file, or the folder or zip holding the export`,
      );
    }
    if ([names.egos, names.alters, names.ties].includes(name)) return "three-file";
  }
  throw new InputError(
    `cannot tell what ${input} holds: give a folder, a Network Canvas export zip, an _ego.csv file or a .graphml file ` +
      "(or force the format with --input-format)",
  );
}

function threeFileNames(ctx: ReaderContext): { egos: string; alters: string; ties: string } {
  const columns = ctx.config.columns ?? {};
  return { egos: columns.egos ?? "egos.csv", alters: columns.alters ?? "alters.csv", ties: columns.ties ?? "ties.csv" };
}

function nothingReadable(input: string): InputError {
  return new InputError(
    `${input} holds no interview data: expected a Network Canvas export (…_ego.csv files, or .graphml files) ` +
      "or the three tables egos.csv, alters.csv and ties.csv",
  );
}

/**
 * Which kinds of export files a folder holds (names only, recursively; hidden folders skipped), looking
 * into the zips in it (each download kept as its own zip) only when the names on disk do not settle it.
 */
async function scanNames(dir: string): Promise<{ ego: boolean; graphml: boolean }> {
  const found = { ego: false, graphml: false };
  const zips: string[] = [];
  const note = (name: string) => {
    if (exportFileName(name)?.role === "ego") found.ego = true;
    else if (/\.graphml$/i.test(name)) found.graphml = true;
  };
  const visit = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "__MACOSX") continue;
      if (e.isDirectory()) await visit(join(d, e.name));
      else if (/\.zip$/i.test(e.name) && (e.isFile() || e.isSymbolicLink())) zips.push(join(d, e.name));
      else note(e.name);
    }
  };
  await visit(dir);
  for (const zip of zips) {
    if (found.ego && found.graphml) break;
    for (const entry of listZip(new Uint8Array(await readFile(zip)), basename(zip))) {
      if (!entry.name.split("/").some((part) => part.startsWith(".") || part === "__MACOSX")) note(entry.name);
    }
  }
  return found;
}

/** For readers without their own search: the one `.netcanvas` beside the data, when there is exactly one. */
async function withProtocolBeside(input: string, ctx: ReaderContext): Promise<ReaderContext> {
  if (ctx.protocol) return ctx;
  const path = resolve(input);
  const info = await statOrThrow(path, input);
  if (!info.isDirectory() && /\.zip$/i.test(path)) return ctx;
  const dir = info.isDirectory() ? path : dirname(path);
  const protocols = (await readdir(dir)).filter((n) => /\.netcanvas$/i.test(n));
  return protocols.length === 1 ? { ...ctx, protocol: join(dir, protocols[0]) } : ctx;
}
