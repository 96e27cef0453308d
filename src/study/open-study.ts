import { availableParallelism } from "node:os";
import path from "node:path";
import type { ReaderContext } from "../ingest/dataset.js";
import { WORKER_THREADS_AVAILABLE } from "./measure-in-workers.js";
import { scanInThreads, scanTablesInThreads } from "./scan-in-threads.js";
import { UsageError } from "../errors.js";
import type { Dataset } from "../ingest/dataset.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { openDataset } from "../ingest/open-dataset.js";
import { makeStudyPlan, type StudyPlan } from "../model/index.js";
import { ProblemList, type InputFormat, type StudyConfig } from "../model/index.js";
import { pathKind } from "../path-kind.js";

/** How a command names its study: the input argument and the options every reading command shares. */
export interface OpenStudyOptions {
  /** The data, or a study folder whose netsp.config.json names the data; default: the config's `data`. */
  input?: string;
  configPath?: string;
  protocol?: string;
  inputFormat?: InputFormat;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** Keep interviews that were not completed (`--include-unfinished`); measureDataset leaves them out by default. */
  includeUnfinished?: boolean;
  cwd?: string;
  /** `--jobs`: worker threads the opening may use too (a large GraphML input's scan); default: one per core. */
  jobs?: number;
}

export interface OpenedStudy {
  config: StudyConfig;
  /** The config file, when there is one. */
  configPath?: string;
  /** The data read (absolute). */
  dataPath: string;
  dataset: Dataset;
  plan: StudyPlan;
  /** Where the dataset's problems go as it streams. */
  problems: ProblemList;
  /** As OpenStudyOptions says, for measureDataset. */
  includeUnfinished: boolean;
}

/**
 * Finds the config and the data and opens them, the same way for every command: the config beside the data
 * (or --config, or the current folder's with no input); a study folder's config names the data inside it;
 * --input-format, --protocol and --ego-id override the config.
 */
export async function openStudy(options: OpenStudyOptions): Promise<OpenedStudy> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadStudyConfig({ input: options.input, configPath: options.configPath, cwd });
  const dataPath = await resolveDataPath(options.input, loaded.dataPath, cwd);
  const config: StudyConfig = options.inputFormat ? { ...loaded.config, format: options.inputFormat } : loaded.config;
  const problems = new ProblemList();
  const dataset = await openDataset(dataPath, {
    config,
    protocol: options.protocol ?? loaded.protocolPath,
    egoIdField: options.egoId ?? config.egoId ?? "caseId",
    problems,
    ...openingPools(options.jobs),
  });
  return {
    config,
    configPath: loaded.path,
    dataPath,
    dataset,
    plan: makeStudyPlan(dataset.codebook, config),
    problems,
    includeUnfinished: options.includeUnfinished === true,
  };
}

/** Threads for the opening scans: `--jobs`, else one per core; none where worker threads cannot run. */
function openingPools(jobs: number | undefined): Pick<ReaderContext, "graphmlScanPool" | "tableScanPool"> {
  const count = jobs ?? availableParallelism();
  return WORKER_THREADS_AVAILABLE && count > 1 ? { graphmlScanPool: scanInThreads(count), tableScanPool: scanTablesInThreads() } : {};
}

/** The data: the input; a study folder's configured data; or, with no input, the current config's data. */
async function resolveDataPath(input: string | undefined, configData: string | undefined, cwd: string): Promise<string> {
  if (input === undefined) {
    if (configData === undefined) {
      throw new UsageError('no input given, and no netsp.config.json with a "data" entry in the current folder: name the data as the first argument');
    }
    return configData;
  }
  const absolute = path.resolve(cwd, input);
  if (configData !== undefined && (await pathKind(absolute)) === "directory") return configData;
  return absolute;
}
