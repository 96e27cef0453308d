import type { Cell, Column, Table } from "../model/table.js";

/**
 * `ego-networks.graphml`: every ego's sociogram as one `<graph>` of a GraphML document, for networkx,
 * igraph, Gephi or yEd. Egos come in the order they first appear in `alters.rows`; an ego with no alter
 * rows has no graph (its ties, if any, are a caller's bug and throw). An ego whose alters are all off the
 * sociogram gets a graph with its ego data and no nodes.
 *
 * - Graph: `<graph id="<ego_id>" edgedefault="undirected">`, with the ego's `ego_…` columns (`ego_id` too,
 *   since readers drop the graph id) as graph data, read from its first alter row (they are the same on every row of one ego).
 * - Nodes: one `<node id="<alter_id>">` per alter row with `on_sociogram === true`; the other alters are
 *   not part of the sociogram and are left out. Every other alter column (not `ego_id`, `alter_id`,
 *   `on_sociogram` or the `ego_…` columns) is node data, `node_type` included.
 * - Edges: `<edge id="e<i>" source="<from>" target="<to>">` per ties row (i counts within the graph;
 *   networkx reads it as the edge attribute `id`); every column but `ego_id`, `from` and `to` is edge data.
 *
 * Keys are `d0, d1, …` (graph keys, then node keys, then edge keys, in column order), `attr.name` the
 * column id, `<desc>` the column's description or label. `attr.type` comes from the non-missing cells
 * the file holds for the column: all booleans `boolean`; all integers within int32 `int`; all safe
 * integers (|x| < 2⁵³) `long`; all numbers `double`; anything else (text, a mix of kinds, no values at all)
 * `string`. A missing cell (null, NaN, ±Infinity) writes no `<data>`: GraphML's missing value. Values are
 * `String(value)`: numbers at full precision in JavaScript's shortest round-trip form (`1e-7` and
 * `1.5e+300` stay in exponent form, which xs:double, networkx and igraph read; integers below 2⁵³ never
 * have one), booleans `true`/`false`. An empty string writes an empty `<data>` (networkx before 3.3
 * reads that as no value; igraph as "").
 *
 * Text is XML-escaped (`&`, `<`, `>`, `"`; also tab, line feed and carriage return in attributes and
 * carriage return in content, as character references, so readers do not normalise them away); characters
 * XML 1.0 cannot hold (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, lone surrogates, U+FFFE, U+FFFF)
 * become U+FFFD, the replacement character. Output is deterministic: the same tables give the same bytes.
 *
 * Alter labels repeat across egos (every ego has an "A1"), so node ids are unique within a graph but not
 * within the document, as the GraphML primer asks; networkx and igraph read graph by graph and do not
 * mind. Neither keeps the graph id; `networkx.read_graphml` returns the first graph only (its
 * GraphMLReader yields every graph, in document order), and igraph 0.10 reads only the first.
 *
 * Example: alters `{ ego_id: "E1", alter_id: "A1", node_type: "person", on_sociogram: true, ego_age: 40 }`
 * and `{ … alter_id: "A2" … }`, ties `{ ego_id: "E1", from: "A1", to: "A2", friend: 1 }` ⇒
 *
 *     <key id="d0" for="graph" attr.name="ego_age" attr.type="int"/>
 *     <key id="d1" for="node" attr.name="node_type" attr.type="string"/>
 *     <key id="d2" for="edge" attr.name="friend" attr.type="int"/>
 *     <graph id="E1" edgedefault="undirected">
 *       <data key="d0">40</data>
 *       <node id="A1">
 *         <data key="d1">person</data>
 *       </node>
 *       …
 *       <edge id="e0" source="A1" target="A2">
 *         <data key="d2">1</data>
 *       </edge>
 *     </graph>
 */
export function toGraphml(alters: Table, ties: Table): string {
  const chunks = [...graphmlChunks(alters, ties)];
  try {
    return chunks.join("");
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError("the GraphML document is longer than the longest string V8 can make: use toGraphmlBytes", { cause: error });
  }
}

/**
 * The same document as UTF-8 bytes, for studies whose GraphML passes the longest string V8 can make
 * (2²⁹ − 24 characters: some 90,000 egos of 8 alters with 13 alter columns and 12 ties), where toGraphml
 * throws. Encoded about a million characters at a time, so the text is never one string; up to the largest
 * Uint8Array (4 GiB in Node 20).
 */
export function toGraphmlBytes(alters: Table, ties: Table): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let batch: string[] = [];
  let batchLength = 0;
  let total = 0;
  const flush = () => {
    const bytes = encoder.encode(batch.join(""));
    parts.push(bytes);
    total += bytes.length;
    batch = [];
    batchLength = 0;
  };
  for (const chunk of graphmlChunks(alters, ties)) {
    batch.push(chunk);
    batchLength += chunk.length;
    if (batchLength >= 1 << 20) flush();
  }
  flush();
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The document in pieces: the header and keys, then one piece per ego's graph, then the end. */
function* graphmlChunks(alters: Table, ties: Table): Generator<string> {
  const egos = groupByEgo(alters, ties);
  const graphColumns = alters.columns.filter(isEgoColumn);
  const nodeColumns = alters.columns.filter((c) => !ALTER_STRUCTURE.has(c.id) && !isEgoColumn(c));
  const edgeColumns = ties.columns.filter((c) => !TIE_STRUCTURE.has(c.id));
  const graphKeys = typedKeys(graphColumns, egos.map((ego) => ego.first), 0);
  const nodeKeys = typedKeys(nodeColumns, egos.flatMap((ego) => ego.nodes), graphKeys.length);
  const edgeKeys = typedKeys(edgeColumns, ties.rows, graphKeys.length + nodeKeys.length);

  const head: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_XSD}">`,
  ];
  for (const [domain, keys] of [["graph", graphKeys], ["node", nodeKeys], ["edge", edgeKeys]] as const) {
    for (const key of keys) head.push(keyElement(domain, key));
  }
  yield head.join("\n") + "\n";
  for (const ego of egos) {
    const out = [`  <graph id="${escapeAttribute(ego.id)}" edgedefault="undirected">`];
    pushData(out, graphKeys, ego.first, "    ");
    for (const row of ego.nodes) {
      pushElement(out, `<node id="${escapeAttribute(String(row.alter_id))}"`, "node", nodeKeys, row);
    }
    ego.ties.forEach((row, i) => {
      const ends = `source="${escapeAttribute(String(row.from))}" target="${escapeAttribute(String(row.to))}"`;
      pushElement(out, `<edge id="e${i}" ${ends}`, "edge", edgeKeys, row);
    });
    out.push("  </graph>", "");
    yield out.join("\n");
  }
  yield "</graphml>\n";
}

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const GRAPHML_XSD = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/** Alter columns that are the graph's structure, not node data. */
const ALTER_STRUCTURE = new Set(["ego_id", "alter_id", "on_sociogram"]);
/** Tie columns that are the graph's structure, not edge data. */
const TIE_STRUCTURE = new Set(["ego_id", "from", "to"]);

/** An ego variable: graph data, read from the ego's first alter row. */
function isEgoColumn(column: Column): boolean {
  // ego_id too: networkx and igraph drop the graph's id, so the ego is also graph data.
  return column.id.startsWith("ego_");
}

type Row = Record<string, Cell>;

interface EgoRows {
  id: string;
  /** The ego's first alter row, on the sociogram or not: where its ego variables are read. */
  first: Row;
  /** Alter rows on the sociogram, in input order. */
  nodes: Row[];
  ties: Row[];
}

/** The egos in order of first appearance in `alters.rows`, each with its sociogram alters and its ties. */
function groupByEgo(alters: Table, ties: Table): EgoRows[] {
  const byId = new Map<string, EgoRows & { nodeIds: Set<string> }>();
  for (const row of alters.rows) {
    const egoId = requiredText(row, "ego_id", "an alter row");
    let ego = byId.get(egoId);
    if (ego === undefined) {
      ego = { id: egoId, first: row, nodes: [], ties: [], nodeIds: new Set() };
      byId.set(egoId, ego);
    }
    if (row.on_sociogram !== true) continue;
    const alterId = requiredText(row, "alter_id", `an alter row of ego ${egoId}`);
    if (ego.nodeIds.has(alterId)) throw new Error(`bug: alter ${alterId} of ego ${egoId} is on the sociogram twice`);
    ego.nodeIds.add(alterId);
    ego.nodes.push(row);
  }
  for (const row of ties.rows) {
    const egoId = requiredText(row, "ego_id", "a tie row");
    const ego = byId.get(egoId);
    if (ego === undefined) throw new Error(`bug: ego ${egoId} has ties but no alter rows`);
    for (const end of ["from", "to"]) {
      const alterId = requiredText(row, end, `a tie row of ego ${egoId}`);
      if (!ego.nodeIds.has(alterId)) {
        throw new Error(`bug: a tie of ego ${egoId} names alter ${alterId}, which is not on its sociogram`);
      }
    }
    ego.ties.push(row);
  }
  return [...byId.values()].map(({ id, first, nodes, ties: egoTies }) => ({ id, first, nodes, ties: egoTies }));
}

/** A structure cell (an id or end label) as text; a missing one is a caller's bug. */
function requiredText(row: Row, column: string, what: string): string {
  const value = row[column];
  if (value === null || value === undefined) throw new Error(`bug: ${what} has no ${column}`);
  return String(value);
}

type GraphmlType = "boolean" | "int" | "long" | "double" | "string";

interface Key {
  id: string;
  column: Column;
  type: GraphmlType;
}

/** Keys `d<first>, d<first+1>, …` for the columns, typed from the cells of `rows`. */
function typedKeys(columns: Column[], rows: Row[], first: number): Key[] {
  return columns.map((column, i) => ({ id: `d${first + i}`, column, type: graphmlType(rows, column.id) }));
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The narrowest GraphML type that holds every non-missing cell of the column. */
function graphmlType(rows: Row[], id: string): GraphmlType {
  let booleans = false;
  let numbers = false;
  let long = false;
  let double = false;
  for (const row of rows) {
    const value = row[id];
    if (isMissing(value)) continue;
    if (typeof value === "boolean") booleans = true;
    else if (typeof value === "number") {
      numbers = true;
      if (!Number.isSafeInteger(value)) double = true;
      else if (value < INT32_MIN || value > INT32_MAX) long = true;
    } else return "string";
    if (booleans && numbers) return "string";
  }
  if (booleans) return "boolean";
  if (!numbers) return "string";
  return double ? "double" : long ? "long" : "int";
}

/** Null, undefined (a row without the column), NaN and ±Infinity: no `<data>` element. */
function isMissing(value: Cell | undefined): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value));
}

function keyElement(domain: "graph" | "node" | "edge", key: Key): string {
  const open = `  <key id="${key.id}" for="${domain}" attr.name="${escapeAttribute(key.column.id)}" attr.type="${key.type}"`;
  const desc = key.column.description ?? key.column.label;
  return desc === undefined ? `${open}/>` : `${open}><desc>${escapeText(desc)}</desc></key>`;
}

/** A node or edge: self-closing when it has no data. */
function pushElement(out: string[], open: string, name: string, keys: Key[], row: Row): void {
  if (!keys.some((key) => !isMissing(row[key.column.id]))) {
    out.push(`    ${open}/>`);
    return;
  }
  out.push(`    ${open}>`);
  pushData(out, keys, row, "      ");
  out.push(`    </${name}>`);
}

function pushData(out: string[], keys: Key[], row: Row, indent: string): void {
  for (const key of keys) {
    const value = row[key.column.id];
    if (isMissing(value)) continue;
    const text = typeof value === "string" ? escapeText(value) : String(value);
    out.push(`${indent}<data key="${key.id}">${text}</data>`);
  }
}

/** Characters XML 1.0 cannot hold, even as character references. */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/** Anything either escape may change (surrogates too, paired or not): text without one is written as is. */
const MAY_NEED_ESCAPE = /[&<>"\x00-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_SPECIAL = /[&<>"\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Element content: `&`, `<`, `>`, `"` and carriage return (a reader turns a raw one into a line feed). */
function escapeText(text: string): string {
  if (!MAY_NEED_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, "\uFFFD").replace(TEXT_SPECIAL, (c) => ENTITIES[c]);
}

/** A quoted attribute value: also tab and line feed, which a reader turns into spaces. */
function escapeAttribute(text: string): string {
  if (!MAY_NEED_ESCAPE.test(text)) return text;
  return text.replace(NOT_XML, "\uFFFD").replace(ATTRIBUTE_SPECIAL, (c) => ENTITIES[c]);
}
