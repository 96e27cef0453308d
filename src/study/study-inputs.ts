import path from "node:path";
import type { StudyConfig } from "../model/index.js";

/** What an opened study says it read (openStudy's and analyseStudy's results both fit). */
export interface ReadStudy {
  dataPath: string;
  configPath?: string;
  config: StudyConfig;
  dataset: { files: readonly string[] };
}

/**
 * Every path a command that opened a study has read, for refuseProtectedOutput: the input as given (a study
 * folder, an export folder or a file), the data it names, the config, the protocol (--protocol or the
 * config's), every data file, and a pseudonymisation key file.
 */
export function studyInputs(
  input: string | undefined,
  study: ReadStudy,
  options: { protocol?: string; pseudonymiseKey?: string },
  cwd = process.cwd(),
): string[] {
  const configProtocol =
    study.configPath !== undefined && study.config.protocol !== undefined ? path.resolve(path.dirname(study.configPath), study.config.protocol) : undefined;
  return [input, study.dataPath, study.configPath, options.protocol, configProtocol, options.pseudonymiseKey, ...study.dataset.files]
    .filter((p): p is string => p !== undefined)
    .map((p) => path.resolve(cwd, p));
}
