import { describe, expect, it } from "vitest";
import type { Attributes, Codebook, EgoNetwork, Variable } from "../../src/model/index.js";
import { describeEgos, starterConfig } from "../../src/study/describe-study.js";

const at = { file: "memory", line: 1 };

/** One interview: ego attributes, alters as [id, node type, attributes, layout?], ties as [type, attributes]. */
function network(
  egoId: string,
  ego: Attributes,
  alters: Array<[string, string, Attributes, Record<string, { x: number; y: number }>?]> = [],
  ties: Array<[string, Attributes]> = [],
): EgoNetwork {
  return {
    ego: { egoId, attributes: ego, meta: {}, source: at },
    alters: alters.map(([alterId, nodeType, attributes, layout]) => ({ egoId, alterId, nodeType, attributes, ...(layout ? { layout } : {}), source: at })),
    ties: ties.map(([edgeType, attributes], i) => ({ egoId, sourceId: alters[0][0], targetId: alters[i + 1]?.[0] ?? alters[0][0], edgeType, attributes, source: at })),
  };
}

async function* stream(networks: EgoNetwork[]): AsyncIterable<EgoNetwork> {
  for (const n of networks) yield n;
}

const options = (...values: string[]) => values.map((value) => ({ value, label: value }));
const set = (...variables: Variable[]) => Object.fromEntries(variables.map((v) => [v.name, v]));

const codebook: Codebook = {
  source: "inferred",
  ego: set(
    { name: "area", type: "categorical", options: [{ value: "n", label: "North" }, { value: "s", label: "South" }, { value: "e", label: "East" }], role: "group", source: "inferred" },
    { name: "size", type: "ordinal", options: options("small", "large"), source: "protocol" },
    { name: "employed", type: "boolean" },
    { name: "age", type: "number", source: "inferred" },
    { name: "wellbeing", type: "scalar" },
    { name: "mood", type: "scalar", note: "read as a 0–1 slider from its key" },
    { name: "phone", type: "text" },
    { name: "dob", type: "datetime" },
    { name: "code", type: "categorical", options: options("a", "b"), role: "identifying" },
    { name: "odd", type: "unknown", source: "inferred" },
  ),
  node: {
    Place: set({ name: "kind", type: "categorical", options: options("shop") }),
    Person: set(
      { name: "name", type: "text", role: "identifying", source: "inferred" },
      { name: "close", type: "boolean" },
      { name: "layout", type: "layout" },
    ),
  },
  edge: { knows: set({ name: "weight", type: "number" }), family: {} },
};

const networks = [
  network(
    "e1",
    { area: ["n", "s"], size: "large", employed: true, age: 30, wellbeing: 0.25, mood: 1, phone: "07700 900142", dob: "1988-04-17", code: ["a"], odd: "Marisol" },
    [
      ["p1", "Person", { name: "Marisol Quennell", close: true }, { layout: { x: 0.1, y: 0.2 } }],
      ["p2", "Person", { name: "Tobiah Wrenfield", close: null }],
      ["x1", "Place", { kind: ["shop"] }],
    ],
    [["knows", { weight: 2 }], ["knows", { weight: null }]],
  ),
  network("e2", { area: [], size: "medium", employed: false, age: 51.5, wellbeing: null, phone: null, dob: null, code: ["b"], odd: null }),
  network("e3", { area: ["s", "w"], size: null, employed: null, age: null, wellbeing: 0.75, phone: "07700 900387", dob: "1995-12-02", code: [], odd: 3 }),
];

const described = await describeEgos(codebook, stream(networks));
const entity = (name: string) => described.entities.find((e) => e.entity === name)!;
const variable = (e: string, name: string) => entity(e).variables.find((v) => v.name === name)!;

describe("describeEgos", () => {
  it("lists ego, then node types, then edge types (each sorted), variables in codebook order, with how many records each has", () => {
    expect(described.entities.map((e) => [e.entity, e.kind, e.n])).toEqual([
      ["ego", "ego", 3],
      ["Person", "node", 2],
      ["Place", "node", 1],
      ["family", "edge", 0],
      ["knows", "edge", 2],
    ]);
    expect(entity("ego").variables.map((v) => v.name)).toEqual(["area", "size", "employed", "age", "wellbeing", "mood", "phone", "dob", "code", "odd"]);
  });

  it("categorical: every chosen option counted, declared options in order (0 when unseen), then unlisted values; an empty list is 'none chosen', not missing", () => {
    expect(variable("ego", "area")).toEqual({
      name: "area",
      type: "categorical",
      role: "group",
      source: "inferred",
      levels: [
        { value: "n", label: "North", n: 1 },
        { value: "s", label: "South", n: 2 },
        { value: "e", label: "East", n: 0 },
        { value: "w", label: "w", n: 1, unlisted: true },
      ],
      n: 3,
      noneChosen: 1,
      missing: 0,
      note: null,
    });
  });

  it("ordinal and boolean: every level with n; a boolean without options has true and false; role and source as the model has them", () => {
    expect(variable("ego", "size")).toMatchObject({
      levels: [
        { value: "small", label: "small", n: 0 },
        { value: "large", label: "large", n: 1 },
        { value: "medium", label: "medium", n: 1, unlisted: true },
      ],
      n: 2,
      missing: 1,
      role: null,
      source: "protocol",
    });
    expect(variable("ego", "size")).not.toHaveProperty("noneChosen");
    expect(variable("ego", "employed")).toMatchObject({ levels: [{ value: "true", n: 1 }, { value: "false", n: 1 }], n: 2, missing: 1, source: null });
  });

  it("numbers: n, min and max, no levels; a scalar is a number noted as a slider, unless it has a note of its own", () => {
    expect(variable("ego", "age")).toEqual({ name: "age", type: "number", role: null, source: "inferred", levels: [], n: 2, min: 30, max: 51.5, missing: 1, note: null });
    expect(variable("ego", "wellbeing")).toMatchObject({ type: "number", n: 2, min: 0.25, max: 0.75, missing: 1, note: "slider (0–1)" });
    expect(variable("ego", "mood")).toMatchObject({ type: "number", note: "read as a 0–1 slider from its key", missing: 2 });
    expect(variable("knows", "weight")).toMatchObject({ n: 1, min: 2, max: 2, missing: 1 });
  });

  it("text, datetime, unknown and identifying variables: counts only, never a value", () => {
    for (const name of ["phone", "dob", "code", "odd"]) {
      const v = variable("ego", name);
      expect(Object.keys(v), name).toEqual(["name", "type", "role", "source", "levels", "n", "missing", "note"]);
      expect(v.levels, name).toEqual([]);
    }
    expect(variable("ego", "phone")).toMatchObject({ n: 2, missing: 1 });
    expect(variable("ego", "code")).toMatchObject({ type: "categorical", n: 3, missing: 0 });
    expect(variable("Person", "name")).toMatchObject({ n: 2, missing: 0 });
    const text = JSON.stringify(described);
    for (const value of ["07700", "1988", "1995", "Marisol", "Tobiah", '"a"', '"b"']) expect(text).not.toContain(value);
  });

  it("node and edge variables are counted per record of their own type; layout counts the alters with a position", () => {
    expect(variable("Person", "close")).toMatchObject({ levels: [{ value: "true", n: 1 }, { value: "false", n: 0 }], n: 1, missing: 1 });
    expect(variable("Person", "layout")).toMatchObject({ type: "layout", levels: [], n: 1, missing: 1 });
    expect(variable("Place", "kind")).toMatchObject({ levels: [{ value: "shop", n: 1 }], n: 1, noneChosen: 0 });
  });
});

describe("starterConfig", () => {
  it("declares every inferred variable: type, options or levels with their labels, the role when identifying; unknown types get an entry to fill in", () => {
    const inferred: Codebook = {
      source: "inferred",
      ego: set(
        { name: "area", type: "categorical", options: [{ value: "n", label: "North" }, { value: "s", label: "s" }], source: "inferred", role: "group" },
        { name: "size", type: "ordinal", options: [{ value: "lo", label: "Low" }, { value: "hi", label: "hi" }], source: "graphml" },
        { name: "age", type: "number", source: "protocol" },
        { name: "odd", type: "unknown", source: "inferred" },
        { name: "made", type: "boolean" },
      ),
      node: { Person: set({ name: "name", type: "text", source: "inferred", role: "identifying" }, { name: "w", type: "scalar", source: "graphml", label: "Weight" }) },
      edge: { knows: set({ name: "kind", type: "boolean", source: "config" }) },
    };
    const { config, declared } = starterConfig(inferred, { groups: { area: {} }, variables: { "ego.area": { type: "text" } } });
    expect(declared).toBe(4);
    expect(config).toEqual({
      groups: { area: {} },
      variables: {
        "ego.area": { type: "text" },
        "ego.size": { type: "ordinal", levels: ["lo", "hi"], labels: { lo: "Low" } },
        "ego.odd": {},
        "Person.name": { type: "text", role: "identifying" },
        "Person.w": { type: "scalar", label: "Weight" },
      },
    });
    const categorical = starterConfig(inferred, {}).config.variables!["ego.area"];
    expect(categorical).toEqual({ type: "categorical", options: [{ value: "n", label: "North" }, "s"] });
  });
});
