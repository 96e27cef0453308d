import { alterBetweenness, componentLabels, multiplexDegrees, sociogramTies } from "../graph/index.js";
import { allowedCategories, egoCategory, sameCategory, type MeasureContext } from "../measures/index.js";
import type { Cell, EgoNetwork, Value } from "../model/index.js";
import type { AlterLevelSpec, LevelVariable } from "./alter-level-spec.js";
import { csvCell, csvField } from "../tables/index.js";

/** A cell before the columns are laid out: a categorical value stays its list of options. */
export type LevelCell = Cell | string[];

/** One ego's alters and ties as rows of cells, in the column order of alterLevelColumns (ego_id and labels aside). */
export interface EgoAlterRows {
  /**
   * One per counted alter, in input order (alter i is labelled A(i + 1), as in the sociograms): node_type,
   * on_sociogram, the spec's alter variables, degree, degree_multiplex, core_number, isolate, component,
   * component_size, betweenness, then same_<var> per spec.same.
   */
  alters: LevelCell[][];
  /** One per tie of the sociogram, in the order first met: from, to, edge types (list), multiplex, tie variables. */
  ties: LevelCell[][];
  /** Per spec alter variable (then tie variable): whether any value held several options (a multi-select). */
  multiple: boolean[];
}

/** The structure columns of alters.csv, in order: null for an alter off the sociogram. */
export const ALTER_STRUCTURE = ["degree", "degree_multiplex", "core_number", "isolate", "component", "component_size", "betweenness"] as const;

/**
 * One ego's alter-level and tie-level rows: each counted alter's variables and its place in the sociogram
 * G (degree, multiplex degree, core number, whether an isolate, component numbered from 1 = the largest and
 * its size, unnormalised betweenness within G = networkx `betweenness_centrality(G, normalized=False)`),
 * null for alters an exclusion rule leaves off G; `same_<var>` per sameCategory; and each tie of G with its
 * edge types and, per tie variable, the first value its rows give. Pure; uses the context's graph and cores.
 *
 * Example: alters a, b, c (c excluded), tie a–b of two types → a: degree 1, degree_multiplex 2, core 1,
 * component 1 of size 2, betweenness 0; c: on_sociogram false, structure null.
 */
export function measureAlters(network: EgoNetwork, context: MeasureContext, spec: AlterLevelSpec): EgoAlterRows {
  const graph = context.graph;
  const n = graph.nodes.length;
  const nodeOf = new Map(graph.nodes.map((a, i) => [a, i]));
  const labelOf = new Map<string, string>();
  graph.alters.forEach((a, i) => {
    if (!labelOf.has(a.alterId)) labelOf.set(a.alterId, `A${i + 1}`);
  });
  const ties = sociogramTies(graph, network.ties);
  const cores = context.coreNumbers;
  const multiplex = multiplexDegrees(n, ties);
  const { label: component, size: componentSize } = componentLabels(graph.adjacency);
  const between = n > 2 && ties.length > 0 ? alterBetweenness(graph.adjacency) : new Float64Array(n);
  const multiple = new Array<boolean>(spec.alterVariables.length + spec.tieVariables.length).fill(false);
  const same = spec.same.map((v) => {
    const allowed = allowedCategories(v);
    return { variable: v, allowed, own: egoCategory(network.ego, v, allowed) };
  });
  const { offsets } = graph.adjacency;

  const alters = graph.alters.map((alter) => {
    const row: LevelCell[] = [alter.nodeType];
    const i = nodeOf.get(alter);
    row.push(i !== undefined);
    spec.alterVariables.forEach((v, k) => row.push(levelCell(alter.attributes[v.name], v, () => (multiple[k] = true))));
    if (i === undefined) {
      for (let k = 0; k < ALTER_STRUCTURE.length; k++) row.push(null);
    } else {
      const degree = offsets[i + 1] - offsets[i];
      row.push(degree, multiplex[i], cores[i], degree === 0, component[i], componentSize[i], between[i]);
    }
    for (const s of same) row.push(sameCategory(alter, network.ego, s.variable, s.allowed, s.own));
    return row;
  });

  const offset = spec.alterVariables.length;
  const tieRows = ties.map((tie) => {
    const row: LevelCell[] = [labelOf.get(graph.nodes[tie.source].alterId)!, labelOf.get(graph.nodes[tie.target].alterId)!, tie.edgeTypes, tie.edgeTypes.length];
    spec.tieVariables.forEach((v, k) => {
      const given = tie.rows.find((r) => r.attributes[v.name] !== undefined && r.attributes[v.name] !== null);
      row.push(levelCell(given?.attributes[v.name], v, () => (multiple[offset + k] = true)));
    });
    return row;
  });
  return { alters, ties: tieRows, multiple };
}

/**
 * A variable's value as a cell: a categorical as its list of options (laid out later as one column or one
 * per option), an ordinal as its code (a number when the code is one), numbers and booleans as they are.
 */
function levelCell(value: Value | undefined, variable: LevelVariable, onSeveral: () => void): LevelCell {
  if (value === undefined || value === null) return null;
  if (variable.type === "categorical") {
    const options = Array.isArray(value) ? [...new Set(value.map(String))] : String(value) === "" ? [] : [String(value)];
    if (options.length > 1) onSeveral();
    return options;
  }
  if (Array.isArray(value)) {
    if (value.length > 1) onSeveral();
    return value.length === 0 ? null : value.join(";");
  }
  if (variable.type === "ordinal" && typeof value === "string") {
    const code = value.trim() === "" ? NaN : Number(value);
    return Number.isFinite(code) ? code : value === "" ? null : value;
  }
  return value as Cell;
}

/**
 * One ego's alter and tie rows packed for a SpillStore: as CSV lines laid out as if every categorical were
 * single-choice and the edge types were spec.tieTypes (what alters.csv and ties.csv hold in most studies,
 * then written as they are, with no parsing), with what re-laying them out needs when not; and, with
 * spec.typed, as JSON (every number exact).
 */
export interface PackedAlterRows {
  /** Per alter: node_type … same_<var> (ego_id, alter_id and the ego's columns are added when written), each line ending in LF. */
  alterLines: string;
  /** Per tie: from, to, a 0/1 per spec.tieTypes, multiplex, tie variables. */
  tieLines: string;
  /** With spec.typed: JSON of [alters, ties] (EgoAlterRows). */
  json?: string;
  /** Per spec alter variable, then tie variable: the rows whose categorical value held several options, with them. */
  several: Array<Array<[number, string[]]>>;
  /** Likewise, the rows whose categorical value was an empty choice (0 in every option column, where null is empty). */
  empty: number[][];
  /** Ties with edge types outside spec.tieTypes, with those types. */
  extraTypes: Array<[number, string[]]>;
  /** As EgoAlterRows.multiple. */
  multiple: boolean[];
  /** Per spec alter variable, then tie variable: the options its categorical values hold (empty for other types). */
  seen: string[][];
  /** Edge types of the ego's ties. */
  edgeTypes: string[];
  alterCount: number;
  tieCount: number;
}

/** Packs an ego's rows (see PackedAlterRows). */
export function packAlterRows(rows: EgoAlterRows, spec: AlterLevelSpec): PackedAlterRows {
  const variables = [...spec.alterVariables, ...spec.tieVariables];
  const seen = variables.map(() => new Set<string>());
  const several: Array<Array<[number, string[]]>> = variables.map(() => []);
  const empty: number[][] = variables.map(() => []);
  const alterStart = 2;
  const tieStart = 4;
  const known = new Set(spec.tieTypes);
  const extraTypes: Array<[number, string[]]> = [];
  const edgeTypes = new Set<string>();

  const line = (cells: LevelCell[], index: number, from: number, count: number, offset: number, pre: string[]) => {
    const fields = pre;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      const k = c - from;
      if (!Array.isArray(cell)) {
        fields.push(csvField(csvCell(cell)));
        continue;
      }
      if (k >= 0 && k < count && variables[offset + k].type === "categorical") {
        for (const o of cell) seen[offset + k].add(o);
        if (cell.length > 1) several[offset + k].push([index, cell]);
        if (cell.length === 0) empty[offset + k].push(index);
      }
      fields.push(csvField(csvCell(cell.length === 0 ? null : cell.join(";"))));
    }
    return fields.join(",") + "\n";
  };
  let alterLines = "";
  rows.alters.forEach((cells, i) => (alterLines += line(cells, i, alterStart, spec.alterVariables.length, 0, [])));
  let tieLines = "";
  rows.ties.forEach((cells, i) => {
    const types = cells[2] as string[];
    for (const t of types) edgeTypes.add(t);
    const extra = types.filter((t) => !known.has(t));
    if (extra.length > 0) extraTypes.push([i, extra]);
    const flags = spec.tieTypes.map((t) => (types.includes(t) ? "1" : "0"));
    const rest = line(cells.slice(3), i, tieStart - 3, spec.tieVariables.length, spec.alterVariables.length, []);
    tieLines += [csvField(csvCell(cells[0] as Cell)), csvField(csvCell(cells[1] as Cell)), ...flags].join(",") + "," + rest;
  });
  return {
    alterLines,
    tieLines,
    ...(spec.typed ? { json: JSON.stringify([rows.alters, rows.ties]) } : {}),
    several,
    empty,
    extraTypes,
    multiple: rows.multiple,
    seen: seen.map((x) => [...x]),
    edgeTypes: [...edgeTypes],
    alterCount: rows.alters.length,
    tieCount: rows.ties.length,
  };
}

/** The rows packAlterRows packed as JSON (spec.typed). */
export function unpackAlterRows(json: string): Pick<EgoAlterRows, "alters" | "ties"> {
  const [alters, ties] = JSON.parse(json) as [LevelCell[][], LevelCell[][]];
  return { alters, ties };
}
