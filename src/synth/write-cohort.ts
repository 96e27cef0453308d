import { writeFileSync } from "node:fs";
import path from "node:path";
import { OutputError } from "../errors.js";
import type { StudyConfig } from "../model/index.js";
import { cohortConfig, cohortExportedAt, cohortInterviews, cohortProtocol, type CohortOptions } from "./cohort-generator.js";
import { THREE_FILE_COLUMNS, ThreeFileWriter } from "./write-three-file.js";
import type { SynthInterview } from "./synth-interview.js";
import { writeSyntheticStudy, type ExportFormat, type SyntheticStudySummary } from "./write-synthetic-study.js";

/** A cohort is written as a Network Canvas export (CSV or GraphML, per session or merged) or as the three tables. */
export type CohortFormat = ExportFormat | "three-file";

export interface WriteCohortOptions extends CohortOptions {
  out: string;
  format: CohortFormat;
  /** Called after each interview with the number written so far. */
  onProgress?: (written: number) => void;
}

/** The file name of the study configuration written beside the data. */
export const COHORT_CONFIG_FILE = "netsp.config.json";

/**
 * Writes a synthetic cohort (cohortInterviews) into `out`, streaming one interview at a time, with a
 * netsp.config.json beside it: the exclusion rule for link-worker colleagues, sector's categories and,
 * for the three tables, the names of the type columns. Network Canvas formats also get the protocol.
 * The same options give the same bytes.
 *
 * Example: writeCohort({egos: 1000, alters: 60, density: 0.1, types: 3, seed: 1, out: "c", format: "merged"}).
 */
export function writeCohort(options: WriteCohortOptions): SyntheticStudySummary {
  const interviews = counted(cohortInterviews(options), options.onProgress);
  let summary: SyntheticStudySummary;
  const config: StudyConfig = cohortConfig();
  if (options.format === "three-file") {
    const protocol = cohortProtocol(options.types);
    const writer = new ThreeFileWriter(options.out, protocol.codebook);
    let count = 0;
    try {
      for (const interview of interviews) {
        writer.write(interview);
        count++;
      }
    } finally {
      writer.close();
    }
    summary = { interviews: count, files: writer.close() };
    config.format = "three-file";
    config.columns = { nodeType: THREE_FILE_COLUMNS.nodeType, edgeType: THREE_FILE_COLUMNS.edgeType };
  } else {
    summary = writeSyntheticStudy(interviews, {
      out: options.out,
      layout: options.format,
      protocol: cohortProtocol(options.types),
      exportedAt: cohortExportedAt(options.seed),
    });
  }
  const file = path.join(options.out, COHORT_CONFIG_FILE);
  try {
    writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
  } catch (e) {
    throw new OutputError(`cannot write ${file}: ${(e as Error).message}`);
  }
  return { interviews: summary.interviews, files: [...summary.files, COHORT_CONFIG_FILE] };
}

function* counted(interviews: Iterable<SynthInterview>, onProgress: ((n: number) => void) | undefined): Generator<SynthInterview> {
  let n = 0;
  for (const interview of interviews) {
    yield interview;
    onProgress?.(++n);
  }
}
