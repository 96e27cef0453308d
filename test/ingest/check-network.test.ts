import { describe, expect, it } from "vitest";
import { checkNetwork, REMEMBERED_ALTERS } from "../../src/ingest/check-network.js";
import { emptyCodebook, ProblemList, type Alter, type Codebook, type EgoNetwork, type Tie } from "../../src/model/index.js";

const codebook = emptyCodebook("inferred");

function network(egoId: string, alterIds: string[], ties: Array<[string, string, string?]>): EgoNetwork {
  const alters: Alter[] = alterIds.map((alterId, i) => ({
    egoId,
    alterId,
    nodeType: "Person",
    attributes: {},
    source: { file: `${egoId}_attributeList_Person.csv`, line: i + 2 },
  }));
  const tieList: Tie[] = ties.map(([sourceId, targetId, edgeType], i) => ({
    egoId,
    sourceId,
    targetId,
    edgeType: edgeType ?? "Close",
    attributes: {},
    source: { file: `${egoId}_edgeList_Close.csv`, line: i + 2 },
  }));
  return { ego: { egoId, attributes: {}, meta: {}, source: { file: `${egoId}_ego.csv`, line: 2 } }, alters, ties: tieList };
}

function check(...networks: EgoNetwork[]) {
  const problems = new ProblemList();
  for (const n of networks) checkNetwork(n, codebook, problems);
  return problems.problems.map((p) => ({ severity: p.severity, code: p.code, file: p.file, line: p.line, egoId: p.egoId }));
}

describe("checkNetwork", () => {
  it("finds nothing wrong in a clean network, and changes nothing", () => {
    const n = network("e1", ["a", "b", "c"], [["a", "b"], ["b", "c"], ["a", "b", "SexTie"]]);
    const before = JSON.stringify(n);
    expect(check(n)).toEqual([]);
    expect(JSON.stringify(n)).toBe(before);
  });

  it("duplicate alter id: error at the second row", () => {
    expect(check(network("e1", ["a", "b", "a"], []))).toEqual([
      { severity: "error", code: "duplicate-alter", file: "e1_attributeList_Person.csv", line: 4, egoId: "e1" },
    ]);
  });

  it("tie to an unknown alter: error", () => {
    expect(check(network("e1", ["a", "b"], [["a", "zz"]]))).toEqual([
      { severity: "error", code: "unknown-endpoint", file: "e1_edgeList_Close.csv", line: 2, egoId: "e1" },
    ]);
  });

  it("tie to an alter of an ego read earlier: error naming that ego", () => {
    const problems = new ProblemList();
    checkNetwork(network("e1", ["a", "b"], []), codebook, problems);
    checkNetwork(network("e2", ["c", "d"], [["c", "a"]]), codebook, problems);
    expect(problems.problems).toHaveLength(1);
    expect(problems.problems[0]).toMatchObject({ severity: "error", code: "endpoint-of-other-ego", egoId: "e2", line: 2 });
    expect(problems.problems[0].message).toContain("belongs to ego e1");
  });

  it("remembers a bounded number of alters across egos", () => {
    const problems = new ProblemList();
    checkNetwork(network("e1", ["a"], []), codebook, problems);
    const many = Array.from({ length: REMEMBERED_ALTERS }, (_, i) => `x${i}`);
    checkNetwork(network("e2", many, []), codebook, problems);
    // "a" has been forgotten: the tie is still an error, reported as an unknown alter.
    checkNetwork(network("e3", ["c"], [["c", "a"]]), codebook, problems);
    expect(problems.problems.map((p) => p.code)).toEqual(["unknown-endpoint"]);
  });

  it("forgets just as well once an unknown endpoint has been looked up (the index is kept from then on)", () => {
    const problems = new ProblemList();
    checkNetwork(network("e1", ["a"], []), codebook, problems);
    checkNetwork(network("e2", ["b"], [["b", "zz"]]), codebook, problems); // first lookup: builds the index
    checkNetwork(network("e3", ["c"], [["c", "a"]]), codebook, problems); // "a" is still remembered
    const many = Array.from({ length: REMEMBERED_ALTERS }, (_, i) => `x${i}`);
    checkNetwork(network("e4", many, []), codebook, problems);
    checkNetwork(network("e5", ["d"], [["d", "a"], ["d", "x0"], ["d", "x1"]]), codebook, problems);
    expect(problems.problems.map((p) => p.code)).toEqual(["unknown-endpoint", "endpoint-of-other-ego", "unknown-endpoint", "unknown-endpoint", "endpoint-of-other-ego"]);
    expect(problems.problems[4].message).toContain("belongs to ego e4") // x0 is forgotten once e5 is remembered; x1 is not;
  });

  it("an alter id used by two egos belongs to the later one", () => {
    const problems = new ProblemList();
    checkNetwork(network("e1", ["a"], []), codebook, problems);
    checkNetwork(network("e2", ["a"], []), codebook, problems);
    checkNetwork(network("e3", ["c"], [["c", "a"]]), codebook, problems);
    expect(problems.problems.map((p) => p.message)).toEqual([expect.stringContaining("belongs to ego e2")]);
  });

  it("a separate sink has its own memory", () => {
    checkNetwork(network("e1", ["a"], []), codebook, new ProblemList());
    expect(check(network("e2", ["c"], [["c", "a"]])).map((p) => p.code)).toEqual(["unknown-endpoint"]);
  });

  it("self-loop: warning", () => {
    expect(check(network("e1", ["a", "b"], [["a", "a"]]))).toEqual([
      { severity: "warning", code: "self-loop", file: "e1_edgeList_Close.csv", line: 2, egoId: "e1" },
    ]);
  });

  it("duplicate and reciprocal ties of one edge type: one warning each; other types are separate ties", () => {
    const n = network("e1", ["a", "b"], [["a", "b"], ["a", "b"], ["b", "a"], ["b", "a", "SexTie"]]);
    expect(check(n)).toEqual([
      { severity: "warning", code: "duplicate-tie", file: "e1_edgeList_Close.csv", line: 3, egoId: "e1" },
      { severity: "warning", code: "reciprocal-tie", file: "e1_edgeList_Close.csv", line: 4, egoId: "e1" },
    ]);
  });

  it("ego with no alters: warning at the ego row", () => {
    expect(check(network("e1", [], []))).toEqual([
      { severity: "warning", code: "no-alters", file: "e1_ego.csv", line: 2, egoId: "e1" },
    ]);
  });

  it("a tie with an empty endpoint is one error", () => {
    const problems = check(network("e1", ["a"], [["a", ""]]));
    expect(problems.map((p) => p.code)).toEqual(["unknown-endpoint"]);
  });

  it("warns once per node or edge type a protocol codebook does not list", () => {
    const protocol: Codebook = { source: "protocol", ego: {}, node: { Person: {} }, edge: { Close: {} } };
    const problems = new ProblemList();
    const n = network("e1", ["a", "b"], [["a", "b", "Knows"]]);
    n.alters.push({ ...n.alters[0], alterId: "c", nodeType: "Place" });
    checkNetwork(n, protocol, problems);
    checkNetwork(network("e2", ["d", "e"], [["d", "e", "Knows"]]), protocol, problems);
    expect(problems.problems.map((p) => p.code)).toEqual(["unknown-node-type", "unknown-edge-type"]);
  });
});
