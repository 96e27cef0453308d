import path from "node:path";
import type { Problem } from "../model/index.js";
import type { StudyCounts } from "./measure-ego-rows.js";
import { openStudy, type OpenedStudy, type OpenStudyOptions } from "./open-study.js";
import { unfinishedOutcome, unfinishedWarning, type UnfinishedInterview } from "./unfinished-interviews.js";

export interface ValidateStudyOptions extends OpenStudyOptions {
  /** Called after each interview read, with the number read so far. */
  onProgress?: (egos: number) => void;
}

/** A study read through without measuring: what it holds and every problem met, in the order met. */
export interface StudyValidation {
  opened: OpenedStudy;
  counts: StudyCounts;
  /** Errors and warnings, in reading order; a note on unfinished interviews comes last. */
  problems: Problem[];
}

/**
 * Reads every interview of a study, opened as every command opens it, and counts egos, alters and ties (by
 * type, sorted) and unfinished interviews. Nothing is measured; the reader's checks are the validation.
 */
export async function validateStudy(options: ValidateStudyOptions): Promise<StudyValidation> {
  const opened = await openStudy(options);
  const counts: StudyCounts = { egos: 0, alters: 0, ties: 0, nodeTypes: {}, edgeTypes: {} };
  const unfinished: UnfinishedInterview[] = [];
  for await (const network of opened.dataset.egos()) {
    counts.egos++;
    const outcome = unfinishedOutcome(network.ego.meta);
    if (outcome !== null) unfinished.push({ egoId: network.ego.egoId, outcome, alters: network.alters.length });
    for (const alter of network.alters) {
      counts.alters++;
      counts.nodeTypes[alter.nodeType] = (counts.nodeTypes[alter.nodeType] ?? 0) + 1;
    }
    for (const tie of network.ties) {
      counts.ties++;
      counts.edgeTypes[tie.edgeType] = (counts.edgeTypes[tie.edgeType] ?? 0) + 1;
    }
    options.onProgress?.(counts.egos);
  }
  const problems = [...opened.problems.problems];
  const note = unfinishedWarning(unfinished, opened.includeUnfinished);
  if (note !== null) problems.push({ severity: "warning", code: "unfinished-interviews", file: path.relative(options.cwd ?? process.cwd(), opened.dataPath) || ".", message: note });
  counts.nodeTypes = sortKeys(counts.nodeTypes);
  counts.edgeTypes = sortKeys(counts.edgeTypes);
  return { opened, counts, problems };
}

function sortKeys(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
