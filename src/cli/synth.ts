import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { OutputError, UsageError } from "../errors.js";
import { COHORT_DEFAULTS } from "../synth/cohort-defaults.js";
import { DEFAULT_SEED } from "../synth/default-seed.js";
import type { CohortFormat, ExportFormat } from "../synth/index.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { info } from "./messages.js";
import { Progress } from "./progress.js";
import { sharedOptions } from "./shared-options.js";

type Synth = typeof import("../synth/index.js");

interface SynthOptions {
  targets?: string;
  egos?: string;
  alters?: string;
  density?: string;
  types?: string;
  out?: string;
  seed?: string;
  format: CohortFormat;
  force?: boolean;
  quiet?: boolean;
}

/** `netsp synth`: writes a synthetic study as a genuine Network Canvas export (CSV or GraphML files + protocol). */
export function synthCommand(): Command {
  return new Command("synth")
    .description(
      "write a synthetic study as a Network Canvas export (the interviews' CSV files and the .netcanvas protocol): " +
        "the thesis's interviews from their published figures (--targets), or a cohort of any size (--egos)",
    )
    .addOption(new Option("--targets <csv>", "one row per ego with the figures each interview must reproduce (e.g. fixtures/thesis/targets.csv)"))
    .addOption(new Option("--egos <n>", "instead of --targets: a random cohort of n egos, with a netsp.config.json beside it"))
    .addOption(new Option("--alters <m>", `with --egos: mean alters per ego (each names m/2 to 3m/2; default ${COHORT_DEFAULTS.alters})`))
    .addOption(new Option("--density <p>", `with --egos: density of each sociogram, 0 to 1 (default ${COHORT_DEFAULTS.density})`))
    .addOption(new Option("--types <k>", `with --egos: relation (edge) types (default ${COHORT_DEFAULTS.types})`))
    .addOption(new Option("-o, --out <dir>", "folder to write the export into (must be empty, unless --force)"))
    .addOption(new Option("--seed <n>", `random seed, a whole number from 0 to 4294967295 (default ${DEFAULT_SEED})`))
    .addOption(
      new Option(
        "-f, --format <layout>",
        "CSV files per interview or one merged set, one .graphml per interview or one merged .graphml, or (with --egos) the three tables egos/alters/ties.csv",
      )
        .choices(["per-session", "merged", "graphml", "merged-graphml", "three-file"])
        .default("per-session"),
    )
    .addOption(new Option("--force", "write into a folder that is not empty, first deleting the export files already in it"))
    .addOption(sharedOptions.quiet())
    .addHelpText(
      "after",
      `
Same options and seed give the same bytes. Examples:
  $ netsp synth --targets fixtures/thesis/targets.csv --out interviews
  $ netsp synth --egos 10000 --format merged --out cohort     10,000 egos, about 60 alters each
  $ netsp synth --egos 3000 --format graphml --out graphml    3,000 egos, one .graphml file each
  $ netsp synth --egos 500 --alters 30 --density 0.2 --types 2 --format three-file --out small

A cohort (--egos) is the thesis's interview at scale: alter counts vary, each sociogram has isolates and a
dense core, ties carry one or more relation types, and link-worker colleagues (link_worker = true) are left
off the sociogram by the exclusion rule in the netsp.config.json written beside the data.`,
    )
    .action(async (options: SynthOptions) => {
      // The generators are loaded only by this command.
      await runSynth(options, await import("../synth/index.js"));
    });
}

async function runSynth(options: SynthOptions, synth: Synth): Promise<void> {
  if (options.targets !== undefined && options.egos !== undefined) throw new UsageError("give --targets or --egos, not both");
  if (options.targets === undefined && options.egos === undefined) {
    throw new UsageError("netsp synth needs --targets <csv> (the thesis's interviews) or --egos <n> (a cohort)");
  }
  if (options.out === undefined) throw new UsageError("netsp synth needs --out <dir>");
  // The folder is written into, and with --force emptied of export files: never over or around the targets.
  await refuseProtectedOutput(options.out, [options.targets], { kind: "folder" });
  const seed = parseSeed(options.seed);
  if (options.egos !== undefined) {
    runCohort(options, options.out, seed, synth);
    return;
  }
  for (const name of ["alters", "density", "types"] as const) {
    if (options[name] !== undefined) throw new UsageError(`--${name} goes with --egos, not --targets`);
  }
  if (options.format === "three-file") throw new UsageError("--format three-file goes with --egos (the thesis's interviews are a Network Canvas export)");
  const codebook = synth.linkWorkerCodebook();
  const targets = synth.readThesisTargets(options.targets!, codebook);
  const removed = prepareFolder(options.out, options.force === true);
  const summary = synth.writeSyntheticStudy(synth.thesisInterviews(targets, seed), {
    out: options.out,
    layout: options.format as ExportFormat,
    protocol: synth.thesisProtocol(),
    exportedAt: synth.thesisExportedAt(seed),
  });
  if (!options.quiet) {
    if (removed > 0) info(`deleted ${removed} export file${removed === 1 ? "" : "s"} already in ${options.out}`);
    info(`wrote ${summary.interviews} interviews (${summary.files.length} files, seed ${seed}) to ${options.out}`);
  }
}

/** `--egos`: a random cohort, written one interview at a time. */
function runCohort(options: SynthOptions, out: string, seed: number, synth: Synth): void {
  const whole = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${name}: expected a whole number, got "${text}"`);
    return Number(text.trim());
  };
  const egos = whole(options.egos, 0, "egos");
  const density = options.density === undefined ? COHORT_DEFAULTS.density : Number(options.density);
  if (options.density !== undefined && (options.density.trim() === "" || !Number.isFinite(density))) {
    throw new UsageError(`--density: expected a number from 0 to 1, got "${options.density}"`);
  }
  const cohort = {
    egos,
    alters: whole(options.alters, COHORT_DEFAULTS.alters, "alters"),
    density,
    types: whole(options.types, COHORT_DEFAULTS.types, "types"),
    seed,
  };
  synth.checkCohortOptions(cohort);
  const removed = prepareFolder(out, options.force === true);
  const progress = options.quiet ? undefined : new Progress("writing", egos);
  const summary = synth.writeCohort({ ...cohort, out, format: options.format, onProgress: (n) => progress?.update(n) });
  progress?.done();
  if (!options.quiet) {
    if (removed > 0) info(`deleted ${removed} export file${removed === 1 ? "" : "s"} already in ${out}`);
    info(
      `wrote ${summary.interviews} egos (about ${cohort.alters} alters each, density ${cohort.density}, ${cohort.types} relation type${cohort.types === 1 ? "" : "s"}; ` +
        `${summary.files.length} files, seed ${seed}) to ${out}`,
    );
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

/** Files a Network Canvas export (or a previous `netsp synth`, with an unfinished merged GraphML's `.part`) leaves in a folder. */
const EXPORT_FILE = /(_ego\.csv|_attributeList(_[^/\\]*)?\.csv|_edgeList(_[^/\\]*)?\.csv|_adjacencyMatrix_[^/\\]*\.csv|\.graphml|\.graphml\.part|\.netcanvas|^egos\.csv|^alters\.csv|^ties\.csv)$/;

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
