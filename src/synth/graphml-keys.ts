import { createHash } from "node:crypto";
import { OutputError } from "../errors.js";
import type { Codebook, Value, Variable, VariableSet } from "../model/index.js";
import { csvCell } from "../tables/index.js";
import { protocolVariableId } from "./write-protocol.js";

type KeyType = "boolean" | "int" | "double" | "string";
type KeyFor = "graph" | "node" | "edge" | "all";

/** One codebook variable's keys: one, one per option (categorical), or `_X`, `_Y` (layout). */
interface VariableKeys {
  variable: Variable;
  ids: string[];
  /** Index of its key in the plan's list of keys whose type follows the values written. */
  tracked?: number;
}

/** The keys of the ego or of one node or edge type. */
export interface EntityKeys {
  for: KeyFor;
  variables: VariableKeys[];
}

/** A declared key: a fixed type, or the index of the values it has seen. */
interface DeclaredKey {
  id: string;
  name: string;
  type: KeyType | number;
  for: KeyFor;
}

/** Keys Network Canvas declares for its own identifiers (names and ids alike). */
const FIXED_BEFORE: Array<[string, KeyFor]> = [
  ["label", "node"],
  ["networkCanvasType", "all"],
  ["networkCanvasUUID", "all"],
];
const FIXED_EDGE = ["networkCanvasSourceUUID", "networkCanvasTargetUUID"];

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex");

/**
 * The `<key>` declarations of a Network Canvas GraphML export and the `<data>` of each entity, as the
 * exporter writes them: a key's id is the codebook variable's UUID and its name the variable's name; a
 * categorical option is a boolean key `<uuid>_<sha1 of the value>` named `<name>_<value>`; a layout is
 * `<uuid>_X`/`_Y` (double). Number and ordinal keys are typed by the values written (int when all are
 * whole, double when some are not, string for text codes; with none, an ordinal's option values decide,
 * else double), so the declarations are known only once the file's entities are written. As the
 * exporter, one key is declared per name and scope: a variable of a name another node (or edge) type
 * declared first writes its values under that key (GraphML names must be unique within a scope).
 */
export class GraphmlKeyPlan {
  readonly ego: EntityKeys;
  readonly node = new Map<string, EntityKeys>();
  readonly edge = new Map<string, EntityKeys>();
  private readonly declared = { graph: [] as DeclaredKey[], node: [] as DeclaredKey[], edge: [] as DeclaredKey[] };
  /** Per tracked key: the ordinal's option values (typing a key with no values), and the values' type. */
  private readonly trackedOptions: Array<readonly string[]> = [];
  private seen: Array<KeyType | null> = [];

  constructor(codebook: Codebook) {
    this.ego = this.entity("graph", "ego", codebook.ego);
    for (const [type, set] of Object.entries(codebook.node)) this.node.set(type, this.entity("node", `node:${type}`, set));
    for (const [type, set] of Object.entries(codebook.edge)) this.edge.set(type, this.entity("edge", `edge:${type}`, set));
  }

  /** Forgets the values seen (a new file begins). */
  reset(): void {
    this.seen = this.trackedOptions.map(() => null);
  }

  /** The `<key>` lines, in the exporter's order: ego, identifiers, node types, edge identifiers, edge types. */
  keyLines(): string {
    const lines: string[] = [];
    const key = (k: DeclaredKey) =>
      lines.push(`  <key id="${k.id}" attr.name="${xmlText(k.name)}" attr.type="${typeof k.type === "number" ? this.typeOf(k.type) : k.type}" for="${k.for}"/>`);
    this.declared.graph.forEach(key);
    for (const [id, what] of FIXED_BEFORE) key({ id, name: id, type: "string", for: what });
    this.declared.node.forEach(key);
    for (const id of FIXED_EDGE) key({ id, name: id, type: "string", for: "edge" });
    this.declared.edge.forEach(key);
    return lines.join("\n") + "\n";
  }

  /**
   * Adds an entity's `<data>` lines (codebook order; a null writes none; a categorical writes every
   * option, `false` when not chosen) and notes the values for the key types.
   */
  data(
    lines: string[],
    indent: string,
    entity: EntityKeys,
    values: Record<string, Value>,
    layout: Record<string, { x: number; y: number }> | undefined,
    where: string,
  ): void {
    const line = (id: string, text: string) => lines.push(`${indent}<data key="${id}">${text}</data>`);
    for (const v of entity.variables) {
      const { variable, ids } = v;
      if (variable.type === "layout") {
        const point = layout?.[variable.name];
        if (point) {
          line(ids[0], csvCell(point.x));
          line(ids[1], csvCell(point.y));
        }
        continue;
      }
      const value = values[variable.name] ?? null;
      if (variable.type === "categorical") {
        const chosen = value === null ? [] : Array.isArray(value) ? value : [String(value)];
        (variable.options ?? []).forEach((o, i) => line(ids[i], chosen.includes(o.value) ? "true" : "false"));
        continue;
      }
      if (value === null) continue;
      if (Array.isArray(value)) throw new OutputError(`${where}: ${variable.name} is ${variable.type} but holds a list`);
      if (v.tracked !== undefined) this.seen[v.tracked] = widen(this.seen[v.tracked], valueType(value as string | number | boolean));
      line(ids[0], typeof value === "string" ? xmlText(value) : csvCell(value as number | boolean));
    }
  }

  private entity(what: "graph" | "node" | "edge", owner: string, set: VariableSet): EntityKeys {
    const declared = this.declared[what];
    /** The id of the key of this name in the scope, declared now when it is the first. */
    const keyFor = (id: string, name: string, type: KeyType | readonly string[]): DeclaredKey => {
      const first = declared.find((k) => k.name === name);
      if (first) return first;
      let declaredType: KeyType | number;
      if (typeof type === "string") declaredType = type;
      else {
        declaredType = this.trackedOptions.length;
        this.trackedOptions.push(type);
        this.seen.push(null);
      }
      const key = { id, name, type: declaredType, for: what };
      declared.push(key);
      return key;
    };
    const variables = Object.values(set).map((variable): VariableKeys => {
      const id = xmlText(protocolVariableId(owner, variable.name));
      if (variable.type === "categorical") {
        const ids = (variable.options ?? []).map((o) => keyFor(`${id}_${sha1(String(o.value))}`, `${variable.name}_${o.value}`, "boolean").id);
        return { variable, ids };
      }
      if (variable.type === "layout") return { variable, ids: ["X", "Y"].map((axis) => keyFor(`${id}_${axis}`, `${variable.name}_${axis}`, "double").id) };
      if (variable.type === "boolean") return { variable, ids: [keyFor(id, variable.name, "boolean").id] };
      if (variable.type === "text" || variable.type === "datetime") return { variable, ids: [keyFor(id, variable.name, "string").id] };
      const options = variable.type === "ordinal" ? (variable.options ?? []).map((o) => String(o.value)) : [];
      const key = keyFor(id, variable.name, options);
      return { variable, ids: [key.id], ...(typeof key.type === "number" ? { tracked: key.type } : {}) };
    });
    return { for: what, variables };
  }

  private typeOf(tracked: number): KeyType {
    const seen = this.seen[tracked];
    if (seen !== null) return seen;
    return this.trackedOptions[tracked].reduce<KeyType | null>((t, o) => widen(t, valueType(o)), null) ?? "double";
  }
}

function valueType(value: string | number | boolean): KeyType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "double";
  if (/^-?\d+$/.test(value)) return "int";
  if (/^-?\d+\.\d+$/.test(value)) return "double";
  return "string";
}

/** The type of a key holding values of both types: int and double make double; any other mix, string. */
function widen(a: KeyType | null, b: KeyType): KeyType {
  if (a === null || a === b) return b;
  if ((a === "int" && b === "double") || (a === "double" && b === "int")) return "double";
  return "string";
}

/** Text as XML character data or an attribute value: markup escaped, characters XML 1.0 cannot hold dropped. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}
