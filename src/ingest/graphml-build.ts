import type { Codebook, Ego, EgoNetwork, Problem, ProblemSink } from "../model/index.js";
import { checkNetwork } from "./check-network.js";
import { graphToNetwork, type GraphmlConversion, type GraphmlElementKind, type GraphmlPlan } from "./graphml-network.js";
import type { GraphmlPieceSource } from "./graphml-split.js";
import { parseGraphmlPiece, type GraphmlGraph } from "./graphml-stream.js";
import { exportTypeName, typeNameMatches } from "./read-protocol.js";

/**
 * Building one GraphML interview from its parts, in the reading thread or a worker: parse (when it is still
 * text), convert (graphToNetwork), the duplicate-ego-id check (reading thread only), checkNetwork.
 */

/** One interview of a GraphML file: its `<graph>` as bytes cut from the file (see graphml-split.ts), or parsed. */
export interface GraphmlEgoParts {
  kind: "graphml";
  source: GraphmlPieceSource | { graph: GraphmlGraph };
}

/** What converting needs besides the graph: plain data, the same in every thread. */
export interface GraphmlSetup {
  egoIdField: "caseId" | "sessionId" | "egoUUID";
  /** Whether the codebook comes from a protocol (type names are then matched to its types). */
  protocol: boolean;
  /** The plans made when the study was opened, by `<kind>\u0000<type>` (`graph\u0000` for the ego). */
  plans: Array<[string, GraphmlPlan]>;
}

/** A plan the worker was not given (a type the opening scan did not see): the ego is built in the reading thread. */
export class MissingGraphmlPlan extends Error {}

/**
 * What one reading remembers across interviews: warnings given once per file or per reading, and (in the
 * reading thread) the ego ids read so far, with where.
 */
export class GraphmlMemory {
  readonly readerWarned = new Map<string, Set<string>>();
  readonly warned = new Set<string>();
  readonly typeNames = new Map<string, string>();
  /** The setup's plans, and any made since for a type the opening scan did not see. */
  plans: Map<string, GraphmlPlan> | undefined;
  constructor(readonly seen?: Map<string, string>) {}
  warnedIn(file: string): Set<string> {
    let set = this.readerWarned.get(file);
    if (set === undefined) this.readerWarned.set(file, (set = new Set()));
    return set;
  }
}

/** How graphs become interviews under a setup; `planMissing` makes a plan the setup lacks (reading thread). */
export function graphmlConversion(
  setup: GraphmlSetup,
  codebook: Codebook,
  memory: GraphmlMemory,
  problems: ProblemSink,
  planMissing?: (kind: GraphmlElementKind, type: string | undefined, problems: ProblemSink) => GraphmlPlan,
): GraphmlConversion {
  const plans = (memory.plans ??= new Map(setup.plans));
  return {
    egoIdField: setup.egoIdField,
    typeName(kind, value) {
      const id = `${kind}\u0000${value}`;
      let name = memory.typeNames.get(id);
      if (name === undefined) {
        // As in CSV file names: the codebook name with non-word characters removed, matched to the codebook.
        name = exportTypeName(value) || value;
        if (setup.protocol) {
          const listed = Object.keys(kind === "node" ? codebook.node : codebook.edge);
          name = listed.find((t) => t === value) ?? listed.find((t) => typeNameMatches(name!, t)) ?? name;
        }
        memory.typeNames.set(id, name);
      }
      return name;
    },
    plan(kind, type) {
      const id = `${kind}\u0000${type ?? ""}`;
      let p = plans.get(id);
      if (p === undefined) {
        if (planMissing === undefined) throw new MissingGraphmlPlan(id);
        plans.set(id, (p = planMissing(kind, type, problems)));
      }
      return p;
    },
    problems,
    valueProblems: {
      report(p: Problem) {
        const { column: _column, ...rest } = p;
        problems.report(rest);
      },
    },
    warnOnce(file, code, line, message, key = `${file}\u0000${code}`) {
      if (memory.warned.has(key)) return;
      memory.warned.add(key);
      problems.report({ severity: "warning", code, file, line, message });
    },
  };
}

/** The interview of one graph's parts, its problems to `problems` in the order one reading gives them. */
export function buildGraphmlEgo(parts: GraphmlEgoParts, conversion: GraphmlConversion, codebook: Codebook, memory: GraphmlMemory): EgoNetwork {
  const problems = conversion.problems;
  const { source } = parts;
  const graph =
    "graph" in source
      ? source.graph
      : parseGraphmlPiece(source, new Map(source.keys.map((k) => [k.id, k])), problems, memory.warnedIn(source.name));
  const network = graphToNetwork(graph, conversion);
  if (memory.seen) noteEgoId(memory.seen, network, problems);
  checkNetwork(network, codebook, problems);
  return network;
}

/** Remembers an ego id and where it was read; an id read before is an error. */
export function noteEgoId(seen: Map<string, string>, network: { ego: Pick<Ego, "egoId" | "source"> }, problems: ProblemSink): void {
  const { egoId, source } = network.ego;
  const first = seen.get(egoId);
  if (first !== undefined) {
    problems.report({
      severity: "error",
      code: "duplicate-ego-id",
      file: source.file,
      line: source.line,
      egoId,
      message: `ego id ${egoId} is used by two interviews (the first at ${first}); choose another --ego-id`,
    });
  } else seen.set(egoId, `${source.file}:${source.line}`);
}
