import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseXmlIn, type XmlElement } from "../report/parse-svg.js";
import type { Cell, Table } from "../../src/model/index.js";
import { toGraphml, toGraphmlBytes } from "../../src/tables/index.js";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const PYTHON = "/usr/bin/python3";
const INSTALL = "apt-get install -y python3-networkx";
const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), "read-graphml-networkx.py");

/** Text needing escapes, and characters XML 1.0 cannot hold (NUL, BEL, a lone surrogate, U+FFFF). */
const ESCAPED = `<a & "b">`;
const CONTROL = "\u0000bell\u0007 \uD800 \uFFFF end";
const CONTROL_READ = "\uFFFDbell\uFFFD \uFFFD \uFFFD end";
const LINES = "tab\there\r\nnext line\rend ";
const WEIRD = `note <"q"> & \t\n x`;
const EGO2 = `E&2 <"x">\t`;

const ALTERS: Table = {
  name: "alters",
  columns: [
    { id: "ego_id", description: "Ego" },
    { id: "alter_id", description: "Alter" },
    { id: "node_type", description: "Node type" },
    { id: "on_sociogram" },
    { id: "name", label: "Name" },
    { id: "age" },
    { id: "score", label: "Score", description: "A score <0–1> & more" },
    { id: "is_kin" },
    { id: "big" },
    { id: "huge" },
    { id: "degree" },
    { id: "core_number" },
    { id: "isolate" },
    { id: "component" },
    { id: "component_size" },
    { id: "betweenness" },
    { id: "same_gender" },
    { id: "mixed" },
    { id: "empty_col" },
    { id: WEIRD, description: `desc "${ESCAPED}"` },
    { id: "ego_deprivation" },
    { id: "ego_caseload" },
    { id: "ego_group" },
  ],
  rows: [],
};

type Values = Record<string, Cell>;
const alter = (ego: string, id: string, onSociogram: boolean, values: Values): Values => ({
  ego_id: ego,
  alter_id: id,
  node_type: "person",
  on_sociogram: onSociogram,
  ...values,
});
const E1 = { ego_deprivation: 0.1 + 0.2, ego_caseload: 12, ego_group: ESCAPED };
const E2 = { ego_deprivation: 1e-7, ego_caseload: -3, ego_group: "" };
const E3 = { ego_deprivation: null, ego_caseload: 0, ego_group: CONTROL };
// Rows of E1 and E2 interleave: graphs come in the order egos first appear.
ALTERS.rows = [
  alter("E1", "A1", true, { name: ESCAPED, age: 34, score: 0.1 + 0.2, is_kin: true, big: 2 ** 40, huge: 1e21, degree: 1, core_number: 1, isolate: false, component: 1, component_size: 3, betweenness: 0, same_gender: true, mixed: 1.5, empty_col: null, [WEIRD]: "w", ...E1 }),
  alter("E1", "A2", true, { name: CONTROL, age: null, score: 1e-7, is_kin: null, big: -(2 ** 31) - 1, huge: 2 ** 53, degree: 2, core_number: 1, isolate: false, component: 1, component_size: 3, betweenness: 1, same_gender: null, mixed: "x", empty_col: null, [WEIRD]: null, ...E1 }),
  alter(EGO2, "A1", true, { name: "Zoë 🙂", age: 2 ** 31 - 1, score: 1.5e300, is_kin: false, big: 3, huge: 7, degree: 1, core_number: 1, isolate: false, component: 1, component_size: 2, betweenness: 1 / 3, same_gender: false, mixed: true, empty_col: Number.NaN, [WEIRD]: "", ...E2 }),
  alter("E1", "A3", true, { name: LINES, age: -(2 ** 31), score: 1, is_kin: null, big: null, huge: null, degree: 1, core_number: 1, isolate: false, component: 1, component_size: 3, betweenness: 0, same_gender: false, mixed: null, empty_col: null, [WEIRD]: null, ...E1 }),
  alter("E1", "A4", true, { name: "", age: 0, score: Number.NaN, is_kin: true, big: 0, huge: -0.5, degree: 0, core_number: 0, isolate: true, component: 2, component_size: 1, betweenness: 0, same_gender: null, mixed: null, empty_col: null, [WEIRD]: null, ...E1 }),
  alter("E1", "A5", false, { name: "off the sociogram", age: 99, score: 0.5, is_kin: false, big: 1, huge: 1, degree: null, core_number: null, isolate: null, component: null, component_size: null, betweenness: null, same_gender: true, mixed: "off", empty_col: null, [WEIRD]: "off", ...E1 }),
  alter(EGO2, "A2", true, { name: "b", age: 5, score: -2.5, is_kin: true, big: -7, huge: 0, degree: 1, core_number: 1, isolate: false, component: 1, component_size: 2, betweenness: 0, same_gender: null, mixed: null, empty_col: Number.POSITIVE_INFINITY, [WEIRD]: ESCAPED, ...E2 }),
  alter(EGO2, "A3", true, { name: "c", age: 6, score: 0.5, is_kin: false, big: 8, huge: 1.5, degree: 1, core_number: 1, isolate: false, component: 1, component_size: 2, betweenness: 0, same_gender: true, mixed: null, empty_col: null, [WEIRD]: null, ...E2 }),
  alter("E3", "A1", false, { name: "only alter, off", age: 1, score: 1, is_kin: true, big: 1, huge: 1, degree: null, core_number: null, isolate: null, component: null, component_size: null, betweenness: null, same_gender: null, mixed: null, empty_col: null, [WEIRD]: null, ...E3 }),
];

const TIES: Table = {
  name: "ties",
  columns: [
    { id: "ego_id" },
    { id: "from" },
    { id: "to" },
    { id: "friend", description: "Tied by friend" },
    { id: "work", description: "Tied by work" },
    { id: "multiplex", description: "Edge types tying the pair" },
    { id: "strength" },
    { id: "since" },
    { id: "ego_rated" },
  ],
  rows: [
    { ego_id: "E1", from: "A1", to: "A2", friend: 1, work: 1, multiplex: 2, strength: 0.75, since: `2019 ${ESCAPED}`, ego_rated: true },
    { ego_id: "E1", from: "A2", to: "A3", friend: 1, work: 0, multiplex: 1, strength: null, since: "", ego_rated: null },
    { ego_id: EGO2, from: "A2", to: "A1", friend: 0, work: 1, multiplex: 1, strength: 1e-7, since: CONTROL, ego_rated: false },
  ],
};

/** The attr.type each column must get, spelled out (not recomputed): the rules of the writer. */
const NODE_TYPES: Record<string, string> = {
  node_type: "string",
  name: "string",
  age: "int",
  score: "double",
  is_kin: "boolean",
  big: "long",
  huge: "double",
  degree: "int",
  core_number: "int",
  isolate: "boolean",
  component: "int",
  component_size: "int",
  betweenness: "double",
  same_gender: "boolean",
  mixed: "string",
  empty_col: "string",
  [WEIRD]: "string",
};
const GRAPH_TYPES: Record<string, string> = { ego_id: "string", ego_deprivation: "double", ego_caseload: "int", ego_group: "string" };
const EDGE_TYPES: Record<string, string> = { friend: "int", work: "int", multiplex: "int", strength: "double", since: "string", ego_rated: "boolean" };
const PYTHON_TYPE: Record<string, string> = { string: "str", int: "int", long: "int", double: "float", boolean: "bool" };

type Typed = [string, unknown];
interface ReadGraph {
  id: string;
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, Typed>;
  nodes: Array<[string, Record<string, Typed>]>;
  edges: Array<[string, string, Record<string, Typed>]>;
}
interface NetworkxRead {
  graphs: ReadGraph[];
  readerGraphs: number;
  firstGraphNodes: string[];
  /** networkx 3.3 and later read an empty <data> as ""; earlier ones (Debian 12's 2.8.8) as no value. */
  emptyDataKept: boolean;
}

/** What networkx gives for a row: each present cell as [python type, value]; missing is absent, "" too before networkx 3.3. */
function expectedAttributes(row: Values, types: Record<string, string>, emptyDataKept: boolean): Record<string, Typed> {
  const out: Record<string, Typed> = {};
  for (const [id, type] of Object.entries(types)) {
    const value = row[id];
    if (value === null || (value === "" && !emptyDataKept) || (typeof value === "number" && !Number.isFinite(value))) continue;
    const python = PYTHON_TYPE[type];
    out[id] = [python, python === "str" ? (value === CONTROL ? CONTROL_READ : String(value)) : value];
  }
  return out;
}

/** Reads the file with Debian's networkx; fails (never skips) saying what to install. */
function readWithNetworkx(file: string): NetworkxRead {
  const result = spawnSync(PYTHON, [READER, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const missing =
    (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" || /No module named '?networkx/.test(result.stderr ?? "");
  if (missing) throw new Error(`${PYTHON} with networkx is needed to read the GraphML back. Install it: ${INSTALL} (.ci/run must)`);
  if (result.status !== 0) throw new Error(`${PYTHON} ${READER} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  return JSON.parse(result.stdout) as NetworkxRead;
}

/** Parses with saxes (strict, namespace-aware): throws on anything not well-formed or outside GraphML's namespace. */
const parseXml = (xml: string): XmlElement => parseXmlIn(xml, GRAPHML_NS, "GraphML");

const all = (root: XmlElement, name: string): XmlElement[] => [
  ...(root.name === name ? [root] : []),
  ...root.children.flatMap((c) => all(c, name)),
];

describe("toGraphml: ego-networks.graphml", () => {
  let dir: string;
  let xml: string;
  let read: NetworkxRead;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "netsp-graphml-"));
    xml = toGraphml(ALTERS, TIES);
    const file = path.join(dir, "ego-networks.graphml");
    writeFileSync(file, xml);
    read = readWithNetworkx(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("networkx reads one undirected graph per ego with alter rows, in order of first appearance, ids exact", () => {
    expect(read.graphs.map((g) => g.id)).toEqual(["E1", EGO2, "E3"]);
    expect(read.graphs.map((g) => [g.directed, g.multigraph])).toEqual([[false, false], [false, false], [false, false]]);
    expect(read.readerGraphs).toBe(3);
    // read_graphml gives the first graph only.
    expect(read.firstGraphNodes).toEqual(["A1", "A2", "A3", "A4"]);
  });

  it("graph attributes: the ego_ columns of the ego's first alter row, typed", () => {
    const egoRows = [{ ego_id: "E1", ...E1 }, { ego_id: EGO2, ...E2 }, { ego_id: "E3", ...E3 }];
    expect(read.graphs.map((g) => g.graph)).toEqual(egoRows.map((e) => expectedAttributes(e, GRAPH_TYPES, read.emptyDataKept)));
    expect(read.graphs[0].graph.ego_deprivation).toEqual(["float", 0.30000000000000004]);
    expect(read.graphs[1].graph.ego_deprivation).toEqual(["float", 1e-7]);
    expect(read.graphs[2].graph.ego_deprivation).toBeUndefined();
  });

  it("nodes: the alters on the sociogram (isolates too), every other column as a typed attribute", () => {
    const egoIds = ["E1", EGO2, "E3"];
    read.graphs.forEach((g, i) => {
      const rows = ALTERS.rows.filter((r) => r.ego_id === egoIds[i] && r.on_sociogram === true);
      expect(g.nodes).toEqual(rows.map((r) => [r.alter_id, expectedAttributes(r, NODE_TYPES, read.emptyDataKept)]));
    });
    expect(read.graphs[2].nodes).toEqual([]);
    const e1 = Object.fromEntries(read.graphs[0].nodes);
    expect(e1.A1.big).toEqual(["int", 2 ** 40]);
    expect(e1.A1.huge).toEqual(["float", 1e21]);
    expect(e1.A2.score).toEqual(["float", 1e-7]);
    expect(e1.A3.score).toEqual(["float", 1]);
    expect(e1.A3.name).toEqual(["str", LINES]);
    expect(e1.A4.isolate).toEqual(["bool", true]);
    expect(e1.A4.name).toEqual(read.emptyDataKept ? ["str", ""] : undefined);
    expect(e1.A1.mixed).toEqual(["str", "1.5"]);
    expect(Object.fromEntries(read.graphs[1].nodes).A1.score).toEqual(["float", 1.5e300]);
    expect(Object.fromEntries(read.graphs[1].nodes).A1.mixed).toEqual(["str", "true"]);
  });

  it("edges: one per ties row with every other column typed, and the edge id", () => {
    const egoIds = ["E1", EGO2, "E3"];
    read.graphs.forEach((g, i) => {
      const rows = TIES.rows.filter((r) => r.ego_id === egoIds[i]);
      const byId = (edges: Array<[string, string, Record<string, Typed>]>) =>
        Object.fromEntries(edges.map(([u, v, data]) => [String(data.id?.[1]), { ends: [u, v].sort(), data }]));
      const expected = rows.map((r, k): [string, string, Record<string, Typed>] => [
        String(r.from),
        String(r.to),
        { ...expectedAttributes(r, EDGE_TYPES, read.emptyDataKept), id: ["str", `e${k}`] },
      ]);
      expect(byId(g.edges)).toEqual(byId(expected));
    });
    expect(read.graphs[0].edges.find(([, , d]) => d.id[1] === "e0")?.[2].multiplex).toEqual(["int", 2]);
  });

  it("keys: one per column and domain, attr.name exact, attr.type by the rules, desc from description ?? label", () => {
    const root = parseXml(xml);
    expect([root.name, root.uri]).toEqual(["graphml", GRAPHML_NS]);
    expect(root.attributes["xsi:schemaLocation"]).toBe(`${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`);
    expect(all(root, "key").length).toBe(27);
    expect(root.children.every((c) => c.uri === GRAPHML_NS)).toBe(true);
    const keys = all(root, "key").map((k) => ({
      id: k.attributes.id,
      for: k.attributes.for,
      name: k.attributes["attr.name"],
      type: k.attributes["attr.type"],
      desc: k.children.find((c) => c.name === "desc")?.text,
    }));
    const columnDesc = (table: Table, id: string) => {
      const c = table.columns.find((col) => col.id === id)!;
      return c.description ?? c.label;
    };
    const expected = [
      ...Object.entries(GRAPH_TYPES).map(([name, type]) => ({ for: "graph", name, type, desc: columnDesc(ALTERS, name) })),
      ...Object.entries(NODE_TYPES).map(([name, type]) => ({ for: "node", name, type, desc: columnDesc(ALTERS, name) })),
      ...Object.entries(EDGE_TYPES).map(([name, type]) => ({ for: "edge", name, type, desc: columnDesc(TIES, name) })),
    ].map((k, i) => ({ id: `d${i}`, ...k }));
    expect(keys).toEqual(expected);
    expect(keys.find((k) => k.name === "score")?.desc).toBe("A score <0–1> & more");
  });

  it("writes no <data> for null, NaN or Infinity, an empty <data> for an empty string", () => {
    const root = parseXml(xml);
    const data = all(root, "data");
    const empties = data.filter((d) => d.text === "");
    // "" cells: E2's ego_group (graph), E1 A4's name, E2 A1's WEIRD, E1's second tie's since.
    expect(empties.length).toBe(4);
    const present = (rows: Values[], ids: string[]) =>
      rows.flatMap((r) => ids.map((id) => r[id])).filter((v) => v !== null && !(typeof v === "number" && !Number.isFinite(v))).length;
    const onSociogram = ALTERS.rows.filter((r) => r.on_sociogram === true);
    const firstRows = [ALTERS.rows[0], ALTERS.rows[2], ALTERS.rows[8]];
    const expected =
      present(firstRows, Object.keys(GRAPH_TYPES)) + present(onSociogram, Object.keys(NODE_TYPES)) + present(TIES.rows, Object.keys(EDGE_TYPES));
    expect(data.length).toBe(expected);
    expect(xml).not.toMatch(/NaN|Infinity/);
    // Numbers in JavaScript's shortest form; the exponent forms are ones networkx (above) reads.
    expect(xml).toContain(">1e-7<");
    expect(xml).toContain(">1.5e+300<");
    expect(xml).toContain(">0.30000000000000004<");
  });

  it("escapes text and attributes, carriage returns and whitespace in attributes included", () => {
    expect(xml).toContain(`attr.name="note &lt;&quot;q&quot;&gt; &amp; &#9;&#10; x"`);
    expect(xml).toContain(`<graph id="E&amp;2 &lt;&quot;x&quot;&gt;&#9;" edgedefault="undirected">`);
    expect(xml).toContain(`>tab\there&#13;\nnext line&#13;end </data>`);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFF]/);
    expect(xml).toContain(CONTROL_READ);
  });

  it("off-sociogram alters are left out; an ego with no alter rows has no graph", () => {
    expect(xml).not.toContain("off the sociogram");
    const withoutE3 = toGraphml({ ...ALTERS, rows: ALTERS.rows.filter((r) => r.ego_id !== "E3") }, TIES);
    expect(parseXml(withoutE3).children.filter((c) => c.name === "graph").map((g) => g.attributes.id)).toEqual(["E1", EGO2]);
  });

  it("is deterministic, and ends with a newline", () => {
    expect(toGraphml(ALTERS, TIES)).toBe(xml);
    expect(xml.endsWith("</graphml>\n")).toBe(true);
  });

  it("toGraphmlBytes: the same document as UTF-8, also when it is encoded in several batches", () => {
    expect(Buffer.from(toGraphmlBytes(ALTERS, TIES)).equals(Buffer.from(xml, "utf8"))).toBe(true);
    // Egos with a 300,000-character text each: batches of about 2²⁰ characters.
    const rows = Array.from({ length: 8 }, (_, i) => ({ ...ALTERS.rows[0], ego_id: `B${i}`, name: `${i}ë`.repeat(150_000) }));
    const big = { ...ALTERS, rows };
    const text = toGraphml(big, { ...TIES, rows: [] });
    expect(text.length).toBeGreaterThan(2_400_000);
    expect(Buffer.from(toGraphmlBytes(big, { ...TIES, rows: [] })).equals(Buffer.from(text, "utf8"))).toBe(true);
  });

  it("a small document, exactly", () => {
    const alters: Table = {
      name: "alters",
      columns: [{ id: "ego_id" }, { id: "alter_id" }, { id: "node_type" }, { id: "on_sociogram" }, { id: "ego_age", label: "Age" }],
      rows: [
        { ego_id: "E1", alter_id: "A1", node_type: "person", on_sociogram: true, ego_age: 40 },
        { ego_id: "E1", alter_id: "A2", node_type: null, on_sociogram: true, ego_age: 40 },
      ],
    };
    const ties: Table = { name: "ties", columns: [{ id: "ego_id" }, { id: "from" }, { id: "to" }, { id: "friend" }], rows: [{ ego_id: "E1", from: "A1", to: "A2", friend: 1 }] };
    expect(toGraphml(alters, ties)).toBe(
      [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
        `  <key id="d0" for="graph" attr.name="ego_id" attr.type="string"/>`,
        `  <key id="d1" for="graph" attr.name="ego_age" attr.type="int"><desc>Age</desc></key>`,
        `  <key id="d2" for="node" attr.name="node_type" attr.type="string"/>`,
        `  <key id="d3" for="edge" attr.name="friend" attr.type="int"/>`,
        `  <graph id="E1" edgedefault="undirected">`,
        `    <data key="d0">E1</data>`,
        `    <data key="d1">40</data>`,
        `    <node id="A1">`,
        `      <data key="d2">person</data>`,
        `    </node>`,
        `    <node id="A2"/>`,
        `    <edge id="e0" source="A1" target="A2">`,
        `      <data key="d3">1</data>`,
        `    </edge>`,
        `  </graph>`,
        `</graphml>`,
        ``,
      ].join("\n"),
    );
  });

  it("throws on a caller's bug: a tie to an alter off the sociogram, ties of an ego without alters, an alter twice", () => {
    const tie = (row: Values) => ({ ...TIES, rows: [row] });
    expect(() => toGraphml(ALTERS, tie({ ego_id: "E1", from: "A1", to: "A5" }))).toThrow(/alter A5, which is not on its sociogram/);
    expect(() => toGraphml(ALTERS, tie({ ego_id: "E9", from: "A1", to: "A2" }))).toThrow(/ego E9 has ties but no alter rows/);
    expect(() => toGraphml({ ...ALTERS, rows: [...ALTERS.rows, ALTERS.rows[0]] }, TIES)).toThrow(/alter A1 of ego E1 is on the sociogram twice/);
  });
});
