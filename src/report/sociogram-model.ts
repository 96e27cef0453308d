import { deriveSeed } from "../random.js";
import {
  categoryColour,
  EXCLUDED_FILL,
  ISOLATE_FILL,
  MISSING_FILL,
  OKABE_ITO,
  shellColour,
} from "./chart-palette.js";
import { forceAtlasLayout, type Point } from "./layout-force-atlas.js";
import type { SociogramAlter, SociogramGraph } from "./sociogram-graph.js";
import { SHAPES, type Shape } from "./svg-symbol.js";

/** How nodes are coloured: by k-core shell (core number), or by the categories of an alter variable. */
export type ColourScheme =
  | { kind: "core" }
  | {
      kind: "variable";
      /** The variable's name in the data (aliases resolved). */
      variable: string;
      /** How the legend names it. */
      label: string;
      /** Every category, in codebook order; colours follow this order, so they agree across egos. */
      categories: ReadonlyArray<{ value: string; label: string }>;
    };

/** How a sociogram is drawn (the labels and categories come with the graph). */
export interface SociogramOptions {
  colour: ColourScheme;
  /** ForceAtlas2, or the positions the participant gave on the Network Canvas sociogram (`Alter.layout`). */
  layout: "force" | "canvas";
  /** Base seed of the layout; each ego's own seed is derived from it and the egoId. */
  seed: number;
}

/** Where a node is drawn: on the graph, in the isolates row, or in the band of alters not on the sociogram. */
export type NodePlace = "graph" | "isolate" | "excluded";

export interface SociogramNode {
  label: string;
  place: NodePlace;
  /** Core number on the sociogram's simple graph (0 for isolates); null for alters not on it. */
  coreNumber: number | null;
  /** The legend entry this node belongs to. */
  legend: string;
  fill: string;
  shape: Shape;
  /** A dashed outline: alters not on the sociogram. */
  dashed: boolean;
}

export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  shape: Shape;
  dashed: boolean;
  count: number;
}

/** One ego's sociogram, ready to draw: what goes where, in which colour, and why. */
export interface Sociogram {
  egoId: string;
  /** Counted alters (network_size). */
  networkSize: number;
  /** Alters with at least one tie, with layout positions (any units; the renderer fits them). */
  graphNodes: Array<SociogramNode & Point>;
  /** Ties as index pairs into graphNodes. */
  ties: Array<[number, number]>;
  isolates: SociogramNode[];
  excluded: SociogramNode[];
  legend: LegendEntry[];
  legendTitle: string;
  maxK: number;
  /** How the positions were made, in words (for captions and the SVG description). */
  layoutNote: string;
  /** A sentence-by-sentence text alternative of the picture. */
  description: string;
}

/**
 * Everything needed to draw one ego's sociogram, from the graph the study hands over (the one the measures
 * use, with its core numbers): alters with at least one tie are laid out (ForceAtlas2 with a seed derived
 * from the egoId, or the Network Canvas positions); isolates (core number 0) and alters the study's rules
 * leave off the sociogram are set apart. Nodes are coloured by core number (Figure 14 of the thesis:
 * isolates, 1-core, 2-core, …; `shellColour` spaces the shells present along viridis) or by a categorical
 * alter variable. Pure: same input, same output.
 *
 * Example: an ego with alters a, b, c, d, ties a–b, b–c, a–c and nothing for d → three nodes with core
 * number 2 on the graph, d in the isolates row; legend "k = 2 (3)", "isolate (1)".
 */
export function buildSociogram(graph: SociogramGraph, options: SociogramOptions): Sociogram {
  const { adjacency, coreNumbers: cores } = graph;
  let maxK = 0;
  for (const k of cores) if (k > maxK) maxK = k;

  const shells = [...new Set(cores)].filter((k) => k > 0).sort((a, b) => a - b);
  const style = styleFor(options.colour, shells);
  const graphIndex = new Int32Array(adjacency.n).fill(-1);
  const graphAlters: SociogramAlter[] = [];
  const graphNodes: Array<SociogramNode & Point> = [];
  const isolates: SociogramNode[] = [];
  for (let i = 0; i < adjacency.n; i++) {
    const alter = graph.nodes[i];
    const degree = adjacency.offsets[i + 1] - adjacency.offsets[i];
    const place: NodePlace = degree > 0 ? "graph" : "isolate";
    const node: SociogramNode = { label: alter.label, place, coreNumber: cores[i], ...style(alter, cores[i], place) };
    if (place === "graph") {
      graphIndex[i] = graphNodes.length;
      graphAlters.push(alter);
      graphNodes.push({ ...node, x: 0, y: 0 });
    } else isolates.push(node);
  }
  const excluded: SociogramNode[] = graph.excluded.map((alter) => ({
    label: alter.label,
    place: "excluded",
    coreNumber: null,
    ...style(alter, null, "excluded"),
  }));

  const ties: Array<[number, number]> = [];
  const edges: number[] = [];
  for (let u = 0; u < adjacency.n; u++) {
    for (let e = adjacency.offsets[u]; e < adjacency.offsets[u + 1]; e++) {
      const v = adjacency.neighbours[e];
      if (u < v) {
        ties.push([graphIndex[u], graphIndex[v]]);
        edges.push(graphIndex[u], graphIndex[v]);
      }
    }
  }

  let layoutNote: string;
  const canvas = options.layout === "canvas" ? canvasPositions(graphAlters) : null;
  const egoSeed = deriveSeed(options.seed, "sociogram", graph.egoId);
  if (canvas !== null) {
    canvas.forEach((p, i) => Object.assign(graphNodes[i], p));
    layoutNote = "positions as placed on the Network Canvas sociogram";
  } else {
    forceAtlasLayout(graphNodes.length, edges, egoSeed).forEach((p, i) => Object.assign(graphNodes[i], p));
    layoutNote =
      `ForceAtlas2 (seed ${options.seed})` +
      (options.layout === "canvas" ? ", because not every alter on the graph has a Network Canvas position" : "");
  }

  const legend = legendFor(options.colour, shells, [...graphNodes, ...isolates, ...excluded]);
  const sociogram: Sociogram = {
    egoId: graph.egoId,
    networkSize: graph.networkSize,
    graphNodes,
    ties,
    isolates,
    excluded,
    legend,
    legendTitle: options.colour.kind === "core" ? "Core number (k)" : options.colour.label,
    maxK,
    layoutNote,
    description: "",
  };
  sociogram.description = describe(sociogram, options.colour);
  return sociogram;
}

type NodeStyle = Pick<SociogramNode, "legend" | "fill" | "shape" | "dashed">;

/** The legend key, colour and shape of a node. */
function styleFor(scheme: ColourScheme, shells: readonly number[]): (alter: SociogramAlter, core: number | null, place: NodePlace) => NodeStyle {
  if (scheme.kind === "core") {
    return (_alter, core, place) => {
      if (place === "excluded") return { legend: "excluded", fill: EXCLUDED_FILL, shape: "circle", dashed: true };
      if (place === "isolate" || core === null || core === 0) return { legend: "isolate", fill: ISOLATE_FILL, shape: "square", dashed: false };
      return { legend: String(core), fill: shellColour(shells.indexOf(core) + 1, shells.length), shape: "circle", dashed: false };
    };
  }
  const index = new Map(scheme.categories.map((c, i) => [c.value, i]));
  return (alter, _core, place) => {
    const dashed = place === "excluded";
    const values = alter.categories.filter((v) => index.has(v));
    if (values.length === 0) return { legend: MISSING_KEY, fill: MISSING_FILL, shape: "circle", dashed };
    if (new Set(values).size > 1) return { legend: SEVERAL_KEY, fill: SEVERAL_FILL, shape: "cross", dashed };
    const i = index.get(values[0])!;
    if (i >= OKABE_ITO.length) return { legend: OTHER_KEY, fill: categoryColour(i), shape: "circle", dashed };
    return { legend: `category:${values[0]}`, fill: categoryColour(i), shape: SHAPES[i % (SHAPES.length - 1)], dashed };
  };
}

const MISSING_KEY = "missing";
const SEVERAL_KEY = "several";
const OTHER_KEY = "other";
/** Alters in more than one category of a multiple-choice variable. */
const SEVERAL_FILL = "#555555";

function legendFor(scheme: ColourScheme, shells: readonly number[], nodes: readonly SociogramNode[]): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.legend, (counts.get(n.legend) ?? 0) + 1);
  const entries: LegendEntry[] = [];
  const add = (key: string, label: string, fill: string, shape: Shape, dashed: boolean) => {
    const count = counts.get(key) ?? 0;
    if (count > 0) entries.push({ key, label, fill, shape, dashed, count });
  };
  if (scheme.kind === "core") {
    for (let rank = shells.length; rank >= 1; rank--) {
      const k = shells[rank - 1];
      add(String(k), rank === shells.length ? `k = ${k} (the ${k}-core)` : `k = ${k}`, shellColour(rank, shells.length), "circle", false);
    }
    add("isolate", "isolate (k = 0)", ISOLATE_FILL, "square", false);
    add("excluded", "not on the sociogram", EXCLUDED_FILL, "circle", true);
    return entries;
  }
  scheme.categories.forEach((c, i) => {
    if (i < OKABE_ITO.length) add(`category:${c.value}`, c.label, categoryColour(i), SHAPES[i % (SHAPES.length - 1)], false);
  });
  if (scheme.categories.length > OKABE_ITO.length) add(OTHER_KEY, "other categories", categoryColour(OKABE_ITO.length), "circle", false);
  add(SEVERAL_KEY, "several categories", SEVERAL_FILL, "cross", false);
  add(MISSING_KEY, "no value", MISSING_FILL, "circle", false);
  return entries;
}

/** Network Canvas positions of every node, or null when any node lacks one. */
function canvasPositions(alters: readonly SociogramAlter[]): Point[] | null {
  const out: Point[] = [];
  for (const alter of alters) {
    if (alter.position === null) return null;
    out.push({ x: alter.position.x, y: alter.position.y });
  }
  return out;
}

function describe(s: Sociogram, scheme: ColourScheme): string {
  const onGraph = s.graphNodes.length + s.isolates.length;
  const parts: string[] = [];
  parts.push(`Sociogram of ego ${s.egoId}: ${plural(s.networkSize, "alter")} in total, ${onGraph} on the sociogram with ${plural(s.ties.length, "tie")} among them.`);
  if (scheme.kind === "core") {
    const shells = s.legend.filter((e) => /^\d+$/.test(e.key)).map((e) => `${e.count} with core number ${e.key}`);
    if (shells.length > 0) parts.push(`Coloured by k-core shell: ${shells.join(", ")}${s.maxK > 0 ? `; the ${s.maxK}-core is the darkest` : ""}.`);
  } else {
    parts.push(`Coloured by ${scheme.label}: ${s.legend.map((e) => `${e.label} ${e.count}`).join(", ")}.`);
  }
  parts.push(s.isolates.length > 0 ? `${plural(s.isolates.length, "isolate")} (no ties to other alters), drawn as a row below the graph.` : "No isolates.");
  if (s.excluded.length > 0) parts.push(`${plural(s.excluded.length, "alter")} not on the sociogram (left off by the study's exclusion rules), drawn in a separate band.`);
  parts.push(`Layout: ${s.layoutNote}.`);
  return parts.join(" ");
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
