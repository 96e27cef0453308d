import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import type { Codebook, EgoNetwork, Problem, ProblemSink } from "../model/index.js";
import { checkNetwork } from "./check-network.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import {
  GRAPHML_DEFAULT_EDGE_TYPE,
  GRAPHML_DEFAULT_NODE_TYPE,
  GRAPHML_FIXED_NAMES,
  graphToNetwork,
  keyApplies,
  type GraphmlConversion,
  type GraphmlElementKind,
  type GraphmlPlan,
} from "./graphml-network.js";
import { readGraphmlKeys, streamGraphmlGraphs, type GraphmlKey } from "./graphml-stream.js";
import { listInput } from "./list-input.js";
import { planColumns, planVariables } from "./plan-columns.js";
import { codebookFromProtocolFile, exportTypeName, readProtocol, typeNameMatches } from "./read-protocol.js";
import { diskFile, type SourceFile } from "./source-file.js";

const NUMERIC_KEY_TYPES = new Set(["int", "long", "float", "double"]);
const silent: ProblemSink = { report: () => undefined };

/**
 * Opens Network Canvas GraphML: a `.graphml` file or a folder of them (searched recursively), each holding
 * one `<graph>` per interview (a merged export holds several). Files are streamed with saxes, one graph at
 * a time (see graphml-stream.ts for the safety limits). The codebook comes from `ctx.protocol`, else from a
 * single `.netcanvas` beside the data; without one, variables are inferred from the key names (categorical
 * options `<name>_<value>`, layout `<name>_X/_Y`) and the keys' `attr.type`, which takes one extra pass
 * over the files to learn which keys each node and edge type uses. Interviews come out in the same model as
 * the CSV reader gives for the same export, and each goes through the shared per-ego checks.
 */
export async function openGraphml(input: string, ctx: ReaderContext): Promise<Dataset> {
  const problems = ctx.problems;
  const { files, protocols } = await graphmlInput(input, problems);

  const allKeys: GraphmlKey[] = [];
  for (const file of files) allKeys.push(...(await readGraphmlKeys(file, silent)).values());
  const headerOf = (kind: GraphmlElementKind, accept: (k: GraphmlKey) => boolean = () => true) => [
    ...new Set(allKeys.filter((k) => keyApplies(k, kind) && !GRAPHML_FIXED_NAMES.includes(k.name) && accept(k)).map((k) => k.name)),
  ];
  const booleanNames = new Set(allKeys.filter((k) => k.type === "boolean").map((k) => k.name));
  const numericNames = new Set(allKeys.filter((k) => NUMERIC_KEY_TYPES.has(k.type)).map((k) => k.name));

  const found = ctx.protocol === undefined ? await protocolBeside(protocols, problems) : undefined;
  const protocolPath = ctx.protocol !== undefined ? path.resolve(ctx.protocol) : found?.file.path;
  const plans = new Map<string, GraphmlPlan>();
  let codebook: Codebook;
  let planFor: (kind: GraphmlElementKind, type: string | undefined) => GraphmlPlan;

  if (protocolPath !== undefined) {
    codebook = found?.codebook ?? (await readProtocol(ctx.protocol!));
    const protocolCodebook = codebook;
    const headers = { graph: headerOf("graph"), node: headerOf("node"), edge: headerOf("edge") };
    planFor = (kind, type) => {
      const variables =
        kind === "graph" ? protocolCodebook.ego : kind === "node" ? protocolCodebook.node[type!] : protocolCodebook.edge[type!];
      return { header: headers[kind], plan: planColumns(headers[kind], variables ?? {}, []), label: labelOf(kind, type) };
    };
  } else {
    const used = await keysUsedByType(files);
    const inferred = (header: string[], label: string): GraphmlPlan => {
      const plan = planColumns(header, undefined, [], { booleanColumns: booleanNames });
      for (const p of plan.variables) {
        if (p.variable.type !== "unknown") continue;
        if (booleanNames.has(p.variable.name)) p.variable.type = "boolean";
        else if (numericNames.has(p.variable.name)) p.variable.type = "number";
      }
      return { header, plan, label };
    };
    // A type's variables: the keys its elements have values for, plus keys no element of any type uses
    // (as a CSV export has a column for a variable nobody answered).
    const unused = (kind: "node" | "edge") => {
      const any = new Set([...used[kind].values()].flatMap((names) => [...names]));
      return (name: string) => !any.has(name);
    };
    const unusedBy = { node: unused("node"), edge: unused("edge") };
    const typed = (kind: "node" | "edge", type: string) => {
      const names = used[kind].get(type) ?? new Set<string>();
      return inferred(headerOf(kind, (k) => names.has(k.name) || unusedBy[kind](k.name)), labelOf(kind, type));
    };
    const egoPlan = inferred(headerOf("graph"), labelOf("graph", undefined));
    codebook = { source: "inferred", ego: planVariables(egoPlan.plan), node: {}, edge: {} };
    for (const kind of ["node", "edge"] as const) {
      for (const type of [...used[kind].keys()].sort()) {
        const p = typed(kind, type);
        plans.set(`${kind}\u0000${type}`, p);
        codebook[kind][type] = planVariables(p.plan);
      }
    }
    plans.set("graph\u0000", egoPlan);
    planFor = (kind, type) => typed(kind as "node" | "edge", type!);
    problems.report({
      severity: "warning",
      code: "inferred-types",
      file: files[0].name,
      message:
        "no protocol (.netcanvas) was given or found beside the data, so variable types were inferred from the GraphML keys; " +
        "pass --protocol for exact types and every category",
    });
  }

  const warned = new Set<string>();
  const typeNames = new Map<string, string>();
  const conversion: GraphmlConversion = {
    egoIdField: ctx.egoIdField,
    typeName(kind, value) {
      const id = `${kind}\u0000${value}`;
      let name = typeNames.get(id);
      if (name === undefined) {
        // As in CSV file names: the codebook name with non-word characters removed, matched to the codebook.
        name = exportTypeName(value) || value;
        if (codebook.source === "protocol") {
          const listed = Object.keys(kind === "node" ? codebook.node : codebook.edge);
          name = listed.find((t) => t === value) ?? listed.find((t) => typeNameMatches(name!, t)) ?? name;
        }
        typeNames.set(id, name);
      }
      return name;
    },
    plan(kind, type) {
      const id = `${kind}\u0000${type ?? ""}`;
      let p = plans.get(id);
      if (p === undefined) plans.set(id, (p = planFor(kind, type)));
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
      if (warned.has(key)) return;
      warned.add(key);
      problems.report({ severity: "warning", code, file, line, message });
    },
  };

  async function* egos(): AsyncGenerator<EgoNetwork> {
    const seen = new Map<string, string>();
    for (const file of files) {
      for await (const graph of streamGraphmlGraphs(file, problems)) {
        const network = graphToNetwork(graph, conversion);
        const { egoId } = network.ego;
        const first = seen.get(egoId);
        if (first !== undefined) {
          problems.report({
            severity: "error",
            code: "duplicate-ego-id",
            file: graph.file,
            line: graph.line,
            egoId,
            message: `ego id ${egoId} is used by two interviews (the first at ${first}); choose another --ego-id`,
          });
        } else seen.set(egoId, `${graph.file}:${graph.line}`);
        checkNetwork(network, codebook, problems);
        yield network;
      }
    }
  }

  return {
    format: "graphml",
    input,
    files: [...files.map((f) => f.path), ...(protocolPath !== undefined ? [protocolPath] : [])].sort(),
    codebook,
    egos,
  };
}

function labelOf(kind: GraphmlElementKind, type: string | undefined): string {
  return kind === "graph" ? "ego" : `${kind} type ${type}`;
}

/** The GraphML files of the input (natural order) and the protocols found beside them. */
async function graphmlInput(input: string, problems: ProblemSink): Promise<{ files: SourceFile[]; protocols: SourceFile[] }> {
  const listing = await listInput(input, problems, { keep: (name) => /\.(graphml|netcanvas)$/i.test(name) });
  const protocols = listing.files.filter((f) => /\.netcanvas$/i.test(f.name));
  if (listing.kind === "file") {
    // Only the file given (whatever its extension); its siblings are looked at for a protocol only.
    const size = (await stat(listing.input)).size;
    return { files: [diskFile(path.basename(listing.input), listing.input, size)], protocols };
  }
  const files = listing.files.filter((f) => /\.graphml$/i.test(f.name));
  if (files.length === 0) throw new InputError("no .graphml files here", { file: input });
  return { files, protocols };
}

/**
 * The codebook of the protocol beside the data: the one `.netcanvas` found (identical copies count as one).
 * Several that differ: none is used, with a warning (give --protocol).
 */
async function protocolBeside(protocols: SourceFile[], problems: ProblemSink): Promise<{ codebook: Codebook; file: SourceFile } | undefined> {
  if (protocols.length === 0) return undefined;
  const first = await protocols[0].bytes();
  for (const other of protocols.slice(1)) {
    if (!Buffer.from(first).equals(Buffer.from(await other.bytes()))) {
      problems.report({
        severity: "warning",
        code: "several-protocols",
        file: protocols[0].name,
        message: `found ${protocols.length} different protocols (${protocols.map((f) => f.name).join(", ")}); using none — give one with --protocol`,
      });
      return undefined;
    }
  }
  return { codebook: codebookFromProtocolFile(first, protocols[0].name), file: protocols[0] };
}

/** For inference without a protocol: which key names each node and edge type has values for. */
async function keysUsedByType(files: SourceFile[]): Promise<{ node: Map<string, Set<string>>; edge: Map<string, Set<string>> }> {
  const used = { node: new Map<string, Set<string>>(), edge: new Map<string, Set<string>>() };
  for (const file of files) {
    for await (const g of streamGraphmlGraphs(file, silent)) {
      const typeIds = [...g.keys.values()].filter((k) => k.name === "networkCanvasType").map((k) => k.id);
      const names = (data: Map<string, string>) => [...data.keys()].map((id) => g.keys.get(id)?.name).filter((n): n is string => n !== undefined);
      for (const [kind, elements, fallback] of [
        ["node", g.nodes, GRAPHML_DEFAULT_NODE_TYPE],
        ["edge", g.edges, GRAPHML_DEFAULT_EDGE_TYPE],
      ] as const) {
        for (const el of elements) {
          const raw = typeIds.map((id) => el.data.get(id)).find((v) => v !== undefined && v !== "");
          const type = raw === undefined ? fallback : exportTypeName(raw) || raw;
          let set = used[kind].get(type);
          if (set === undefined) used[kind].set(type, (set = new Set()));
          for (const n of names(el.data)) set.add(n);
        }
      }
    }
  }
  return used;
}
