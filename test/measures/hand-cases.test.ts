import { describe, it } from "vitest";
import { measureNetwork, planMeasureColumns } from "../../src/measures/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { EgoNetwork, StudyConfig } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";
import { expectCells } from "./expect-row.js";

/**
 * Small ego networks whose every measure can be worked out by hand; the arithmetic is beside each value.
 * n = sociogram alters, m = ties; constraint = (1/n²) Σ_j (1 + S_j)², S_j = Σ_{q tied to j} 1/(d_q + 1)
 * (see src/measures/constraint.ts). The non-trivial values were also checked with networkx 3.6:
 *   python3 -c "import networkx as nx; G=nx.star_graph(4); H=G.copy(); H.add_edges_from(('E',v) for v in G);
 *   print(nx.constraint(H,nodes=['E']), nx.effective_size(H,nodes=['E']), nx.betweenness_centrality(H,normalized=False)['E'])"
 *   → star 0.5904, 3.4, 3.0; triangle 0.925925…, 1.0, 0.0; K5 0.648, 1.0, 0.0; tied pair 1.125; untied pair 0.5, 2.0, 1.0;
 *     one alter 1.0, 1.0; triangle + pair + isolate 0.384259…, 4.666…, 11.0.
 */
const codebook = makeCodebook({ node: { Person: { lw: "boolean" } } });
const config: StudyConfig = { exclude: [{ variable: "lw", equals: true }] };
const plan = makeStudyPlan(codebook, config);
const measure = (network: EgoNetwork) => measureNetwork(network, plan, planMeasureColumns(plan));

describe("hand-checked ego networks", () => {
  it("the empty ego: every count 0, every ratio null (nothing to divide by)", () => {
    expectCells(measure(makeNetwork({})), {
      network_size: 0,
      excluded_alters: 0,
      sociogram_size: 0,
      ties: 0,
      density: null, // n < 2: no possible tie
      average_degree: null, // 0/0
      multiplex_ties: 0,
      average_degree_multiplex: null,
      isolates: 0,
      isolates_pct: null, // network_size 0
      components: 0,
      largest_component: 0,
      max_k: 0,
      max_k_core_size: 0,
      core_distribution: "{}",
      effective_size: null, // no alter on the sociogram
      efficiency: null,
      constraint: null,
      ego_betweenness: null, // no pair of alters
      brokerage_pairs: 0,
    });
  });

  it("one alter", () => {
    expectCells(measure(makeNetwork({ alters: ["a"] })), {
      network_size: 1,
      sociogram_size: 1,
      ties: 0,
      density: null, // n < 2
      average_degree: 0, // 0/1
      isolates: 1,
      isolates_pct: 100, // 100 × 1/1
      components: 1,
      largest_component: 1,
      max_k: 0, // the isolate has core number 0
      max_k_core_size: 0,
      core_distribution: "{}",
      effective_size: 1, // 1 − 0/1
      efficiency: 1, // 1/1
      constraint: 1, // (1/1)(1 + 0)²
      ego_betweenness: 0, // no pair
      brokerage_pairs: 0,
    });
  });

  it("two alters, tied", () => {
    expectCells(measure(makeNetwork({ alters: ["a", "b"], ties: [["a", "b"]] })), {
      ties: 1,
      density: 1, // 2·1 / (2·1)
      average_degree: 1, // 2/2
      isolates: 0,
      isolates_pct: 0,
      components: 1,
      largest_component: 2,
      max_k: 1,
      max_k_core_size: 2,
      core_distribution: "{1: 2}",
      effective_size: 1, // 2 − 2/2
      efficiency: 0.5, // 1/2
      constraint: 1.125, // S = 1/2 each: (1/4)(1.5² + 1.5²) = 4.5/4
      ego_betweenness: 0, // the only pair is tied
      brokerage_pairs: 0, // 1 − 1
    });
  });

  it("two alters, not tied", () => {
    expectCells(measure(makeNetwork({ alters: ["a", "b"] })), {
      ties: 0,
      density: 0, // 0 / 2
      average_degree: 0,
      isolates: 2,
      isolates_pct: 100,
      components: 2,
      largest_component: 1,
      max_k: 0,
      max_k_core_size: 0,
      core_distribution: "{}",
      effective_size: 2, // 2 − 0
      efficiency: 1,
      constraint: 0.5, // (1/4)(1² + 1²)
      ego_betweenness: 1, // one untied pair, no common neighbour: 1/(1 + 0)
      brokerage_pairs: 1,
    });
  });

  it("a star: hub h, leaves a–d", () => {
    const network = makeNetwork({ alters: ["h", "a", "b", "c", "d"], ties: [["h", "a"], ["h", "b"], ["c", "h"], ["h", "d"]] });
    expectCells(measure(network), {
      ties: 4,
      density: 0.4, // 8 / 20
      average_degree: 1.6, // 8 / 5
      isolates: 0,
      components: 1,
      largest_component: 5,
      max_k: 1, // a tree is a 1-core
      max_k_core_size: 5,
      core_distribution: "{1: 5}",
      effective_size: 3.4, // 5 − 8/5
      efficiency: 0.68, // 3.4 / 5
      constraint: 0.5904, // hub S = 4 × 1/2 = 2, leaf S = 1/5: (1/25)(3² + 4 × 1.2²) = 14.76/25
      ego_betweenness: 3, // 6 leaf pairs, each sharing the hub: 6 × 1/2
      brokerage_pairs: 6, // 10 − 4
    });
  });

  it("a triangle", () => {
    expectCells(measure(makeNetwork({ alters: ["a", "b", "c"], ties: [["a", "b"], ["b", "c"], ["c", "a"]] })), {
      ties: 3,
      density: 1, // 6 / 6
      average_degree: 2,
      max_k: 2,
      max_k_core_size: 3,
      core_distribution: "{2: 3}",
      effective_size: 1, // 3 − 6/3
      efficiency: 1 / 3,
      constraint: 75 / 81, // S = 2/3 each: (1/9) × 3 × (5/3)² = 75/81 = 0.925925…
      ego_betweenness: 0,
      brokerage_pairs: 0,
    });
  });

  it("a complete graph of 5", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const ties: Array<[string, string]> = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) ties.push([ids[i], ids[j]]);
    expectCells(measure(makeNetwork({ alters: ids, ties })), {
      ties: 10,
      density: 1, // 20 / 20
      average_degree: 4, // 20 / 5
      max_k: 4,
      max_k_core_size: 5,
      core_distribution: "{4: 5}",
      effective_size: 1, // 5 − 20/5
      efficiency: 0.2,
      constraint: 0.648, // S = 4/5: (1/25) × 5 × (9/5)² = 81/125
      ego_betweenness: 0,
      brokerage_pairs: 0,
    });
  });

  it("two components and an isolate: triangle a b c, pair d–e, f alone", () => {
    const network = makeNetwork({
      alters: ["a", "b", "c", "d", "e", "f"],
      ties: [["a", "b"], ["b", "c"], ["a", "c"], ["d", "e"]],
    });
    expectCells(measure(network), {
      ties: 4,
      density: 8 / 30, // 2·4 / (6·5)
      average_degree: 8 / 6,
      isolates: 1,
      isolates_pct: 100 / 6,
      components: 3, // the isolate counts as one
      largest_component: 3,
      max_k: 2,
      max_k_core_size: 3,
      core_distribution: "{1: 2, 2: 3}", // d, e core 1; a, b, c core 2; f (0) not listed
      effective_size: 6 - 8 / 6,
      efficiency: (6 - 8 / 6) / 6,
      constraint: 83 / 216, // (1/36)(3 × (5/3)² + 2 × (3/2)² + 1²) = (1/36)(83/6)
      ego_betweenness: 11, // 15 pairs − 4 tied = 11 untied, none with a common neighbour
      brokerage_pairs: 11,
    });
  });

  it("an ego whose alters are all excluded: composition counts them, structure is empty", () => {
    const network = makeNetwork({
      alters: ["a", "b", "c"].map((id) => ({ id, attributes: { lw: true } })),
      ties: [["a", "b"], ["b", "c"]],
    });
    expectCells(measure(network), {
      network_size: 3,
      excluded_alters: 3,
      sociogram_size: 0,
      ties: 0, // ties to excluded alters are not on the sociogram
      multiplex_ties: 0,
      density: null,
      average_degree: null,
      isolates: 0, // excluded alters are never isolates
      isolates_pct: 0, // 100 × 0 / 3
      components: 0,
      largest_component: 0,
      max_k: 0,
      max_k_core_size: 0,
      core_distribution: "{}",
      effective_size: null,
      efficiency: null,
      constraint: null,
      ego_betweenness: null,
      brokerage_pairs: 0,
    });
  });
});

describe("multiplex ties", () => {
  it("a pair tied by three relation types counts 3; duplicate and reciprocal rows of one type count once", () => {
    const network = makeNetwork({
      alters: ["a", "b", "c"],
      ties: [
        ["a", "b", "work"],
        ["b", "a", "work"], // reciprocal row
        ["a", "b", "work"], // duplicate row
        ["a", "b", "advice"],
        ["a", "b", "referral"],
        ["b", "c", "work"],
      ],
    });
    expectCells(measure(network), {
      ties: 2, // a–b, b–c
      multiplex_ties: 4, // a–b × {work, advice, referral} + b–c work
      average_degree: 4 / 3, // 2·2 / 3
      average_degree_multiplex: 8 / 3, // 2·4 / 3
    });
  });

  it("counts only the configured edge types", () => {
    const only = makeStudyPlan(codebook, { edgeTypes: ["work", "advice"] });
    const network = makeNetwork({
      alters: ["a", "b", "c"],
      ties: [["a", "b", "work"], ["a", "b", "advice"], ["a", "b", "referral"], ["b", "c", "referral"]],
    });
    expectCells(measureNetwork(network, only, planMeasureColumns(only)), {
      ties: 1, // b–c is only a referral
      multiplex_ties: 2,
      isolates: 1, // c
    });
  });
});
