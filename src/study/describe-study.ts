import { naturalCompare } from "../ingest/source-file.js";
import type { Codebook, EgoNetwork, StudyConfig, Value, Variable, VariableConfig, VariableRole, VariableSet, VariableSource, VariableType } from "../model/index.js";
import { openStudy, type OpenedStudy, type OpenStudyOptions } from "./open-study.js";

/** One level of a categorical, ordinal or boolean variable, with the number of values that are it. */
export interface LevelCount {
  value: string;
  label: string;
  n: number;
  /** A value seen in the data that the variable's options do not list. */
  unlisted?: true;
}

/**
 * What `netsp describe` says about one variable. Values are shown only as the levels of a categorical,
 * ordinal or boolean variable, and as the range of a number; text, datetime, layout, unknown and identifying
 * variables get counts only, never a value (nor a count of distinct values).
 */
export interface VariableDescription {
  name: string;
  /** The type as shown: a `scalar` (the codebook's 0–1 slider) is a `number`. */
  type: VariableType;
  role: VariableRole | null;
  source: VariableSource | null;
  /** Every option in declared order with its count (0 when unseen), then values seen that no option lists. */
  levels: LevelCount[];
  /** Values present (not missing). */
  n: number;
  /** Numbers only: the smallest and largest value (null when there is none). */
  min?: number | null;
  max?: number | null;
  /** Categorical only: values with no option chosen (an empty list), counted in n, not in missing. */
  noneChosen?: number;
  /** Missing values (an empty cell, or no value at all). */
  missing: number;
  note: string | null;
}

export interface EntityDescription {
  /** `ego`, a node type name or an edge type name. */
  entity: string;
  kind: "ego" | "node" | "edge";
  /** Egos, alters of this node type, or ties of this edge type, as read. */
  n: number;
  variables: VariableDescription[];
}

/** The variable model of a study with counts: ego, node types (sorted), edge types (sorted). */
export interface StudyDescription {
  entities: EntityDescription[];
}

/** How a variable's values are summarised. */
type Summary = "levels" | "numbers" | "count";

/** The summary a variable gets: counts only for anything that may hold personal data or unknown values. */
export function summaryOf(variable: Variable): Summary {
  if (variable.role === "identifying") return "count";
  if (variable.type === "categorical" || variable.type === "ordinal" || variable.type === "boolean") return "levels";
  if (variable.type === "number" || variable.type === "scalar") return "numbers";
  return "count";
}

/** Counts for one variable as the interviews stream past. Keeps values only for "levels" variables. */
class Tally {
  n = 0;
  missing = 0;
  noneChosen = 0;
  min: number | null = null;
  max: number | null = null;
  readonly counts = new Map<string, number>();
  constructor(readonly variable: Variable, readonly summary: Summary) {}

  add(value: Value | undefined): void {
    if (value === null || value === undefined) {
      this.missing++;
      return;
    }
    this.n++;
    if (this.summary === "numbers") {
      if (typeof value === "number" && Number.isFinite(value)) {
        this.min = this.min === null ? value : Math.min(this.min, value);
        this.max = this.max === null ? value : Math.max(this.max, value);
      }
    } else if (this.summary === "levels") {
      const chosen = Array.isArray(value) ? value : [value];
      if (chosen.length === 0) this.noneChosen++;
      for (const v of chosen) this.counts.set(String(v), (this.counts.get(String(v)) ?? 0) + 1);
    }
  }

  describe(): VariableDescription {
    const v = this.variable;
    const note = v.note ?? (v.type === "scalar" ? "slider (0–1)" : null);
    const numbers = this.summary === "numbers" ? { min: this.min, max: this.max } : {};
    const noneChosen = this.summary === "levels" && v.type === "categorical" ? { noneChosen: this.noneChosen } : {};
    return {
      name: v.name,
      type: v.type === "scalar" ? "number" : v.type,
      role: v.role ?? null,
      source: v.source ?? null,
      levels: this.summary === "levels" ? this.levels() : [],
      n: this.n,
      ...numbers,
      ...noneChosen,
      missing: this.missing,
      note,
    };
  }

  private levels(): LevelCount[] {
    const declared = this.variable.options ?? (this.variable.type === "boolean" ? BOOLEAN_OPTIONS : []);
    const listed = new Set(declared.map((o) => o.value));
    const levels: LevelCount[] = declared.map((o) => ({ value: o.value, label: o.label, n: this.counts.get(o.value) ?? 0 }));
    const unlisted = [...this.counts.keys()].filter((value) => !listed.has(value)).sort(naturalCompare);
    for (const value of unlisted) levels.push({ value, label: value, n: this.counts.get(value) ?? 0, unlisted: true });
    return levels;
  }
}

const BOOLEAN_OPTIONS = [
  { value: "true", label: "true" },
  { value: "false", label: "false" },
];

/** Code-unit order, as validate sorts node and edge types. */
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The entities of a codebook in the order describe shows them: ego, node types, edge types (each sorted). */
export function codebookEntities(codebook: Codebook): Array<{ entity: string; kind: EntityDescription["kind"]; variables: VariableSet }> {
  return [
    { entity: "ego", kind: "ego" as const, variables: codebook.ego },
    ...Object.keys(codebook.node).sort(byName).map((t) => ({ entity: t, kind: "node" as const, variables: codebook.node[t] })),
    ...Object.keys(codebook.edge).sort(byName).map((t) => ({ entity: t, kind: "edge" as const, variables: codebook.edge[t] })),
  ];
}

/**
 * Counts every variable of `codebook` over the interviews, read once: ego variables per ego, node variables
 * per alter of that node type, edge variables per tie of that edge type. Layout variables count the alters
 * with a position.
 */
export async function describeEgos(
  codebook: Codebook,
  egos: AsyncIterable<EgoNetwork>,
  onProgress?: (egos: number) => void,
): Promise<StudyDescription> {
  const entities = codebookEntities(codebook).map((e) => ({
    ...e,
    n: 0,
    tallies: Object.values(e.variables).map((v) => new Tally(v, summaryOf(v))),
  }));
  const ego = entities[0];
  const nodes = new Map(entities.filter((e) => e.kind === "node").map((e) => [e.entity, e]));
  const edges = new Map(entities.filter((e) => e.kind === "edge").map((e) => [e.entity, e]));
  let read = 0;
  for await (const network of egos) {
    ego.n++;
    for (const t of ego.tallies) t.add(network.ego.attributes[t.variable.name]);
    for (const alter of network.alters) {
      const entity = nodes.get(alter.nodeType);
      if (!entity) continue;
      entity.n++;
      for (const t of entity.tallies) {
        const position = t.variable.type === "layout" ? alter.layout?.[t.variable.name] : undefined;
        t.add(position ? "position" : alter.attributes[t.variable.name]);
      }
    }
    for (const tie of network.ties) {
      const entity = edges.get(tie.edgeType);
      if (!entity) continue;
      entity.n++;
      for (const t of entity.tallies) t.add(tie.attributes[t.variable.name]);
    }
    onProgress?.(++read);
  }
  return { entities: entities.map((e) => ({ entity: e.entity, kind: e.kind, n: e.n, variables: e.tallies.map((t) => t.describe()) })) };
}

export interface DescribeStudyOptions extends OpenStudyOptions {
  /** Called once the study is opened, before any interview is read (e.g. to check an output path). */
  onOpened?: (study: OpenedStudy) => void | Promise<void>;
  onProgress?: (egos: number) => void;
}

/** Opens the study as every command does (openStudy), then streams the interviews once to count. */
export async function describeStudy(options: DescribeStudyOptions): Promise<{ study: OpenedStudy; description: StudyDescription }> {
  const study = await openStudy(options);
  await options.onOpened?.(study);
  const description = await describeEgos(study.dataset.codebook, study.dataset.egos(), options.onProgress);
  return { study, description };
}

/** The config key of a variable: `ego.<name>`, `<NodeType>.<name>` or `<EdgeType>.<name>`. */
export function variableKey(entity: string, name: string): string {
  return `${entity}.${name}`;
}

/**
 * A starter configuration: `base` (the study's own config, its paths already made relative to where the
 * new file goes) with a `variables` entry for every variable whose type was inferred (source `inferred` or
 * `graphml`): its type, the options of a categorical or the levels of an ordinal, and the role when it is
 * identifying. Variables the base config already declares are kept as they are. An `unknown` type gets an
 * entry with no type, for the user to fill in.
 */
export function starterConfig(codebook: Codebook, base: StudyConfig): { config: StudyConfig; declared: number } {
  const variables: Record<string, VariableConfig> = { ...base.variables };
  let declared = 0;
  for (const { entity, variables: set } of codebookEntities(codebook)) {
    for (const v of Object.values(set)) {
      const key = variableKey(entity, v.name);
      if ((v.source !== "inferred" && v.source !== "graphml") || Object.hasOwn(variables, key)) continue;
      variables[key] = declaration(v);
      declared++;
    }
  }
  return { config: { ...base, variables }, declared };
}

function declaration(v: Variable): VariableConfig {
  const out: VariableConfig = {};
  if (v.type !== "unknown") out.type = v.type;
  const options = v.options ?? [];
  const labels = Object.fromEntries(options.filter((o) => o.label !== o.value).map((o) => [o.value, o.label]));
  if (v.type === "categorical" && options.length > 0) {
    out.options = options.map((o) => (o.label === o.value ? o.value : { value: o.value, label: o.label }));
  } else if (v.type === "ordinal" && options.length > 0) {
    out.levels = options.map((o) => o.value);
    if (Object.keys(labels).length > 0) out.labels = labels;
  }
  if (v.role === "identifying") out.role = v.role;
  if (v.label !== undefined) out.label = v.label;
  return out;
}
