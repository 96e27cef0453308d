import type { SaxesTagPlain } from "saxes";
import { lazyModule } from "../lazy-module.js";

const saxes = lazyModule<typeof import("saxes")>("saxes");
import { InputError } from "../errors.js";
import type { ProblemSink } from "../model/index.js";
import type { SourceFile } from "./source-file.js";

/**
 * Streaming GraphML reading with saxes: keys, then one `<graph>` at a time. No DOM of the file is ever
 * built; memory is one graph plus one read chunk. Hardened against hostile files: DOCTYPE (and so ENTITY
 * declarations, the "billion laughs" attack) is refused, saxes expands no external entities, element
 * nesting is limited, text must be UTF-8, and every XML error names file:line:column.
 */

/** Deepest element nesting accepted. Network Canvas GraphML needs 4 (graphml/graph/node/data). */
export const GRAPHML_MAX_DEPTH = 64;

/** Largest text of one `<data>` element, in characters. Larger means the file is not an interview. */
export const GRAPHML_MAX_TEXT = 1_000_000;

/** A `<key>` declaration. `name` is `attr.name` (the key id when absent). */
export interface GraphmlKey {
  id: string;
  /**
   * `attr.name`; a name an earlier key of the same scope already has becomes `<name>_2`, `<name>_3`, as
   * the CSV exporter renames colliding columns, so both renderings name the variable alike.
   */
  name: string;
  /** `attr.name` as written, when the key was renamed. */
  written?: string;
  for: string;
  type: string;
  default?: string;
}

/** `<data>` values of one element, keyed by key id, in document order. */
export type GraphmlData = Map<string, string>;

export interface GraphmlNode {
  id: string;
  line: number;
  data: GraphmlData;
}

export interface GraphmlEdge {
  id: string | undefined;
  source: string;
  target: string;
  line: number;
  data: GraphmlData;
}

/** One `<graph>`: its attributes (prefix stripped: `nc:caseId` → `caseId`), its own data, nodes and edges. */
export interface GraphmlGraph {
  /** The file's name for messages (relative to the input). */
  file: string;
  /** 0-based position of the graph in its file. */
  index: number;
  line: number;
  attributes: Record<string, string>;
  data: GraphmlData;
  nodes: GraphmlNode[];
  edges: GraphmlEdge[];
  /** Every key declared in the file so far (keys come before graphs in GraphML). */
  keys: ReadonlyMap<string, GraphmlKey>;
}

/** Reads only the key declarations of a file: parsing stops at the first `<graph>`. */
export async function readGraphmlKeys(file: SourceFile, problems: ProblemSink): Promise<Map<string, GraphmlKey>> {
  const reader = new GraphmlReader(file, problems, true);
  for await (const _ of reader.chunks()) {
    // only the keys are wanted: chunks() stops at the first <graph>
  }
  return reader.keys;
}

/**
 * One `<graph>` cut from its file (see graphml-split.ts), parsed on its own with the file's keys: the same
 * GraphmlGraph, lines and columns as streamGraphmlGraphs gives for it. `warned` holds the reader's
 * once-per-file warnings already given for the file.
 */
export function parseGraphmlPiece(
  source: { name: string; bytes: Uint8Array; index: number; line: number; column: number },
  keys: ReadonlyMap<string, GraphmlKey>,
  problems: ProblemSink,
  warned: Set<string> = new Set(),
): GraphmlGraph {
  const file: SourceFile = {
    name: source.name,
    path: source.name,
    size: source.bytes.length,
    chunks: async function* () {
      yield source.bytes;
    },
    bytes: async () => source.bytes,
  };
  const reader = new GraphmlReader(file, problems, false, { keys, index: source.index, line: source.line, column: source.column, warned });
  let graph: GraphmlGraph | undefined;
  reader.onGraph = (g) => (graph = g);
  reader.writeAll(source.bytes);
  if (graph === undefined) throw new Error(`bug: no <graph> at ${source.name}:${source.line}`);
  return graph;
}

/** Streams the graphs of one file, in document order. */
export async function* streamGraphmlGraphs(file: SourceFile, problems: ProblemSink): AsyncGenerator<GraphmlGraph> {
  const reader = new GraphmlReader(file, problems, false);
  const queue: GraphmlGraph[] = [];
  reader.onGraph = (g) => queue.push(g);
  const chunks = reader.chunks();
  for await (const _ of chunks) {
    while (queue.length > 0) yield queue.shift()!;
  }
  while (queue.length > 0) yield queue.shift()!;
}

/** Characters fed to the parser at a time when only the keys are read. */
const KEYS_SLICE = 16 * 1024;

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

type Open =
  | { kind: "graphml" | "graph" | "key" | "default" | "ignored" }
  | { kind: "node"; node: GraphmlNode }
  | { kind: "edge"; edge: GraphmlEdge }
  | { kind: "data"; key: string; into: GraphmlData };

/** The saxes event handling, kept in one place so keys-only and full reads behave the same. */
class GraphmlReader {
  readonly keys = new Map<string, GraphmlKey>();
  onGraph: (g: GraphmlGraph) => void = () => undefined;
  private readonly parser = new (saxes().SaxesParser)({ xmlns: false, position: true });
  private readonly stack: Open[] = [];
  private graph: GraphmlGraph | undefined;
  private graphCount = 0;
  private text = "";
  private stopped = false;
  private warned: Set<string>;
  private currentKey: GraphmlKey | undefined;
  private sawRoot = false;

  private readonly file: string;

  /** `piece`: the text is one `<graph>` of a file, starting at that line and column, with the file's keys. */
  constructor(
    private readonly source: SourceFile,
    private readonly problems: ProblemSink,
    private readonly keysOnly: boolean,
    private readonly piece?: { keys: ReadonlyMap<string, GraphmlKey>; index: number; line: number; column: number; warned: Set<string> },
  ) {
    this.file = source.name;
    this.warned = piece?.warned ?? new Set();
    if (piece) {
      for (const [id, key] of piece.keys) this.keys.set(id, key);
      this.graphCount = piece.index;
    }
    const p = this.parser;
    p.on("error", (e) => {
      throw this.fail(`not well-formed XML: ${e.message.replace(/^\d+:\d+: /, "")}`);
    });
    p.on("doctype", () => {
      throw this.fail("DOCTYPE and ENTITY declarations are not accepted in GraphML (they can expand a small file into a huge one)");
    });
    p.on("xmldecl", (decl) => {
      const enc = decl.encoding?.toLowerCase();
      if (enc !== undefined && enc !== "utf-8" && enc !== "utf8")
        throw this.fail(`the file declares encoding "${decl.encoding}"; only UTF-8 GraphML is read (save it as UTF-8)`);
    });
    p.on("opentag", (tag) => this.open(tag));
    p.on("closetag", (tag) => this.close(tag));
    p.on("text", (t) => this.addText(t));
    p.on("cdata", (t) => this.addText(t));
  }

  /** Feeds the file to the parser; yields after each chunk so the caller can drain finished graphs. */
  async *chunks(): AsyncGenerator<void> {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const chunks = this.source.chunks()[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await chunks.next();
        if (next.done) break;
        const chunk = next.value;
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw this.fail("the file is not UTF-8 text (is it GraphML?)");
        }
        // Only the keys: fed in slices, so that parsing stops soon after the first <graph>.
        const step = this.keysOnly ? KEYS_SLICE : text.length;
        for (let at = 0; at < text.length && !this.stopped; at += step) this.parser.write(step === text.length ? text : text.slice(at, at + step));
        yield;
        if (this.stopped) return;
      }
      try {
        this.parser.write(decoder.decode());
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw this.fail("the file is not UTF-8 text (is it GraphML?)");
      }
      this.parser.close();
      if (!this.sawRoot) throw this.fail("the file is empty");
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== undefined) throw new InputError(`cannot read the file (${code})`, { file: this.file });
      throw e;
    } finally {
      await chunks.return?.();
    }
  }

  /** Parses a whole piece (see parseGraphmlPiece). */
  writeAll(bytes: Uint8Array): void {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw this.fail("the file is not UTF-8 text (is it GraphML?)");
    }
    this.parser.write(text);
    this.parser.close();
  }

  /** The parser's line in the file (a piece's lines are counted from where it starts). */
  private get line(): number {
    return this.piece ? this.piece.line + this.parser.line - 1 : this.parser.line;
  }

  private fail(message: string): InputError {
    const column = this.piece && this.parser.line === 1 ? this.piece.column - 1 + this.parser.column : this.parser.column;
    return new InputError(message, { file: this.file, line: this.line, column: column + 1 });
  }

  private warnOnce(code: string, message: string, line: number): void {
    if (this.warned.has(code)) return;
    this.warned.add(code);
    this.problems.report({ severity: "warning", code, file: this.file, line, message });
  }

  private open(tag: SaxesTagPlain): void {
    const depth = this.stack.length + (this.piece ? 2 : 1);
    if (depth > GRAPHML_MAX_DEPTH)
      throw this.fail(`elements are nested more than ${GRAPHML_MAX_DEPTH} deep; this is not a Network Canvas GraphML file`);
    const name = localName(tag.name);
    const parent = this.stack[this.stack.length - 1];
    const line = this.line;
    const attr = (n: string): string | undefined => tag.attributes[n];

    if (parent === undefined && this.piece) {
      this.sawRoot = true;
      if (name !== "graph") throw this.fail(`expected a <graph>, not <${tag.name}>`);
      this.startGraph(tag, line);
      return;
    }
    if (parent === undefined) {
      this.sawRoot = true;
      if (name !== "graphml") throw this.fail(`not GraphML: the root element is <${tag.name}>, not <graphml>`);
      this.stack.push({ kind: "graphml" });
      return;
    }
    if (parent.kind === "ignored") return void this.stack.push({ kind: "ignored" });

    if (parent.kind === "graphml" && name === "key") {
      const id = attr("id");
      if (id === undefined || id === "") throw this.fail("a <key> has no id");
      const written = attr("attr.name") ?? id;
      const scope = attr("for") ?? "all";
      const key: GraphmlKey = { id, name: written, for: scope, type: attr("attr.type") ?? "string" };
      if (this.keys.has(id)) throw this.fail(`key "${id}" is declared twice`);
      const taken = (n: string) => [...this.keys.values()].some((k) => k.name === n && (k.for === scope || k.for === "all" || scope === "all"));
      if (taken(written)) {
        let k = 2;
        while (taken(`${written}_${k}`)) k++;
        key.name = `${written}_${k}`;
        key.written = written;
      }
      this.keys.set(id, key);
      this.currentKey = key;
      this.stack.push({ kind: "key" });
      return;
    }
    if (parent.kind === "key" && name === "default") {
      this.text = "";
      this.stack.push({ kind: "default" });
      return;
    }
    if (parent.kind === "graphml" && name === "graph") {
      if (this.keysOnly) {
        this.stopped = true;
        this.stack.push({ kind: "ignored" });
        return;
      }
      this.startGraph(tag, line);
      return;
    }
    if (parent.kind === "graph" && this.graph !== undefined) {
      if (name === "node") {
        const node: GraphmlNode = { id: attr("id") ?? "", line, data: new Map() };
        if (node.id === "") throw this.fail("a <node> has no id");
        this.graph.nodes.push(node);
        return void this.stack.push({ kind: "node", node });
      }
      if (name === "edge") {
        const source = attr("source");
        const target = attr("target");
        if (source === undefined || target === undefined) throw this.fail("an <edge> lacks a source or target");
        const edge: GraphmlEdge = { id: attr("id"), source, target, line, data: new Map() };
        this.graph.edges.push(edge);
        return void this.stack.push({ kind: "edge", edge });
      }
      if (name === "data") return void this.openData(tag, this.graph.data);
    }
    if (parent.kind === "node" && name === "data") return void this.openData(tag, parent.node.data);
    if (parent.kind === "edge" && name === "data") return void this.openData(tag, parent.edge.data);

    if (name !== "desc")
      this.warnOnce(
        `graphml-ignored-${name}`,
        `<${tag.name}> elements inside <${parentName(parent)}> are not part of Network Canvas GraphML and were ignored`,
        line,
      );
    this.stack.push({ kind: "ignored" });
  }

  private startGraph(tag: SaxesTagPlain, line: number): void {
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) if (!k.startsWith("xmlns")) attributes[localName(k)] = v;
    this.graph = { file: this.file, index: this.graphCount++, line, attributes, data: new Map(), nodes: [], edges: [], keys: this.keys };
    this.stack.push({ kind: "graph" });
  }

  private openData(tag: SaxesTagPlain, into: GraphmlData): void {
    const key = tag.attributes["key"];
    if (key === undefined || key === "") throw this.fail("a <data> element has no key");
    if (into.has(key)) throw this.fail(`key "${key}" is given twice for the same element`);
    this.text = "";
    this.stack.push({ kind: "data", key, into });
  }

  private addText(t: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined || (top.kind !== "data" && top.kind !== "default")) return;
    if (this.text.length + t.length > GRAPHML_MAX_TEXT) throw this.fail(`a value is longer than ${GRAPHML_MAX_TEXT} characters`);
    this.text += t;
  }

  private close(_tag: SaxesTagPlain): void {
    const top = this.stack.pop();
    if (top === undefined) return;
    if (top.kind === "data") {
      top.into.set(top.key, this.text);
      this.text = "";
    } else if (top.kind === "default" && this.currentKey !== undefined) {
      this.currentKey.default = this.text;
      this.text = "";
    } else if (top.kind === "key") {
      this.currentKey = undefined;
    } else if (top.kind === "graph" && this.graph !== undefined) {
      this.onGraph(this.graph);
      this.graph = undefined;
    }
  }
}

function parentName(open: Open): string {
  return open.kind === "data" ? "data" : open.kind;
}
