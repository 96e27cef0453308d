import { describe, expect, it } from "vitest";
import { buildEgoGraph, multiplexDegrees, sociogramTies } from "../../src/graph/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "./network-builder.js";

describe("sociogramTies", () => {
  // Rows: a–b work, b–a work (reciprocal), a–b advice, b–c work, c–c (self-loop), a–x (unknown alter),
  // c–d where d is excluded. G: a–b {work, advice}, b–c {work}.
  const network = makeNetwork({
    alters: ["a", "b", "c", { id: "d", attributes: { lw: true } }],
    ties: [["a", "b", "work"], ["b", "a", "work"], ["a", "b", "advice"], ["b", "c", "work"], ["c", "c", "work"], ["a", "x", "work"], ["c", "d", "work"]],
  });
  const plan = makeStudyPlan(makeCodebook({ node: { Person: { lw: "boolean" } } }), { exclude: [{ variable: "lw", equals: true }] });
  const graph = buildEgoGraph(network, plan);
  const ties = sociogramTies(graph, network.ties);

  it("gives each tie of G its rows and edge types, in the order first met", () => {
    expect(ties.map((t) => [graph.nodes[t.source].alterId, graph.nodes[t.target].alterId, t.edgeTypes, t.rows.length])).toEqual([
      ["a", "b", ["work", "advice"], 3],
      ["b", "c", ["work"], 1],
    ]);
    expect(Array.from(graph.tieEdge)).toEqual([0, 0, 0, 1, -1, -1, -1]);
  });

  it("multiplex degree sums the edge types of each node's ties: a 2, b 3, c 1 (twice multiplexTies in all)", () => {
    const degree = multiplexDegrees(graph.nodes.length, ties);
    expect(Array.from(degree)).toEqual([2, 3, 1]);
    expect(degree.reduce((s, d) => s + d, 0)).toBe(2 * graph.multiplexTies);
  });
});
