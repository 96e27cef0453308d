import { buildEgoGraph } from "../graph/build-ego-graph.js";
import { coreNumbers } from "../graph/core-numbers.js";
import { loadStudyConfig } from "../ingest/load-config.js";
import { openDataset } from "../ingest/open-dataset.js";
import { categoriesOf } from "../measures/category-values.js";
import { ProblemList, type Alter, type EgoNetwork } from "../model/index.js";
import { makeStudyPlan, type StudyPlan } from "../model/study-plan.js";
import type { SociogramAlter, SociogramEgo, SociogramGraph } from "../report/sociogram-graph.js";
import type { StudyAnalysis } from "./analyse-study.js";

/** What of an alter's data a sociogram may show. */
export interface SociogramView {
  /** The alter variable whose categories colour the nodes, or null (core numbers). */
  colourVariable: string | null;
  /**
   * The alter variable whose value labels the nodes (`--show-names`); null labels them A1 … An, the counted
   * alters numbered in export order within the ego. No other variable's text ever reaches a label.
   */
  nameVariable: string | null;
}

/**
 * One ego's sociogram graph: the graph the measures use (`buildEgoGraph`), its core numbers, and of each
 * alter only its label, its categories of the colour variable and its Network Canvas position.
 *
 * Example: alters a, b, c with ties a–b, b–c, a–c and no view variables → labels A1, A2, A3, core numbers [2, 2, 2].
 */
export function sociogramGraph(network: EgoNetwork, plan: StudyPlan, view: SociogramView): SociogramGraph {
  const graph = buildEgoGraph(network, plan);
  const pseudonyms = new Map<Alter, string>();
  graph.alters.forEach((a, i) => pseudonyms.set(a, `A${i + 1}`));
  const shown = (alter: Alter): SociogramAlter => {
    let label = pseudonyms.get(alter) ?? "?";
    if (view.nameVariable !== null) {
      const name = alter.attributes[view.nameVariable];
      if (typeof name === "string" && name.trim() !== "") label = name.trim();
    }
    const layouts = alter.layout ? Object.values(alter.layout) : [];
    return {
      label,
      categories: view.colourVariable === null ? [] : categoriesOf(alter.attributes[view.colourVariable]),
      position: layouts.length > 0 ? { x: layouts[0].x, y: layouts[0].y } : null,
    };
  };
  return {
    egoId: network.ego.egoId,
    networkSize: graph.alters.length,
    adjacency: graph.adjacency,
    coreNumbers: coreNumbers(graph.adjacency),
    nodes: graph.nodes.map(shown),
    excluded: graph.excludedAlters.map(shown),
  };
}

export interface SociogramSourceOptions extends SociogramView {
  /** As given to analyseStudy, to open the data as it did. */
  protocol?: string;
  egoId?: "caseId" | "sessionId" | "egoUUID";
  /** The id the analysis shows for an ego, from the id in the data (a pseudonymiser's). */
  egoIdOf?: (egoId: string) => string;
}

/**
 * The analysed egos for the report's sociograms, in input order, ids as the tables show them: opens the
 * study's data again (a Dataset streams only once, and opening waits for the first ego asked for) and
 * reads one interview at a time, so memory stays that of one ego; stopping early stops the reading.
 * Interviews in no row of the analysis (left out for errors in their data, or not completed) are passed over.
 */
export async function* sociogramSource(analysis: StudyAnalysis, options: SociogramSourceOptions): AsyncGenerator<SociogramEgo> {
  const loaded = analysis.configPath !== undefined ? await loadStudyConfig({ configPath: analysis.configPath }) : undefined;
  const dataset = await openDataset(analysis.dataPath, {
    config: analysis.config,
    protocol: options.protocol ?? loaded?.protocolPath,
    egoIdField: options.egoId ?? analysis.config.egoId ?? "caseId",
    problems: new ProblemList(),
  });
  const plan = makeStudyPlan(analysis.dataset.codebook, analysis.config);
  const analysed = new Set(analysis.measures.rows.map((r) => String(r.ego_id)));
  for await (const network of dataset.egos()) {
    const egoId = options.egoIdOf ? options.egoIdOf(network.ego.egoId) : network.ego.egoId;
    if (!analysed.has(egoId)) continue;
    const shown: EgoNetwork = options.egoIdOf ? { ...network, ego: { ...network.ego, egoId } } : network;
    yield { egoId, graph: () => sociogramGraph(shown, plan, options) };
  }
}
