import { describe, expect, it } from "vitest";
import { buildEgoGraph, compactAdjacency, isExcludedAlter } from "../../src/graph/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { StudyConfig } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "./network-builder.js";

const codebook = makeCodebook({ node: { Person: { lw: "boolean", role: ["gp", "nurse"] }, Organisation: {}, Place: {} } });
const plan = (config: StudyConfig = {}) => makeStudyPlan(codebook, config);

describe("compactAdjacency", () => {
  it("stores each node's neighbours sorted, both directions", () => {
    const adjacency = compactAdjacency(4, [2, 0, 0, 1, 3, 0]);
    expect(adjacency.m).toBe(3);
    expect(Array.from(adjacency.offsets)).toEqual([0, 3, 4, 5, 6]);
    expect(Array.from(adjacency.neighbours)).toEqual([1, 2, 3, 0, 0, 0]);
  });
});

describe("buildEgoGraph", () => {
  it("merges duplicate and reciprocal rows into one tie, keeps typed ties, drops self-loops and unknown endpoints", () => {
    const network = makeNetwork({
      alters: ["a", "b", "c"],
      ties: [
        ["a", "b", "work"],
        ["b", "a", "work"],
        ["a", "b", "work"],
        ["a", "b", "advice"],
        ["c", "c", "work"],
        ["a", "ghost", "work"],
      ],
    });
    const graph = buildEgoGraph(network, plan());
    expect(graph.adjacency.n).toBe(3);
    expect(graph.adjacency.m).toBe(1);
    expect(graph.multiplexTies).toBe(2);
    expect(graph.selfLoops).toBe(1);
    expect(graph.unknownEndpoints).toBe(1);
    expect(graph.graph.order).toBe(3);
    expect(graph.graph.size).toBe(1);
    expect(graph.graph.getEdgeAttributes("a", "b")).toEqual({ edgeTypes: ["advice", "work"] });
    expect(graph.graph.getNodeAttributes("c").nodeType).toBe("Person");
  });

  it("counts only configured node types; excluded alters stay in network size but leave the graph with their ties", () => {
    const network = makeNetwork({
      alters: [
        "a",
        { id: "b", attributes: { lw: true } },
        { id: "o", type: "Organisation", attributes: { lw: true } },
        { id: "x", type: "Place" },
      ],
      ties: [["a", "b"], ["a", "o"], ["a", "x"]],
    });
    const graph = buildEgoGraph(network, plan({ nodeTypes: ["Person", "Organisation"], exclude: [{ variable: "lw", equals: true, nodeType: "Person" }] }));
    expect(graph.alters.map((a) => a.alterId)).toEqual(["a", "b", "o"]); // x is a Place: not counted
    expect(graph.excludedAlters.map((a) => a.alterId)).toEqual(["b"]); // the rule is for Person only
    expect(graph.nodes.map((a) => a.alterId)).toEqual(["a", "o"]);
    expect(graph.adjacency.m).toBe(1); // a–o; a–b (excluded) and a–x (uncounted type) are off the graph
    expect(graph.unknownEndpoints).toBe(0); // x exists, it just does not count
  });

  it("counts only configured edge types", () => {
    const network = makeNetwork({ alters: ["a", "b", "c"], ties: [["a", "b", "work"], ["b", "c", "referral"]] });
    const graph = buildEgoGraph(network, plan({ edgeTypes: ["work"] }));
    expect(graph.adjacency.m).toBe(1);
    expect(graph.multiplexTies).toBe(1);
  });
});

describe("isExcludedAlter", () => {
  const alter = (attributes: Record<string, unknown>, nodeType = "Person") =>
    makeNetwork({ alters: [{ id: "a", type: nodeType, attributes: attributes as never }] }).alters[0];

  it("matches equals, in-lists, categorical lists and text forms; never a missing value", () => {
    expect(isExcludedAlter(alter({ lw: true }), [{ variable: "lw", values: [true] }])).toBe(true);
    expect(isExcludedAlter(alter({ lw: "true" }), [{ variable: "lw", values: [true] }])).toBe(true);
    expect(isExcludedAlter(alter({ lw: false }), [{ variable: "lw", values: [true] }])).toBe(false);
    expect(isExcludedAlter(alter({ lw: null }), [{ variable: "lw", values: [true] }])).toBe(false);
    expect(isExcludedAlter(alter({}), [{ variable: "lw", values: [true] }])).toBe(false);
    expect(isExcludedAlter(alter({ role: ["nurse"] }), [{ variable: "role", values: ["gp", "nurse"] }])).toBe(true);
    expect(isExcludedAlter(alter({ n: 1 }), [{ variable: "n", values: ["1"] }])).toBe(true);
    expect(isExcludedAlter(alter({ lw: true }, "Organisation"), [{ variable: "lw", values: [true], nodeType: "Person" }])).toBe(false);
  });
});

describe("buildEgoGraph with many edge types", () => {
  it("counts every relation type of a pair, beyond 31 types too, and lists them on the graphology edge", () => {
    const types = Array.from({ length: 40 }, (_, i) => `t${String(i).padStart(2, "0")}`);
    const network = makeNetwork({
      alters: ["a", "b"],
      ties: [...types.map((t) => ["a", "b", t] as [string, string, string]), ["b", "a", "t35"], ["a", "b", "t02"]],
    });
    const graph = buildEgoGraph(network, makeStudyPlan(codebook, {}));
    expect(graph.adjacency.m).toBe(1);
    expect(graph.multiplexTies).toBe(40); // the repeated t35 and t02 rows count once
    expect(graph.graph.getEdgeAttributes("a", "b").edgeTypes).toEqual(types);
  });
});
