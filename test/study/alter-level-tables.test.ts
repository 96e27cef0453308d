import { describe, expect, it } from "vitest";
import { makeStudyPlan, type Codebook, type StudyConfig } from "../../src/model/index.js";
import { alterLevelSpec } from "../../src/study/alter-level-spec.js";
import { alterLevelTables } from "../../src/study/alter-level-tables.js";
import { AlterLevelStore } from "../../src/study/alter-level-store.js";
import { csvChunks, tableOfStream, toCsv } from "../../src/tables/index.js";
import { measureEgo, type EgoRowSpec } from "../../src/study/measure-ego.js";
import { makeNetwork } from "../graph/network-builder.js";

/**
 * A hand-checked study of two egos. Ego e1: alters a–d of type Person and o of type Org; ties a–b (work),
 * b–a (advice), b–c (work), c–c (a self-loop, dropped), d excluded (kin = true).
 *   G = a–b–c, d off G, o an isolate. Degrees a 1, b 2, c 1, o 0; multiplex a 2 (work + advice), b 3, c 1.
 *   Cores: a, b, c 1; o 0. Components: {a, b, c} = 1 (size 3), {o} = 2 (size 1).
 *   Betweenness (unnormalised): b lies on the one shortest a–c path → 1; the rest 0.
 * Ego e2 (sector vcs): one alter with two `services` options, which makes `services` a multi-select.
 */
const codebook = (): Codebook => ({
  source: "protocol",
  ego: {
    sector: { name: "sector", type: "categorical", options: [{ value: "vcs", label: "VCS" }, { value: "health", label: "Health" }], role: "group" },
    name: { name: "name", type: "text", role: "identifying" },
  },
  node: {
    Person: {
      name: { name: "name", type: "text", role: "identifying" },
      sector: { name: "sector", type: "categorical", options: [{ value: "vcs", label: "VCS" }, { value: "health", label: "Health" }], role: "composition" },
      services: { name: "services", type: "categorical", options: [{ value: "food", label: "Food bank" }, { value: "debt", label: "Debt advice" }], role: "metadata" },
      closeness: { name: "closeness", type: "ordinal", options: [{ value: "3", label: "Very close" }, { value: "1", label: "Not close" }], role: "composition" },
      kin: { name: "kin", type: "boolean", role: "metadata" },
      degree: { name: "degree", type: "number", role: "numeric" },
      visited: { name: "visited", type: "datetime", role: "identifying" },
    },
    Org: { sector: { name: "sector", type: "categorical", options: [{ value: "vcs", label: "VCS" }], role: "composition" } },
  },
  edge: { work: {}, advice: {} },
});

const config: StudyConfig = {
  exclude: [{ variable: "kin", equals: true }],
  composition: { sector: { categories: ["vcs", "health"], egoVariable: "sector" } },
};

function tables() {
  const book = codebook();
  const plan = makeStudyPlan(book, config);
  const alterLevel = alterLevelSpec(book, plan, true);
  const spec: EgoRowSpec = { plan, groups: [{ id: "sector", variable: "sector" }], columns: [], tracked: [], open: [], alterLevel };
  const e1 = makeNetwork({
    egoId: "e1",
    egoAttributes: { sector: ["health"], name: "Jo" },
    alters: [
      { id: "a", attributes: { name: "Ann", sector: ["health"], services: ["food"], closeness: "3", kin: false, degree: 7, visited: "2020-01-01" } },
      { id: "b", attributes: { name: "Bo", sector: ["vcs"], services: [], closeness: "1", kin: false } },
      { id: "c", attributes: { name: "Cy", sector: [], services: [] } },
      { id: "d", attributes: { name: "Di", sector: ["health"], kin: true } },
      { id: "o", type: "Org", attributes: { sector: ["vcs"] } },
    ],
    ties: [["a", "b", "work"], ["b", "a", "advice"], ["b", "c", "work"], ["c", "c", "work"]],
  });
  const e2 = makeNetwork({ egoId: "e2", egoAttributes: { sector: ["vcs"] }, alters: [{ id: "x", attributes: { sector: ["vcs"], services: ["food", "debt"] } }] });
  const store = new AlterLevelStore(alterLevel);
  const egos = [e1, e2].map((n) => {
    const m = measureEgo(n, spec);
    return { row: m.row, index: store.add(m.alterLevel!) };
  });
  const made = alterLevelTables({ store, egos, egoColumns: [{ id: "sector", description: "Ego's sector" }] });
  return {
    alters: tableOfStream(made.alters),
    ties: tableOfStream(made.ties),
    csv: [[...csvChunks(made.alters)].join(""), [...csvChunks(made.ties)].join("")],
    counts: [made.alters.rowCount, made.ties.rowCount],
    notes: made.notes,
  };
}

describe("alterLevelTables", () => {
  const { alters, ties, notes, counts, csv } = tables();
  const col = (id: string) => alters.rows.map((r) => r[id]);

  it("lays out the columns: ids, variables (no identifying ones), structure, same_, ego_", () => {
    expect(alters.columns.map((c) => c.id)).toEqual([
      "ego_id", "alter_id", "node_type", "on_sociogram",
      "sector", "services_food", "services_debt", "closeness", "kin", "degree_2",
      "degree", "degree_multiplex", "core_number", "isolate", "component", "component_size", "betweenness",
      "same_sector", "ego_sector",
    ]);
    expect(notes).toEqual(["alters.csv: column degree is written as degree_2 (the name was taken)"]);
    expect(JSON.stringify(alters.rows)).not.toMatch(/Ann|Jo"|2020-01-01/);
  });

  it("labels alters A1…An in input order and gives each its place in the sociogram (see the comment at the top)", () => {
    expect(col("alter_id")).toEqual(["A1", "A2", "A3", "A4", "A5", "A1"]);
    expect(col("on_sociogram")).toEqual([true, true, true, false, true, true]);
    expect(col("degree")).toEqual([1, 2, 1, null, 0, 0]);
    expect(col("degree_multiplex")).toEqual([2, 3, 1, null, 0, 0]);
    expect(col("core_number")).toEqual([1, 1, 1, null, 0, 0]);
    expect(col("isolate")).toEqual([false, false, false, null, true, true]);
    expect(col("component")).toEqual([1, 1, 1, null, 2, 1]);
    expect(col("component_size")).toEqual([3, 3, 3, null, 1, 1]);
    expect(col("betweenness")).toEqual([0, 1, 0, null, 0, 0]);
  });

  it("writes a single-choice categorical as its value, a multi-select as 0/1 per option, an ordinal as its code", () => {
    expect(col("sector")).toEqual(["health", "vcs", null, "health", "vcs", "vcs"]);
    expect(col("services_food")).toEqual([1, 0, 0, null, null, 1]);
    expect(col("services_debt")).toEqual([0, 0, 0, null, null, 1]);
    expect(col("closeness")).toEqual([3, 1, null, null, null, null]);
    const closeness = alters.columns.find((c) => c.id === "closeness")!;
    expect(closeness.level).toBe("ordinal");
    expect(closeness.valueLabels).toEqual([{ value: 3, label: "Very close" }, { value: 1, label: "Not close" }]);
    expect(alters.columns.find((c) => c.id === "services_debt")!.description).toBe("services: Debt advice");
  });

  it("same_sector: 1 in the ego's category, 0 outside it, null when the alter has none (d too: composition ignores exclusion)", () => {
    // e1 is health: a health → 1, b vcs → 0, c none → null, d health → 1, o vcs → 0; e2 is vcs: x vcs → 1.
    expect(col("same_sector")).toEqual([1, 0, null, 1, 0, 1]);
    expect(col("ego_sector")).toEqual(["health", "health", "health", "health", "health", "vcs"]);
  });

  it("writes the CSV from the stored lines (re-laid out for services' 0/1 columns) as toCsv writes the typed rows", () => {
    expect(csv[0]).toBe(toCsv(alters));
    expect(csv[1]).toBe(toCsv(ties));
  });

  it("counts its rows without reading them again", () => {
    expect(counts).toEqual([6, 2]);
  });

  it("ties.csv: one row per tie of G with a 0/1 column per edge type and the multiplex count", () => {
    expect(ties.columns.map((c) => c.id)).toEqual(["ego_id", "from", "to", "work", "advice", "multiplex"]);
    expect(ties.rows).toEqual([
      { ego_id: "e1", from: "A1", to: "A2", work: 1, advice: 1, multiplex: 2 },
      { ego_id: "e1", from: "A2", to: "A3", work: 1, advice: 0, multiplex: 1 },
    ]);
  });
});

describe("alterLevelTables: ties re-laid out", () => {
  it("an edge type the codebook lacks and a multi-select tie variable: the CSV from the lines equals toCsv of the typed rows", () => {
    const book = codebook();
    book.edge.work = { topics: { name: "topics", type: "categorical", options: [{ value: "food", label: "Food" }, { value: "debt", label: "Debt" }], role: "metadata" } };
    const plan = makeStudyPlan(book, {});
    const alterLevel = alterLevelSpec(book, plan, true);
    const spec: EgoRowSpec = { plan, groups: [], columns: [], tracked: [], open: [], alterLevel };
    const network = makeNetwork({ egoId: "e1", alters: ["a", "b", "c"], ties: [["a", "b", "work"], ["b", "c", "kin"], ["a", "c", "work"]] });
    network.ties[0]!.attributes = { topics: ["food", "debt"] };
    network.ties[2]!.attributes = { topics: [] };
    const store = new AlterLevelStore(alterLevel);
    const m = measureEgo(network, spec);
    const made = alterLevelTables({ store, egos: [{ row: m.row, index: store.add(m.alterLevel!) }], egoColumns: [] });
    const ties = tableOfStream(made.ties);
    expect(ties.columns.map((c) => c.id)).toEqual(["ego_id", "from", "to", "work", "advice", "kin", "multiplex", "topics_food", "topics_debt"]);
    expect(ties.rows.map((r) => [r.kin, r.topics_food, r.topics_debt])).toEqual([[0, 1, 1], [1, null, null], [0, 0, 0]]);
    expect([...csvChunks(made.ties)].join("")).toBe(toCsv(ties));
    expect([...csvChunks(made.alters)].join("")).toBe(toCsv(tableOfStream(made.alters)));
  });
});
