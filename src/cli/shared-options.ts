import { InvalidArgumentError, Option, type Command } from "commander";
import type { InputFormat } from "../model/index.js";
import type { OpenStudyOptions } from "../study/open-study.js";

/**
 * Options shared by several commands, each defined once here so their names, help and defaults agree.
 * `--format` is always the *output* format; the input format is forced with `--input-format`.
 */
export const sharedOptions = {
  config: () => new Option("-c, --config <file>", "study configuration (default: netsp.config.json beside the data)"),
  inputFormat: () =>
    new Option("--input-format <format>", "force the input format instead of detecting it").choices([
      "network-canvas-csv",
      "graphml",
      "three-file",
    ]),
  protocol: () => new Option("--protocol <file>", "Network Canvas protocol (.netcanvas) with the codebook"),
  egoId: () =>
    new Option("--ego-id <field>", "export identifier used as the ego id").choices(["caseId", "sessionId", "egoUUID"]),
  includeUnfinished: () =>
    new Option(
      "--include-unfinished",
      "keep interviews that were not completed (outcome ineligible or terminated, or never finished); by default they are left out, with a warning",
    ),
  out: () => new Option("-o, --out <file>", "write to a file instead of stdout"),
  format: (choices: string[]) =>
    new Option("-f, --format <format>", "output format (default: a table on a terminal, csv otherwise)").choices(choices),
  measures: () => new Option("-m, --measures <ids>", "comma-separated measure ids (see `netsp measures --list`)"),
  jobs: () =>
    new Option("-j, --jobs <n>", "worker threads for per-ego work (default: one per CPU core for an export of 500 egos or more, else 1)").argParser(parseJobs),
  quiet: () => new Option("-q, --quiet", "no progress or summary on stderr"),
  pseudonymise: () =>
    new Option(
      "--pseudonymise",
      "replace ego ids by stable pseudonyms (HMAC-SHA-256 with your key, from --pseudonymise-key or NETSP_PSEUDONYMISE_KEY)",
    ),
  pseudonymiseKey: () =>
    new Option("--pseudonymise-key <file>", "file holding the pseudonymisation key (implies --pseudonymise; never put the key itself on the command line)"),
};

/** `--jobs`: a whole number from 1 to 256. */
export function parseJobs(value: string): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError("expected a whole number of threads from 1 to 256.");
  return n;
}

/** Splits `a,b, c` into ids, dropping blanks. */
export function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The parsed values of the options addStudyOptions adds (each command declares only its own besides). */
export interface StudyCliOptions {
  config?: string;
  protocol?: string;
  inputFormat?: InputFormat;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  includeUnfinished?: boolean;
  jobs?: number;
  pseudonymise?: boolean;
  pseudonymiseKey?: string;
}

/** Where the study options say the data and its description are, in the names the readers take. */
export function studySource(options: StudyCliOptions): Pick<OpenStudyOptions, "configPath" | "protocol" | "inputFormat" | "egoId" | "includeUnfinished"> {
  return {
    configPath: options.config,
    protocol: options.protocol,
    inputFormat: options.inputFormat,
    egoId: options.egoId,
    includeUnfinished: options.includeUnfinished === true,
  };
}

/**
 * Adds the options of every command that reads a study, in one order: --pseudonymise and its key file (when
 * the command can pseudonymise), --config, --protocol, --input-format, --ego-id, --include-unfinished, and
 * --jobs (when it measures in worker threads).
 */
export function addStudyOptions(command: Command, also: { jobs?: boolean; pseudonymise?: boolean } = {}): Command {
  if (also.pseudonymise) command.addOption(sharedOptions.pseudonymise()).addOption(sharedOptions.pseudonymiseKey());
  command
    .addOption(sharedOptions.config())
    .addOption(sharedOptions.protocol())
    .addOption(sharedOptions.inputFormat())
    .addOption(sharedOptions.egoId())
    .addOption(sharedOptions.includeUnfinished());
  if (also.jobs) command.addOption(sharedOptions.jobs());
  return command;
}
