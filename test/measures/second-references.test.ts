/**
 * Second, independent implementations as references (devDependencies, never used by netsp itself):
 * graphology-metrics for density and the ego's betweenness on every thesis ego's sociogram, and
 * simple-statistics for means, SDs, medians, correlations and the rank sum on the thesis measures. The
 * first references are networkx, scipy and R (test/reference/); these catch a slip in either.
 */
import { UndirectedGraph } from "graphology";
import { betweenness } from "graphology-metrics/centrality/index.js";
import { density } from "graphology-metrics/graph/index.js";
import * as ss from "simple-statistics";
import { beforeAll, describe, expect, it } from "vitest";
import { buildEgoGraph } from "../../src/graph/index.js";
import { openDataset } from "../../src/ingest/open-dataset.js";
import { loadStudyConfig } from "../../src/ingest/load-config.js";
import { makeStudyPlan, type StudyPlan } from "../../src/model/index.js";
import { ProblemList, type EgoNetwork, type StudyConfig } from "../../src/model/index.js";
import { measureDataset } from "../../src/study/measure-ego-rows.js";
import { descriptives, mannWhitney, pearson, spearman } from "../../src/stats/index.js";

const THESIS = "fixtures/thesis";
let networks: EgoNetwork[] = [];
let rows: Array<Record<string, unknown>> = [];
let plan: StudyPlan;

beforeAll(async () => {
  const { config, dataPath } = await loadStudyConfig({ input: THESIS, cwd: process.cwd() });
  const open = () => openDataset(dataPath!, { config: config as StudyConfig, egoIdField: "caseId", problems: new ProblemList() });
  const dataset = await open();
  plan = makeStudyPlan(dataset.codebook, config);
  for await (const n of dataset.egos()) networks.push(n);
  const measured = await measureDataset(await open(), plan, { groupVariables: ["deprivation", "caseload", "months_in_post"], jobs: 1 });
  rows = measured.table.rows;
});

/** The ego's sociogram as a graphology graph: its alters, their ties, and (optionally) the ego tied to each. */
function sociogram(network: EgoNetwork, withEgo: boolean): UndirectedGraph {
  const g = buildEgoGraph(network, plan);
  const out = new UndirectedGraph();
  g.graph.forEachNode((node) => out.addNode(node));
  g.graph.forEachEdge((_, __, source, target) => out.mergeEdge(source, target));
  if (withEgo) {
    out.addNode("\u0000ego");
    g.graph.forEachNode((node) => out.addEdge("\u0000ego", node));
  }
  return out;
}

const rowOf = (egoId: string) => rows.find((r) => r.ego_id === egoId)!;

describe("graphology-metrics as a second reference for the structure measures", () => {
  it("density = graphology-metrics density of the sociogram, every thesis ego", () => {
    expect(networks).toHaveLength(21);
    for (const n of networks) {
      const g = sociogram(n, false);
      const ours = rowOf(n.ego.egoId).density as number | null;
      if (g.order < 2) expect(ours).toBeNull();
      else expect(ours).toBeCloseTo(density(g), 12);
    }
  });

  it("ego_betweenness = the ego's unnormalised betweenness in G plus ego (graphology-metrics), every thesis ego", () => {
    for (const n of networks) {
      const g = sociogram(n, true);
      const ours = rowOf(n.ego.egoId).ego_betweenness as number | null;
      if (g.order < 2) continue;
      expect(ours).toBeCloseTo(betweenness(g, { normalized: false })["\u0000ego"], 9);
    }
  });
});

describe("simple-statistics as a second reference for the statistics", () => {
  const column = (id: string) => rows.map((r) => r[id]).filter((v): v is number => typeof v === "number");

  it("mean, sample SD and median of every numeric measure", () => {
    for (const id of ["network_size", "density", "average_degree", "isolates_pct", "effective_size", "constraint", "caseload"]) {
      const values = column(id);
      const d = descriptives(values);
      expect(d.mean).toBeCloseTo(ss.mean(values), 12);
      expect(d.sd).toBeCloseTo(ss.sampleStandardDeviation(values), 12);
      expect(d.median).toBeCloseTo(ss.median(values), 12);
    }
  });

  it("Pearson's r and Spearman's rho of months in post and network size", () => {
    const pairs = rows.filter((r) => typeof r.months_in_post === "number" && typeof r.network_size === "number");
    const x = pairs.map((r) => r.months_in_post as number);
    const y = pairs.map((r) => r.network_size as number);
    expect(pearson(x, y).r).toBeCloseTo(ss.sampleCorrelation(x, y), 12);
    expect(spearman(x, y).r).toBeCloseTo(ss.sampleRankCorrelation(x, y), 12);
  });

  it("the Mann–Whitney rank sum of high against low deprivation = simple-statistics' Wilcoxon rank sum", () => {
    const of = (level: string) => rows.filter((r) => r.deprivation === level).map((r) => r.network_size as number);
    const [high, low] = [of("high"), of("low")];
    expect(high.length + low.length).toBeGreaterThan(10);
    const result = mannWhitney(high, low);
    // wilcoxonRankSum(x, y) is the rank sum of x over the pooled sample (midranks for ties); U = W − n(n+1)/2.
    const w = ss.wilcoxonRankSum(high, low);
    expect(result.u1).toBeCloseTo(w - (high.length * (high.length + 1)) / 2, 12);
  });
});
