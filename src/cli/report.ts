import { Command, InvalidArgumentError, Option } from "commander";
import { UsageError } from "../errors.js";
import { analyseStudy, DataErrorWithProblems, type StudyAnalysis } from "../study/analyse-study.js";
import { DEFAULT_MAX_SOCIOGRAMS } from "../report/default-max-sociograms.js";
import { relativePath } from "../study/run-record.js";
import { VERSION } from "../version.js";
import { info, stopOnDataErrors } from "./messages.js";
import { refuseProtectedOutput } from "../protected-paths.js";
import { writeOutput } from "./output.js";
import { studyInputs } from "../study/study-inputs.js";
import { Progress } from "./progress.js";
import { pseudonymiserFor } from "./pseudonymise-key.js";
import type { Pseudonymiser } from "../study/pseudonymise.js";
import { addStudyOptions, type StudyCliOptions, sharedOptions, splitList, studySource } from "./shared-options.js";

/** Options that shape sociograms, shared by `netsp report` and `netsp plot` (defined once, here). */
export interface SociogramCliOptions {
  colourBy?: string;
  /** `true` for the flag alone (the `name` variable), or the variable named. */
  showNames?: string | boolean;
  layout: "force" | "canvas";
  seed: number;
}

/** The sociogram options, each a fresh commander Option. */
export const sociogramOptions = {
  colourBy: () =>
    new Option("--colour-by <variable>", 'colour nodes by k-core shell ("core", the default) or by a categorical, ordinal or boolean alter variable'),
  showNames: () =>
    new Option("--show-names [variable]", "label alters by name (the variable `name`, or the one given) instead of pseudonymous ids A1…An"),
  layout: () =>
    new Option("--layout <kind>", "ForceAtlas2 (force), or the positions drawn in Network Canvas (canvas)").choices(["force", "canvas"]).default("force"),
  seed: () => new Option("--seed <n>", "seed of the ForceAtlas2 layout").default(1).argParser(parseCount("--seed", 0)),
};

/** The variable --show-names names, or undefined when names stay hidden. */
export function showNamesVariable(value: string | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  return value === true ? "name" : value;
}

interface ReportCliOptions extends SociogramCliOptions, StudyCliOptions {
  out: string;
  maxSociograms: number;
  egos?: string;
  keepGoing?: boolean;
  quiet?: boolean;
}

/** `netsp report`: the study as one self-contained HTML file (tables, charts, sociograms). */
export function reportCommand(): Command {
  return addStudyOptions(
    new Command("report")
      .description("the whole study as one self-contained HTML file: summary, tables, charts by group and a sociogram per ego")
      .argument("[input]", "export folder, zip or file, or a study folder whose netsp.config.json names the data (default: the config here)")
      .addOption(new Option("-o, --out <file>", 'the HTML file to write ("-" for stdout)').default("report.html"))
      .addOption(sociogramOptions.colourBy())
      .addOption(sociogramOptions.showNames())
      .addOption(sociogramOptions.layout())
      .addOption(sociogramOptions.seed())
      .addOption(
        new Option("--max-sociograms <n>", "draw at most this many sociograms")
          .default(DEFAULT_MAX_SOCIOGRAMS)
          .argParser(parseCount("--max-sociograms", 0)),
      )
      .addOption(new Option("--egos <ids>", "draw the sociograms of these egos only, in this order (comma-separated)"))
      .addOption(new Option("--keep-going", "leave out egos whose data have errors instead of stopping")),
    { pseudonymise: true },
  )
    .addOption(sharedOptions.quiet())
    .addHelpText(
      "after",
      `
Examples:
  $ netsp report fixtures/thesis --out thesis.html            every table, charts and 21 sociograms
  $ netsp report ./export --egos LW03,LW10 --colour-by sector  two egos' sociograms, coloured by sector
  $ netsp analyse ./export --out results --report              the same page as results/report.html

The page needs no server and makes no network requests: styles and SVG are inline, and there is no script.
Alters are labelled A1…An (export order within each ego); names appear only with --show-names. Text
variables never appear. Sociograms are capped at --max-sociograms (default ${DEFAULT_MAX_SOCIOGRAMS}); the page says how many were left out.`,
    )
    .action(async (input: string | undefined, options: ReportCliOptions) => {
      const pseudonymiser = await pseudonymiserFor(options);
      const analysis = await analyseForReport(input, options, pseudonymiser);
      if (options.out !== "-") await refuseProtectedOutput(options.out, studyInputs(input, analysis, options));
      const egoIdOf = pseudonymiser ? (id: string) => pseudonymiser.id(id) : undefined;
      const html = await reportHtmlFor(analysis, { ...options, egoIdOf });
      await writeOutput(html, options.out === "-" ? undefined : options.out);
    });
}

/**
 * The report of an analysis already made (also what `netsp analyse --report` writes): paths shown relative
 * to the current folder, the sociogram options as given.
 */
export async function reportHtmlFor(
  analysis: StudyAnalysis,
  options: Partial<SociogramCliOptions> & {
    maxSociograms?: number;
    egos?: string;
    protocol?: string;
    egoId?: "caseId" | "sessionId" | "egoUUID";
    /** When the analysis pseudonymised ego ids: the same mapping, for the sociograms. */
    egoIdOf?: (egoId: string) => string;
  },
): Promise<string> {
  const cwd = process.cwd();
  // Loaded when a report is asked for: the charts and layouts are a good part of start-up otherwise.
  const [{ prepareStudyReport }, { studyReportHtml }] = await Promise.all([
    import("../study/prepare-study-report.js"),
    import("../report/html-study-report.js"),
  ]);
  const input = prepareStudyReport(analysis, {
    colourBy: options.colourBy,
    showNames: showNamesVariable(options.showNames),
    layout: options.layout,
    seed: options.seed,
    maxSociograms: options.maxSociograms,
    // --egos names egos by their real ids; with --pseudonymise the analysis knows them by their pseudonyms.
    egos: splitList(options.egos)?.map((id) => (options.egoIdOf ? options.egoIdOf(id) : id)),
    protocol: options.protocol,
    egoId: options.egoId,
    egoIdOf: options.egoIdOf,
  });
  return studyReportHtml(input, {
    inputLabel: relativePath(analysis.dataPath, cwd),
    configLabel: analysis.configPath !== undefined ? relativePath(analysis.configPath, cwd) : undefined,
    version: VERSION,
  });
}

async function analyseForReport(
  input: string | undefined,
  options: ReportCliOptions,
  pseudonymiser: Pseudonymiser | undefined,
): Promise<StudyAnalysis> {
  const progress = new Progress("measuring");
  try {
    const analysis = await analyseStudy({
      input,
      ...studySource(options),
      keepGoing: options.keepGoing,
      pseudonymiser,
      alterLevel: false,
      onProgress: options.quiet ? undefined : (n) => progress.update(n),
    });
    progress.done();
    if (!options.quiet) info(`Read ${analysis.counts.egos} ego${analysis.counts.egos === 1 ? "" : "s"}; drawing the report`);
    return analysis;
  } catch (e) {
    progress.done();
    if (e instanceof DataErrorWithProblems) {
      stopOnDataErrors(
        e.errors,
        `${e.errors.length} error${e.errors.length === 1 ? "" : "s"} in the data; no report written. ` +
          "Run `netsp validate` for the full report, fix the data, or use --keep-going to leave those egos out",
      );
    }
    throw e;
  }
}

/** A commander parser for a whole number ≥ min. */
export function parseCount(name: string, min: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} takes a whole number${min > 0 ? ` of at least ${min}` : ""}.`);
    }
    return n;
  };
}
