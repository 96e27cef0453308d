import path from "node:path";
import type { SynthInterview } from "./synth-interview.js";
import { NetworkCanvasCsvWriter, type ExportLayout } from "./write-network-canvas-csv.js";
import { NetworkCanvasGraphmlWriter } from "./write-network-canvas-graphml.js";
import { writeProtocol, type ProtocolDefinition } from "./write-protocol.js";

/** A Network Canvas export: CSV files per session or merged, or GraphML per session or merged. */
export type ExportFormat = ExportLayout | "graphml" | "merged-graphml";

export interface SyntheticStudyOptions {
  /** Folder to write into. */
  out: string;
  layout: ExportFormat;
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
 * Writes a synthetic study as a Network Canvas export: `<protocol name>.netcanvas` and the CSV or GraphML
 * files of every interview, taking the interviews one at a time from any iterable (a generator keeps
 * memory flat).
 *
 * Example: writeSyntheticStudy(thesisInterviews(targets, seed), {out, layout: "per-session", ...}).
 */
export function writeSyntheticStudy(interviews: Iterable<SynthInterview>, options: SyntheticStudyOptions): SyntheticStudySummary {
  const graphml = options.layout === "graphml" || options.layout === "merged-graphml";
  const settings = {
    dir: options.out,
    codebook: options.protocol.codebook,
    protocolName: options.protocol.name,
    exportedAt: options.exportedAt,
    layout: options.layout === "merged" || options.layout === "merged-graphml" ? ("merged" as const) : ("per-session" as const),
  };
  const writer = graphml ? new NetworkCanvasGraphmlWriter(settings) : new NetworkCanvasCsvWriter(settings);
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
      if (writer instanceof NetworkCanvasGraphmlWriter) writer.abandon();
      else writer.close();
    } catch {
      // the first failure is the one to report
    }
    throw e;
  }
  return { interviews: count, files: [protocolFile, ...writer.close()] };
}
