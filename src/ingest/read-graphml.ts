import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { overlayDeclarations, typedDeclarations, type Codebook, type EgoNetwork, type Problem, type ProblemSink } from "../model/index.js";
import { checkNetwork } from "./check-network.js";
import { builtParts } from "./ego-parts.js";
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
import { readGraphmlKeys, streamGraphmlGraphs, type GraphmlGraph, type GraphmlKey } from "./graphml-stream.js";
import { listInput } from "./list-input.js";
import { planColumns, planVariables } from "./plan-columns.js";
import { emptyProfile, profileCell, type ColumnProfile } from "./column-profile.js";
import { graphmlEvidence } from "./graphml-evidence.js";
import { codebookFromProtocolFile, exportTypeName, readProtocol, typeNameMatches } from "./read-protocol.js";
import { diskFile, type SourceFile } from "./source-file.js";

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
  const found = ctx.protocol === undefined ? await protocolBeside(protocols, problems) : undefined;
  const protocolPath = ctx.protocol !== undefined ? path.resolve(ctx.protocol) : found?.file.path;
  const protocol = protocolPath !== undefined ? (found?.codebook ?? (await readProtocol(ctx.protocol!))) : undefined;
  // One pass over the files: which keys each node and edge type has values for, and what string values look like.
  const scan = await scanGraphml(files);
  const evidence = graphmlEvidence(allKeys, scan.profiles);
  const codebook: Codebook = { source: protocol ? "protocol" : "inferred", ego: {}, node: {}, edge: {} };
  const plans = new Map<string, GraphmlPlan>();

  // A type's variables: the keys its elements have values for, plus keys no element of any type uses
  // (as a CSV export has a column for a variable nobody answered).
  const unused = (kind: "node" | "edge") => {
    const any = new Set([...scan.used[kind].values()].flatMap((names) => [...names]));
    return (name: string) => !any.has(name);
  };
  const unusedBy = { node: unused("node"), edge: unused("edge") };
  // With a protocol, a key nobody has a value for belongs to the types whose codebook names it.
  const listedBy = (kind: "node" | "edge", type: string) => {
    const variables = protocol?.[kind][type];
    if (!variables) return () => true;
    const undescribed = new Set(planColumns(headerOf(kind), variables, []).undescribed);
    return (name: string) => !undescribed.has(name);
  };
  const headerFor = (kind: GraphmlElementKind, type: string | undefined): string[] => {
    if (kind === "graph") return headerOf("graph");
    const names = scan.used[kind].get(type!) ?? new Set<string>();
    const listed = listedBy(kind, type!);
    return headerOf(kind, (k) => names.has(k.name) || (unusedBy[kind](k.name) && listed(k.name)));
  };
  const planFor = (kind: GraphmlElementKind, type: string | undefined, sink: ProblemSink = problems): GraphmlPlan => {
    const entity = kind === "graph" ? "ego" : type!;
    const described = protocol ? (kind === "graph" ? protocol.ego : (kind === "node" ? protocol.node : protocol.edge)[type!]) : undefined;
    const declared = { ...(described ?? {}), ...typedDeclarations(ctx.config, entity) };
    const header = headerFor(kind, type);
    const plan = planColumns(header, described !== undefined || Object.keys(declared).length > 0 ? declared : undefined, [], { evidence });
    const variables = planVariables(plan);
    overlayDeclarations(variables, ctx.config, entity);
    for (const v of Object.values(variables)) if (v.source === "inferred") v.source = "graphml";
    if (kind === "graph") codebook.ego = variables;
    else codebook[kind][type!] = variables;
    if (described && plan.undescribed.length > 0) {
      sink.report({
        severity: "warning",
        code: "unknown-column",
        file: files[0].name,
        message: `${labelOf(kind, type)}: key${plan.undescribed.length === 1 ? "" : "s"} ${plan.undescribed.join(", ")} not in the protocol's codebook; types inferred from the GraphML keys`,
      });
    }
    return { header, plan, label: labelOf(kind, type) };
  };
  plans.set("graph\u0000", planFor("graph", undefined));
  for (const kind of ["node", "edge"] as const) {
    const types = new Set([...scan.used[kind].keys(), ...(protocol ? Object.keys(protocol[kind]) : [])]);
    for (const type of [...types].sort()) {
      if (protocol && !scan.used[kind].has(type)) {
        codebook[kind][type] = { ...protocol[kind][type] };
        continue;
      }
      plans.set(`${kind}\u0000${type}`, planFor(kind, type));
    }
  }
  if (!protocol) {
    problems.report({
      severity: "warning",
      code: "inferred-types",
      file: files[0].name,
      message:
        "no protocol (.netcanvas) was given or found beside the data, so variable types were inferred from the GraphML keys; " +
        "pass --protocol for exact types and every category",
    });
  }

  const typeNames = new Map<string, string>();
  /** How graphs become interviews, problems going to `problems` (once-only warnings: once per reading). */
  const conversionTo = (problems: ProblemSink): GraphmlConversion => {
    const warned = new Set<string>();
    return {
      egoIdField: ctx.egoIdField,
      typeName(kind, value) {
        const id = `${kind}\u0000${value}`;
        let name = typeNames.get(id);
        if (name === undefined) {
          // As in CSV file names: the codebook name with non-word characters removed, matched to the codebook.
          name = exportTypeName(value) || value;
          if (protocol) {
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
        if (p === undefined) plans.set(id, (p = planFor(kind, type, problems)));
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
  };

  /** The interviews in input order, each checked; problems met on the way go to `problems`. */
  async function* egos(problems: ProblemSink): AsyncGenerator<EgoNetwork> {
    const conversion = conversionTo(problems);
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
    egos: () => egos(ctx.problems),
    parts: (sink: ProblemSink) => builtParts(egos(sink)),
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

/** Which key names each node and edge type has values for, and a profile of every key's values. */
async function scanGraphml(files: SourceFile[]): Promise<{
  used: { node: Map<string, Set<string>>; edge: Map<string, Set<string>> };
  profiles: Map<string, ColumnProfile>;
}> {
  const used = { node: new Map<string, Set<string>>(), edge: new Map<string, Set<string>>() };
  const profiles = new Map<string, ColumnProfile>();
  const profile = (g: GraphmlGraph, data: Map<string, string>) => {
    for (const [id, text] of data) {
      const name = g.keys.get(id)?.name;
      if (name === undefined) continue;
      let p = profiles.get(name);
      if (!p) profiles.set(name, (p = emptyProfile()));
      profileCell(p, text);
    }
  };
  for (const file of files) {
    for await (const g of streamGraphmlGraphs(file, silent)) {
      profile(g, g.data);
      const typeIds = [...g.keys.values()].filter((k) => k.name === "networkCanvasType").map((k) => k.id);
      const names = (data: Map<string, string>) => [...data.keys()].map((id) => g.keys.get(id)?.name).filter((n): n is string => n !== undefined);
      for (const [kind, elements, fallback] of [
        ["node", g.nodes, GRAPHML_DEFAULT_NODE_TYPE],
        ["edge", g.edges, GRAPHML_DEFAULT_EDGE_TYPE],
      ] as const) {
        for (const el of elements) {
          profile(g, el.data);
          const raw = typeIds.map((id) => el.data.get(id)).find((v) => v !== undefined && v !== "");
          const type = raw === undefined ? fallback : exportTypeName(raw) || raw;
          let set = used[kind].get(type);
          if (set === undefined) used[kind].set(type, (set = new Set()));
          for (const n of names(el.data)) set.add(n);
        }
      }
    }
  }
  return { used, profiles };
}
