import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors.js";
import type { StudyConfig } from "../model/index.js";
import { validateStudyConfig } from "./validate-config.js";
import { pathKind } from "../path-kind.js";

/** The file name netsp looks for beside the data, or in the current folder. */
export const CONFIG_FILE_NAME = "netsp.config.json";

export interface LoadedConfig {
  /** The validated configuration ({} when there is none). */
  config: StudyConfig;
  /** Absolute path of the file it came from, when there is one. */
  path?: string;
  /** The data the config's `data` key names, resolved against the config's folder. */
  dataPath?: string;
  /** The protocol the config's `protocol` key names, resolved against the config's folder. */
  protocolPath?: string;
}

/**
 * Finds and loads the study configuration: `configPath` when given; else `netsp.config.json` in the input
 * folder (or beside an input file); else, with no input at all, the one in the current folder. Reports every
 * bad key at once as a UsageError.
 */
export async function loadStudyConfig(options: { input?: string; configPath?: string; cwd?: string }): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  let file: string | undefined;
  if (options.configPath !== undefined) {
    file = path.resolve(cwd, options.configPath);
    if (!((await pathKind(file)) === "file")) throw new UsageError(`config file not found: ${options.configPath}`);
  } else if (options.input !== undefined) {
    const input = path.resolve(cwd, options.input);
    const folder = ((await pathKind(input)) === "directory") ? input : path.dirname(input);
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if ((await pathKind(candidate)) === "file") file = candidate;
  } else {
    const candidate = path.join(cwd, CONFIG_FILE_NAME);
    if ((await pathKind(candidate)) === "file") file = candidate;
  }
  if (file === undefined) return { config: {} };

  const text = await readFile(file, "utf8");
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${displayPath(file, cwd)}: not valid JSON (${(e as Error).message})`);
  }
  const problems = validateStudyConfig(raw);
  if (problems.length > 0) {
    const where = displayPath(file, cwd);
    throw new UsageError(
      `${where}: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the configuration:\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
  }
  const config = raw as StudyConfig;
  const folder = path.dirname(file);
  return {
    config,
    path: file,
    dataPath: config.data !== undefined ? path.resolve(folder, config.data) : undefined,
    protocolPath: config.protocol !== undefined ? path.resolve(folder, config.protocol) : undefined,
  };
}


function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith("..") ? file : relative;
}
