import { loadStudyConfig } from "../ingest/load-config.js";
import type { Dataset } from "../ingest/dataset.js";
import { openDataset } from "../ingest/open-dataset.js";
import type { StudyPlan } from "../model/study-plan.js";
import { ProblemList, type EgoNetwork } from "../model/index.js";
import type { StudyAnalysis } from "../study/analyse-study.js";
import { buildSociogram, type Sociogram, type SociogramOptions } from "./sociogram-model.js";

/** Which egos get a sociogram: the ones named (in that order), else every ego in input order; at most `max`. */
export interface SociogramSelection {
  egos: readonly string[] | null;
  max: number;
  /** Egos never drawn (left out of the analysis for errors in their data). */
  skip?: ReadonlySet<string>;
  /**
   * How many egos could be drawn (not skipped), when known: reading then stops at the cap instead of
   * streaming the rest of a large study only to count it.
   */
  total?: number;
}

export interface DrawnSociograms<T> {
  /** What `draw` made of each chosen ego, in the order drawn. */
  drawn: Array<{ egoId: string; figure: T }>;
  /** Egos that would have had a sociogram but for the cap. */
  leftOut: number;
}

/**
 * Streams the interviews once more and draws the chosen egos' sociograms one at a time, keeping only what
 * `draw` returns (the SVG text), so memory stays that of one ego however large the study. Stops reading as
 * soon as every named ego is drawn, or the cap is reached when the total is known.
 */
export async function drawSociograms<T>(
  egos: AsyncIterable<EgoNetwork>,
  plan: StudyPlan,
  options: SociogramOptions,
  selection: SociogramSelection,
  draw: (sociogram: Sociogram, index: number) => T,
): Promise<DrawnSociograms<T>> {
  const wanted = selection.egos === null ? null : new Map(selection.egos.slice(0, selection.max).map((id, i) => [id, i]));
  const byOrder = new Map<number, { egoId: string; figure: T }>();
  const drawn: Array<{ egoId: string; figure: T }> = [];
  let eligible = 0;
  for await (const network of egos) {
    const egoId = network.ego.egoId;
    if (selection.skip?.has(egoId)) continue;
    if (wanted !== null) {
      const order = wanted.get(egoId);
      if (order === undefined || byOrder.has(order)) continue;
      byOrder.set(order, { egoId, figure: draw(buildSociogram(network, plan, options), order) });
      if (byOrder.size === wanted.size) break;
      continue;
    }
    eligible++;
    if (drawn.length < selection.max) drawn.push({ egoId, figure: draw(buildSociogram(network, plan, options), drawn.length) });
    if (drawn.length === selection.max && selection.total !== undefined) break;
  }
  if (wanted !== null) {
    const ordered = [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
    return { drawn: ordered, leftOut: Math.max(0, (selection.egos?.length ?? 0) - selection.max) };
  }
  return { drawn, leftOut: (selection.total ?? eligible) - drawn.length };
}

/**
 * Opens the study's data again, as `analyseStudy` opened it (same config, protocol and ego ids), for a second
 * pass: a Dataset streams only once.
 */
export async function reopenStudyDataset(
  analysis: StudyAnalysis,
  options: { protocol?: string; egoId?: "caseId" | "sessionId" | "egoUUID" } = {},
): Promise<Dataset> {
  const loaded = analysis.configPath !== undefined ? await loadStudyConfig({ configPath: analysis.configPath }) : undefined;
  return openDataset(analysis.dataPath, {
    config: analysis.config,
    protocol: options.protocol ?? loaded?.protocolPath,
    egoIdField: options.egoId ?? analysis.config.egoId ?? "caseId",
    problems: new ProblemList(),
  });
}
