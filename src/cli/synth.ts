import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { OutputError, UsageError } from "../errors.js";
import {
  DEFAULT_SEED,
  linkWorkerCodebook,
  readThesisTargets,
  thesisExportedAt,
  thesisInterviews,
  thesisProtocol,
  writeSyntheticStudy,
  type ExportLayout,
} from "../synth/index.js";
import { info } from "./messages.js";
import { sharedOptions } from "./shared-options.js";

interface SynthOptions {
  targets?: string;
  out?: string;
  seed?: string;
  format: ExportLayout;
  force?: boolean;
  quiet?: boolean;
}

/** `netsp synth`: writes a synthetic study as a genuine Network Canvas export (CSV files + protocol). */
export function synthCommand(): Command {
  return new Command("synth")
    .description("write a synthetic study as a Network Canvas export: the interviews' CSV files and the .netcanvas protocol")
    .addOption(new Option("--targets <csv>", "one row per ego with the figures each interview must reproduce (e.g. fixtures/thesis/targets.csv)"))
    .addOption(new Option("-o, --out <dir>", "folder to write the export into (must be empty, unless --force)"))
    .addOption(new Option("--seed <n>", `random seed, a whole number from 0 to 4294967295 (default ${DEFAULT_SEED})`))
    .addOption(
      new Option("-f, --format <layout>", "one set of files per interview, or one merged set")
        .choices(["per-session", "merged"])
        .default("per-session"),
    )
    .addOption(new Option("--force", "write into a folder that is not empty, first deleting the export files already in it"))
    .addOption(sharedOptions.quiet())
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Same targets and seed give the same bytes. Example:
  $ netsp synth --targets fixtures/thesis/targets.csv --out interviews`,
    )
    .action((options: SynthOptions) => runSynth(options));
}

function runSynth(options: SynthOptions): void {
  if (options.targets === undefined) throw new UsageError("netsp synth needs --targets <csv>");
  if (options.out === undefined) throw new UsageError("netsp synth needs --out <dir>");
  const seed = parseSeed(options.seed);
  const codebook = linkWorkerCodebook();
  const targets = readThesisTargets(options.targets, codebook);
  const removed = prepareFolder(options.out, options.force === true);
  const summary = writeSyntheticStudy(thesisInterviews(targets, seed), {
    out: options.out,
    layout: options.format,
    protocol: thesisProtocol(),
    exportedAt: thesisExportedAt(seed),
  });
  if (!options.quiet) {
    if (removed > 0) info(`deleted ${removed} export file${removed === 1 ? "" : "s"} already in ${options.out}`);
    info(`wrote ${summary.interviews} interviews (${summary.files.length} files, seed ${seed}) to ${options.out}`);
  }
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEED;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff) {
    throw new UsageError(`--seed: expected a whole number from 0 to 4294967295, got "${text}"`);
  }
  return n;
}

/** Files a Network Canvas export (or a previous `netsp synth`) leaves in a folder. */
const EXPORT_FILE = /(_ego\.csv|_attributeList(_[^/\\]*)?\.csv|_edgeList(_[^/\\]*)?\.csv|_adjacencyMatrix_[^/\\]*\.csv|\.graphml|\.netcanvas)$/;

/**
 * Refuses a folder that is a file, or not empty without --force. With --force, deletes the export files
 * directly inside it (so no stale interview from an earlier run is read with the new ones) and returns
 * how many; anything else in the folder is left alone.
 */
function prepareFolder(out: string, force: boolean): number {
  let entries: string[];
  try {
    if (!statSync(out).isDirectory()) throw new UsageError(`--out: ${out} is a file, not a folder`);
    entries = readdirSync(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
  if (entries.length === 0) return 0;
  if (!force) throw new UsageError(`--out: ${out} is not empty; choose an empty folder, or add --force to replace its export files`);
  let removed = 0;
  for (const name of entries) {
    const file = path.join(out, name);
    if (!EXPORT_FILE.test(name) || !statSync(file).isFile()) continue;
    try {
      rmSync(file);
    } catch (e) {
      throw new OutputError(`cannot delete ${file}: ${(e as Error).message}`);
    }
    removed++;
  }
  return removed;
}
