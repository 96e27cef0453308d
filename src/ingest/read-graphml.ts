import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors.js";
import { overlayDeclarations, typedDeclarations, type Codebook, type EgoNetwork, type ProblemSink } from "../model/index.js";
import type { BuildSetup, EgoBuilder } from "./ego-parts.js";
import { buildGraphmlEgo, graphmlConversion, GraphmlMemory, noteEgoId, type GraphmlEgoParts } from "./graphml-build.js";
import { scanGraphml } from "./graphml-scan.js";
import { graphmlPieceSources } from "./graphml-split.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import { GRAPHML_FIXED_NAMES, keyApplies, type GraphmlElementKind, type GraphmlPlan } from "./graphml-network.js";
import { readGraphmlKeys, streamGraphmlGraphs, type GraphmlKey } from "./graphml-stream.js";
import { listInput } from "./list-input.js";
import { planColumns, planVariables } from "./plan-columns.js";
import { graphmlEvidence } from "./graphml-evidence.js";
import { codebookFromProtocolFile, readProtocol } from "./read-protocol.js";
import { diskFile, type SourceFile } from "./source-file.js";

const silent: ProblemSink = { report: () => undefined };

/** Inputs of at least this many bytes are scanned in the worker threads a caller offers. */
const SCAN_IN_THREADS_FROM = 4 * 1024 * 1024;

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
  const keysOf = new Map<SourceFile, GraphmlKey[]>();
  for (const file of files) {
    const keys = [...(await readGraphmlKeys(file, silent)).values()];
    keysOf.set(file, keys);
    allKeys.push(...keys);
  }
  const headerOf = (kind: GraphmlElementKind, accept: (k: GraphmlKey) => boolean = () => true) => [
    ...new Set(allKeys.filter((k) => keyApplies(k, kind) && !GRAPHML_FIXED_NAMES.includes(k.name) && accept(k)).map((k) => k.name)),
  ];
  const found = ctx.protocol === undefined ? await protocolBeside(protocols, problems) : undefined;
  const protocolPath = ctx.protocol !== undefined ? path.resolve(ctx.protocol) : found?.file.path;
  const protocol = protocolPath !== undefined ? (found?.codebook ?? (await readProtocol(ctx.protocol!))) : undefined;
  // One pass over the files: which keys each node and edge type has values for, and what string values look like.
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  const scan = await scanGraphml(files, keysOf, bytes >= SCAN_IN_THREADS_FROM ? ctx.graphmlScanPool : undefined);
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

  const setup: BuildSetup = { codebook, graphml: { egoIdField: ctx.egoIdField, protocol: protocol !== undefined, plans: [...plans] } };

  /** The interviews as parts: each `<graph>` of a file that splits as bytes, of any other file parsed here. */
  async function* parts(sink: ProblemSink): AsyncGenerator<GraphmlEgoParts> {
    for (const file of files) {
      const pieces = scan.pieces.get(file);
      if (pieces === undefined) {
        for await (const graph of streamGraphmlGraphs(file, sink)) yield { kind: "graphml", source: { graph } };
        continue;
      }
      for await (const source of graphmlPieceSources(file, pieces, keysOf.get(file)!)) yield { kind: "graphml", source };
    }
  }

  /** One reading's builder: once-only warnings and ego ids seen are remembered across its interviews. */
  const builder = (): EgoBuilder => {
    const memory = new GraphmlMemory(new Map());
    return {
      setup,
      build: (p, sink) => {
        if (p.kind !== "graphml") throw new Error("bug: not GraphML parts");
        return buildGraphmlEgo(p, graphmlConversion(setup.graphml!, codebook, memory, sink, planFor), codebook, memory);
      },
      builtElsewhere: (ego, sink) => noteEgoId(memory.seen!, { ego }, sink),
    };
  };

  /** The interviews in input order, each checked; problems met on the way go to `problems`. */
  async function* egos(problems: ProblemSink): AsyncGenerator<EgoNetwork> {
    const build = builder();
    for await (const p of parts(problems)) yield build.build(p, problems);
  }

  return {
    format: "graphml",
    input,
    files: [...files.map((f) => f.path), ...(protocolPath !== undefined ? [protocolPath] : [])].sort(),
    codebook,
    egos: () => egos(ctx.problems),
    parts: (sink: ProblemSink) => parts(sink),
    builder,
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
