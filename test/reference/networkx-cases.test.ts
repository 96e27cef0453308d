import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEgoGraph } from "../../src/graph/index.js";
import { measureNetwork, planMeasureColumns } from "../../src/measures/index.js";
import { coreNumbers } from "../../src/graph/index.js";
import { makeStudyPlan } from "../../src/model/index.js";
import type { StudyConfig } from "../../src/model/index.js";
import { makeCodebook, makeNetwork } from "../graph/network-builder.js";

/**
 * Every structural measure against networkx on ≥ 300 random ego networks. The fixture and the script that
 * made it: `python3 test/reference/make_networkx_cases.py` (seeded; networkx version inside the JSON).
 */
interface Case {
  name: string;
  nodeTypes: string[] | null;
  edgeTypes: string[] | null;
  excludeNodeType: string | null;
  alters: Array<[number, number]>;
  ties: Array<[number, number, number]>;
  expected: Record<string, unknown> & { core_numbers: number[]; alters_by_type: Record<string, number> };
}
const fixture = JSON.parse(readFileSync(new URL("./networkx-cases.json", import.meta.url), "utf8")) as {
  nodeTypes: string[];
  edgeTypes: string[];
  cases: Case[];
};

const SCALARS = [
  "network_size",
  "excluded_alters",
  "sociogram_size",
  "ties",
  "density",
  "average_degree",
  "multiplex_ties",
  "average_degree_multiplex",
  "isolates",
  "isolates_pct",
  "components",
  "largest_component",
  "max_k",
  "max_k_core_size",
  "core_distribution",
  "effective_size",
  "efficiency",
  "constraint",
  "ego_betweenness",
  "brokerage_pairs",
];

function toInputs(c: Case) {
  const network = makeNetwork({
    egoId: c.name,
    alters: c.alters.map(([type, lw], i) => ({ id: `a${i}`, type: fixture.nodeTypes[type], attributes: { lw: lw === 1 } })),
    ties: c.ties.map(([s, t, k]) => [`a${s}`, t === -1 ? "ghost" : `a${t}`, fixture.edgeTypes[k]] as [string, string, string]),
  });
  const config: StudyConfig = {
    exclude: [{ variable: "lw", equals: true, ...(c.excludeNodeType ? { nodeType: c.excludeNodeType } : {}) }],
  };
  if (c.nodeTypes) config.nodeTypes = c.nodeTypes;
  if (c.edgeTypes) config.edgeTypes = c.edgeTypes;
  const codebook = makeCodebook({
    node: Object.fromEntries(fixture.nodeTypes.map((t) => [t, { lw: "boolean" as const }])),
    edge: fixture.edgeTypes,
  });
  return { network, plan: makeStudyPlan(codebook, config) };
}

function close(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected === "string") return actual === expected;
  if (typeof expected !== "number" || typeof actual !== "number") return false;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe("structural measures agree with networkx", () => {
  it("the fixture covers what it must", () => {
    const cases = fixture.cases;
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(Math.max(...cases.map((c) => c.alters.length))).toBe(150);
    expect(cases.some((c) => c.alters.length === 0)).toBe(true);
    expect(cases.filter((c) => (c.expected.excluded_alters as number) > 0).length).toBeGreaterThan(50);
    expect(cases.filter((c) => c.ties.some(([s, t]) => s === t)).length).toBeGreaterThan(50);
    expect(cases.filter((c) => (c.expected.multiplex_ties as number) > (c.expected.ties as number)).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.expected.density === 1).length).toBeGreaterThan(10);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const { network, plan } = toInputs(c);
    const row = measureNetwork(network, plan, planMeasureColumns(plan));
    const mismatches = SCALARS.filter((id) => !close(row[id], c.expected[id])).map(
      (id) => `${id}: netsp ${row[id]}, networkx ${c.expected[id]}`,
    );
    for (const [type, count] of Object.entries(c.expected.alters_by_type)) {
      if (row[`alters_${type}`] !== count) mismatches.push(`alters_${type}: netsp ${row[`alters_${type}`]}, expected ${count}`);
    }
    expect(mismatches).toEqual([]);
    expect(Array.from(coreNumbers(buildEgoGraph(network, plan).adjacency))).toEqual(c.expected.core_numbers);
  });
});
