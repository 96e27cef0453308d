import path from "node:path";
import type { SynthInterview } from "./synth-interview.js";
import { NetworkCanvasCsvWriter, type ExportLayout } from "./write-network-canvas-csv.js";
import { writeProtocol, type ProtocolDefinition } from "./write-protocol.js";

export interface SyntheticStudyOptions {
  /** Folder to write into. */
  out: string;
  layout: ExportLayout;
  protocol: ProtocolDefinition;
  /** `sessionExported` of every interview (ISO timestamp). */
  exportedAt: string;
}

/** What was written: interviews, and file names relative to `out` in the order they were created. */
export interface SyntheticStudySummary {
  interviews: number;
  files: string[];
}

/**
 * Writes a synthetic study as a Network Canvas export: `<protocol name>.netcanvas` and the CSV files of
 * every interview, taking the interviews one at a time from any iterable (a generator keeps memory flat).
 *
 * Example: writeSyntheticStudy(thesisInterviews(targets, seed), {out, layout: "per-session", ...}).
 */
export function writeSyntheticStudy(interviews: Iterable<SynthInterview>, options: SyntheticStudyOptions): SyntheticStudySummary {
  const writer = new NetworkCanvasCsvWriter({
    dir: options.out,
    codebook: options.protocol.codebook,
    protocolName: options.protocol.name,
    exportedAt: options.exportedAt,
    layout: options.layout,
  });
  const protocolFile = `${options.protocol.name}.netcanvas`;
  writeProtocol(path.join(options.out, protocolFile), options.protocol);
  let count = 0;
  try {
    for (const interview of interviews) {
      writer.write(interview);
      count++;
    }
  } catch (e) {
    try {
      writer.close();
    } catch {
      // the first failure is the one to report
    }
    throw e;
  }
  return { interviews: count, files: [protocolFile, ...writer.close()] };
}
