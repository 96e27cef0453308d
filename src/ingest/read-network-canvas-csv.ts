import { EDGE_COLUMNS, EGO_COLUMNS, FRESCO_EGO_COLUMNS, LEGACY_ID_COLUMN, NODE_COLUMNS } from "../model/network-canvas-columns.js";
import { readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { InputError } from "../errors.js";
import type {
  Alter,
  Attributes,
  Codebook,
  Ego,
  EgoNetwork,
  Problem,
  ProblemSink,
  StudyConfig,
  Tie,
  VariableSet,
} from "../model/index.js";
import { overlayDeclarations, ProblemList, typedDeclarations } from "../model/index.js";
import { emptyProfile, evidenceOf, profileCell, type ColumnEvidence, type ColumnProfile } from "./column-profile.js";
import { checkNetwork } from "./check-network.js";
import type { CsvRun } from "./csv/csv-lexer.js";
import { csvRecords, widthProblem } from "./csv/csv-records.js";
import { csvRows, csvRuns, type CsvRow } from "./csv/csv-rows.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import { decodeRecord } from "./decode-record.js";
import { duplicateEgoIdMessage, type EgoIdSeen } from "./duplicate-ego-id.js";
import { exportFileName } from "./export-file-name.js";
import { listInput } from "./list-input.js";
import { mergeVariableSets, planColumns, planVariables, type ColumnPlan, type PlanAmbiguity } from "./plan-columns.js";
import { codebookFromProtocolJson, protocolJsonText, readProtocol, typeNameMatches } from "./read-protocol.js";
import type { ZipLimits } from "./read-zip.js";
import { memoryFile, naturalCompare, type SourceFile } from "./source-file.js";
import { mapConcurrently } from "../map-concurrently.js";

/** Ego columns that identify the interview or describe the export; never ego variables. */
export const EGO_FIXED_COLUMNS: readonly string[] = [...EGO_COLUMNS, ...FRESCO_EGO_COLUMNS];
/** attributeList id columns (`id` in exports older than Interviewer 6.0). */
export const NODE_FIXED_COLUMNS: readonly string[] = [...NODE_COLUMNS, LEGACY_ID_COLUMN];
/** edgeList id columns (`id` in exports older than Interviewer 6.0). */
export const EDGE_FIXED_COLUMNS: readonly string[] = [...EDGE_COLUMNS, LEGACY_ID_COLUMN];

/** Header reads in flight at once when opening. */
const HEADER_CONCURRENCY = 16;
/** Largest export (all its files) loaded ahead into memory while the previous one is read. */
const PRELOAD_BYTES = 4 * 1024 * 1024;

/** Rows read, per type, to tell which columns hold only true/false when there is no protocol. */
export const INFERENCE_SAMPLE_ROWS = 2000;

const EGO_ID_COLUMN = {
  caseId: "networkCanvasCaseID",
  sessionId: "networkCanvasSessionID",
  egoUUID: "networkCanvasEgoUUID",
} as const;

export interface NetworkCanvasCsvOptions {
  /** Zip-bomb limits for a zip input (defaults: DEFAULT_ZIP_LIMITS). */
  zipLimits?: ZipLimits;
}

type Kind = "ego" | "node" | "edge";

interface ExportFile {
  source: SourceFile;
  kind: Kind;
  /** The type as named in the file name (null for the header-only `_attributeList.csv`). */
  named: string | null;
  /** The type: the codebook's name for it when the protocol lists it. "" for ego files. */
  type: string;
  header?: string[];
  plan?: ColumnPlan;
  /** What building an ego needs to know about this file (node and edge files with a plan). */
  side?: SideFile;
}

interface ExportUnit {
  key: string;
  ego?: ExportFile;
  nodes: ExportFile[];
  edges: ExportFile[];
}

/**
 * Opens Network Canvas CSV exports: a folder (searched recursively; several exports may sit side by side),
 * the export zip itself (read in memory, with zip-bomb limits), or one `_ego.csv` file. Files are grouped by
 * their prefix using the known suffixes; ids come from the columns, never from the file names.
 *
 * Opening reads the protocol and every file's header (and, with no protocol, a sample of rows to infer the
 * types). `egos()` then streams one interview at a time: per-session exports one session's files at a time;
 * merged exports (one prefix, many egos) by streaming every file in step with the ego file, joined on
 * networkCanvasEgoUUID, a run of rows at a time (csvRuns). A file whose rows are not in ego-file order has
 * its out-of-order groups buffered (memory then grows only for that file); a first pass counts each ego's
 * rows so the join knows when an ego is complete. Every ego goes through `checkNetwork` before it is
 * handed on. egoPartsOf gives the same interviews unbuilt (for worker threads), reading merged exports in
 * one pass when their rows are in ego-file order, as Network Canvas writes them.
 */
export async function openNetworkCanvasCsv(
  input: string,
  ctx: ReaderContext,
  options: NetworkCanvasCsvOptions = {},
): Promise<Dataset> {
  const problems = ctx.problems;
  const listing = await listInput(input, problems, {
    keep: (name) => /\.(csv|netcanvas)$/i.test(name),
    zipLimits: options.zipLimits,
  });
  const inputName = basename(listing.input);

  let files = listing.files;
  if (listing.kind === "file") {
    const named = exportFileName(inputName);
    if (named?.role !== "ego") {
      throw new InputError(
        "give the export's _ego.csv file, or the folder or zip holding the export (this file is not an _ego.csv file)",
        { file: input },
      );
    }
    files = files.filter((f) => exportFileName(f.name)?.prefix === named.prefix || /\.netcanvas$/i.test(f.name));
  }

  // Group the files into exports (units) by folder and prefix.
  const units = new Map<string, ExportUnit>();
  const protocols: SourceFile[] = [];
  for (const source of files) {
    if (/\.netcanvas$/i.test(source.name)) {
      protocols.push(source);
      continue;
    }
    const named = exportFileName(source.name);
    if (!named) {
      problems.report({
        severity: "warning",
        code: "ignored-file",
        file: source.name,
        message:
          "not a Network Canvas export file name (…_ego.csv, …_attributeList_<Type>.csv, …_edgeList_<Type>.csv); ignored",
      });
      continue;
    }
    if (named.role === "matrix") continue; // adjacency matrices repeat the edge lists
    const folder = source.name.includes("/") ? source.name.slice(0, source.name.lastIndexOf("/") + 1) : "";
    const key = folder + named.prefix;
    let unit = units.get(key);
    if (!unit) units.set(key, (unit = { key, nodes: [], edges: [] }));
    if (named.role === "ego") unit.ego = { source, kind: "ego", named: "", type: "" };
    else {
      const file: ExportFile = { source, kind: named.role, named: named.type, type: named.type ?? "" };
      (named.role === "node" ? unit.nodes : unit.edges).push(file);
    }
  }
  if (![...units.values()].some((u) => u.ego)) {
    throw new InputError(
      `no Network Canvas CSV export found in ${input}: expected files named <caseId>_<sessionId>_ego.csv ` +
        "(with _attributeList_<Type>.csv and _edgeList_<Type>.csv beside them)",
    );
  }

  // The codebook: the given protocol, else the one protocol beside the data.
  const used = new Set<string>();
  let protocol: Codebook | undefined;
  if (ctx.protocol) {
    protocol = await readProtocol(ctx.protocol);
    used.add(resolve(ctx.protocol));
  } else if (protocols.length > 0) {
    protocol = await protocolBeside(protocols, problems, used, listing.kind === "zip" ? listing.input : undefined);
  }

  const ordered = [...units.values()].sort((a, b) => naturalCompare(a.key, b.key));
  for (const unit of ordered) {
    if (unit.ego) continue;
    for (const file of [...unit.nodes, ...unit.edges]) {
      problems.report({
        severity: "error",
        code: "missing-ego-file",
        file: file.source.name,
        message: `no ${unit.key.slice(unit.key.lastIndexOf("/") + 1)}_ego.csv beside this file, so its rows belong to no known ego; not read`,
      });
    }
  }
  const exports = ordered.filter((unit) => unit.ego);
  const all: ExportFile[] = [];
  for (const unit of exports) all.push(unit.ego!, ...unit.nodes, ...unit.edges);

  // Headers (problems in them are reported now; their files are then left out).
  // Read with a few files in flight (disk latency dominates small files); problems are reported in file order.
  const headers = await mapConcurrently(all, HEADER_CONCURRENCY, async (file) => {
    const found = new ProblemList();
    const header = await readHeader(firstLine(readNow(file.source)), found);
    if (header && file.named === null) await refuseUntypedRows(file, found);
    return { header, found };
  });
  all.forEach((file, i) => {
    file.header = headers[i].header;
    for (const p of headers[i].found.problems) problems.report(p);
  });
  for (const file of all) {
    if (file.header && !hasIdColumns(file, problems)) file.header = undefined;
  }

  // Types: the protocol's names when it lists them.
  if (protocol) {
    for (const file of all) {
      if (file.kind === "ego" || file.named === null) continue;
      const types = file.kind === "node" ? protocol.node : protocol.edge;
      const match = Object.keys(types).find((name) => typeNameMatches(file.named!, name));
      if (match !== undefined) file.type = match;
    }
  }

  const readable = all.filter((f) => f.header && f.named !== null);
  reportHeaderDifferences(readable, problems);
  const codebook = await buildCodebook(readable, protocol, ctx.config, problems);
  if (!protocol) {
    problems.report({
      severity: "warning",
      code: "inferred-types",
      file: inputName,
      message:
        "no protocol (.netcanvas) was found beside the data, so variable types were inferred from column names and values " +
        "(categorical variables from their option columns); give --protocol for exact types and every category",
    });
  }
  // Files of one type with one header share one plan (per-session exports repeat the same few headers).
  const plans = new Map<string, ColumnPlan>();
  for (const file of readable) {
    const variables = variablesFor(codebook, file);
    const planKey = `${file.kind}\u0000${file.type}\u0000${file.header!.join("\u0000")}`;
    let plan = plans.get(planKey);
    if (!plan) plans.set(planKey, (plan = planColumns(file.header!, variables, fixedColumns(file.kind))));
    file.plan = plan;
    if (file.kind !== "ego") file.side = { name: file.source.name, kind: file.kind, type: file.type, plan, width: file.header!.length };
    if (file.plan.duplicates.length > 0) {
      problems.report({
        severity: "warning",
        code: "duplicate-column",
        file: file.source.name,
        line: 1,
        message: `the header repeats ${file.plan.duplicates.join(", ")}; only the first column of each name is read`,
      });
    }
    if (file.kind === "ego" && file.plan.fixed[EGO_ID_COLUMN[ctx.egoIdField]] === undefined) {
      problems.report({
        severity: "warning",
        code: "missing-column",
        file: file.source.name,
        line: 1,
        message: `no ${EGO_ID_COLUMN[ctx.egoIdField]} column, so the ego id is the networkCanvasEgoUUID`,
      });
    }
  }
  if (protocol) reportTypesNotInProtocol(readable, protocol, problems);

  const diskFiles = new Set<string>([...used]);
  if (listing.kind === "zip") diskFiles.add(listing.input);
  else for (const f of all) diskFiles.add(f.source.archive ?? f.source.path);

  let iterated = false;
  const once = () => {
    if (iterated) throw new Error("bug: Dataset.egos() iterated twice");
    iterated = true;
  };
  const dataset: Dataset = {
    format: "network-canvas-csv",
    input: listing.input,
    files: [...diskFiles].sort(),
    codebook,
    egos: () => {
      once();
      return buildEach(streamParts(exports, ctx, ctx.problems, false), codebook, ctx.problems);
    },
    expectedEgos: () => expectedEgos(exports),
  };
  partSources.set(dataset, (sink, options) => {
    if (!options.again) once();
    return streamParts(exports, ctx, sink, options.inOrder);
  });
  return dataset;
}

interface PartsOptions {
  /**
   * Read each merged export in one pass, taking every side file's rows to be grouped by ego in the ego
   * file's order (as Network Canvas writes them). When a file turns out not to be, reading stops with
   * RowsOutOfOrder: whatever was read is wrong, and must be read again without this option (which first
   * counts each ego's rows in each file, and then accepts any order).
   */
  inOrder: boolean;
  /** Reading again after RowsOutOfOrder. */
  again?: boolean;
}

const partSources = new WeakMap<Dataset, (problems: ProblemSink, options: PartsOptions) => AsyncIterable<EgoParts>>();

/**
 * The interviews of a dataset openNetworkCanvasCsv returned, as EgoParts in input order, instead of egos()
 * (iterate one or the other, once): buildEgoNetwork(parts, dataset.codebook, problems) then gives each
 * EgoNetwork exactly as egos() would have, in this thread or in a worker. Problems met while reading go to
 * `problems`. Undefined for any other dataset, including one that wraps it (its egos() may add to them).
 */
export function egoPartsOf(dataset: Dataset, problems: ProblemSink, options: PartsOptions = { inOrder: false }): AsyncIterable<EgoParts> | undefined {
  return partSources.get(dataset)?.(problems, options);
}

/** Thrown (with PartsOptions.inOrder) when a side file's rows are not grouped by ego in the ego file's order. */
export class RowsOutOfOrder extends Error {
  constructor(readonly file: string) {
    super(`bug: the rows of ${file} are not in the ego file's order, and reading them as if they were was not undone`);
  }
}

/** Whether egoPartsOf works for this dataset. */
export function hasEgoParts(dataset: Dataset): boolean {
  return partSources.has(dataset);
}

async function* buildEach(parts: AsyncIterable<EgoParts>, codebook: Codebook, problems: ProblemSink): AsyncGenerator<EgoNetwork> {
  for await (const p of parts) yield buildEgoNetwork(p, codebook, problems);
}

/** Ego files of at most this size are taken to hold one interview each (per-session exports) when counting. */
const SMALL_EGO_FILE = 64 * 1024;

async function expectedEgos(units: ExportUnit[]): Promise<number> {
  let total = 0;
  for (const unit of units) {
    const file = unit.ego;
    if (!file?.plan) continue;
    if (file.source.size <= SMALL_EGO_FILE && !file.source.inMemory) {
      total++;
      continue;
    }
    let lines = 0;
    let last = 10;
    try {
      for await (const chunk of file.source.chunks()) {
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        if (chunk.length > 0) last = chunk[chunk.length - 1];
      }
    } catch {
      continue; // reading it for real reports the problem
    }
    total += Math.max(0, lines - 1 + (last === 10 ? 0 : 1));
  }
  return total;
}

function fixedColumns(kind: Kind): readonly string[] {
  return kind === "ego" ? EGO_FIXED_COLUMNS : kind === "node" ? NODE_FIXED_COLUMNS : EDGE_FIXED_COLUMNS;
}

function describeType(file: ExportFile): string {
  return file.kind === "ego" ? "the ego" : `${file.kind} type ${file.type}`;
}

/** The one protocol beside the data; several different ones: none, with a warning. */
async function protocolBeside(
  found: SourceFile[],
  problems: ProblemSink,
  used: Set<string>,
  zipPath: string | undefined,
): Promise<Codebook | undefined> {
  const texts = new Map<string, SourceFile[]>();
  for (const file of found) {
    let text: string;
    try {
      text = protocolJsonText(await file.bytes(), file.name);
    } catch (e) {
      problems.report({
        severity: "warning",
        code: "unreadable-protocol",
        file: file.name,
        message: `${e instanceof Error ? e.message : String(e)}; this protocol is not used`,
      });
      continue;
    }
    const same = texts.get(text);
    if (same) same.push(file);
    else texts.set(text, [file]);
  }
  if (texts.size === 0) return undefined;
  if (texts.size > 1) {
    const names = [...texts.values()].map((list) => list[0].name).join(", ");
    problems.report({
      severity: "warning",
      code: "several-protocols",
      file: found[0].name,
      message: `found ${texts.size} different protocols (${names}), so none is used; give the right one with --protocol`,
    });
    return undefined;
  }
  const [[text, list]] = [...texts];
  const codebook = codebookFromProtocolJson(text, list[0].name);
  if (!zipPath) for (const f of list) used.add(f.archive ?? f.path);
  return codebook;
}

/** The header of a file; on failure the problem is reported once and undefined returned. */
async function readHeader(source: SourceFile, problems: ProblemSink): Promise<string[] | undefined> {
  const header = await firstRows(source, 1);
  if (header.length > 0) return header[0].fields;
  // Read again, reporting, to say why (the problem sits at or before the header, so it is reported once).
  const rows = csvRows(source, (p) => problems.report(p));
  try {
    await rows.next();
  } finally {
    await rows.return(undefined);
  }
  return undefined;
}

/** Up to `n` rows (header included), silently. */
async function firstRows(source: SourceFile, n: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  if (n <= 0) return out;
  for await (const row of csvRows(source)) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}

/** A header-only `_attributeList.csv`/`_edgeList.csv` must have no rows: there is no type to give them. */
async function refuseUntypedRows(file: ExportFile, problems: ProblemSink): Promise<void> {
  const rows = await firstRows(file.source, 2);
  if (rows.length < 2) return;
  problems.report({
    severity: "error",
    code: "untyped-rows",
    file: file.source.name,
    line: rows[1].line,
    message: `this file has rows but its name gives no ${file.kind} type (expected …_${file.kind === "node" ? "attributeList" : "edgeList"}_<Type>.csv); its rows are not read`,
  });
}

/** The id columns a file needs; a file without them is reported and not read. */
function hasIdColumns(file: ExportFile, problems: ProblemSink): boolean {
  const has = new Set(file.header);
  let missing: string | undefined;
  if (file.kind === "ego" && !has.has("networkCanvasEgoUUID")) missing = "networkCanvasEgoUUID";
  if (file.kind === "node" && !has.has("networkCanvasUUID") && !has.has("nodeID") && !has.has("id")) {
    missing = "networkCanvasUUID (or nodeID)";
  }
  if (
    file.kind === "edge" &&
    !(has.has("networkCanvasSourceUUID") && has.has("networkCanvasTargetUUID")) &&
    !(has.has("from") && has.has("to"))
  ) {
    missing = "networkCanvasSourceUUID and networkCanvasTargetUUID (or from and to)";
  }
  if (!missing) return true;
  // A file saved again by a spreadsheet set to another locale is `;`- or tab-separated: one long column.
  const only = file.header?.length === 1 ? file.header[0] : "";
  const separator = only.includes(";") ? ";" : only.includes("\t") ? "tab" : undefined;
  problems.report({
    severity: "error",
    code: "missing-column",
    file: file.source.name,
    line: 1,
    message:
      `the header has no ${missing} column, so the rows cannot be joined; this file is not read` +
      (separator
        ? ` (its columns are separated by ${separator === ";" ? '";"' : "tabs"}, not commas: was it saved again by a spreadsheet? Use the file as exported)`
        : ""),
  });
  return false;
}

/** One warning per file whose columns differ from the first file of the same type. */
function reportHeaderDifferences(files: ExportFile[], problems: ProblemSink): void {
  const first = new Map<string, ExportFile>();
  for (const file of files) {
    const key = `${file.kind}\u0000${file.type}`;
    const reference = first.get(key);
    if (!reference) {
      first.set(key, file);
      continue;
    }
    const mine = new Set(file.header);
    const theirs = new Set(reference.header);
    const missing = [...theirs].filter((c) => !mine.has(c));
    const extra = [...mine].filter((c) => !theirs.has(c));
    if (missing.length === 0 && extra.length === 0) continue;
    const list = (cols: string[]) => (cols.length > 8 ? cols.slice(0, 8).join(", ") + `, … (${cols.length} in all)` : cols.join(", "));
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`lacks ${list(missing)}`);
    if (extra.length > 0) parts.push(`adds ${list(extra)}`);
    problems.report({
      severity: "warning",
      code: "header-mismatch",
      file: file.source.name,
      line: 1,
      message: `the columns differ from ${reference.source.name}: this file ${parts.join(" and ")}; the columns of all files are combined (missing values are empty)`,
    });
  }
}

/**
 * The variable model of the export: for the ego and each node and edge type, the protocol's variables and
 * the config's typed declarations, then every column neither describes inferred from its values (see
 * inferColumns), then the config's declarations laid over the lot. Ambiguous inferences and columns the
 * protocol lacks are reported once per type.
 */
async function buildCodebook(files: ExportFile[], protocol: Codebook | undefined, config: StudyConfig, problems: ProblemSink): Promise<Codebook> {
  const codebook: Codebook = { source: protocol ? "protocol" : "inferred", ego: {}, node: {}, edge: {} };
  const groups = new Map<string, ExportFile[]>();
  for (const file of files) {
    const key = `${file.kind}\u0000${file.type}`;
    const list = groups.get(key);
    if (list) list.push(file);
    else groups.set(key, [file]);
  }
  for (const group of groups.values()) {
    const { kind, type } = group[0];
    const entity = kind === "ego" ? "ego" : type;
    const described = protocol ? (kind === "ego" ? protocol.ego : (kind === "node" ? protocol.node : protocol.edge)[type]) : undefined;
    const declared = { ...(described ?? {}), ...typedDeclarations(config, entity) };
    const known = described !== undefined || Object.keys(declared).length > 0 ? declared : undefined;
    let profiles: Map<string, ColumnProfile> | undefined;
    const variables: VariableSet = {};
    const seenHeaders = new Set<string>();
    const inferred = new Set<string>();
    const warnedAmbiguous = new Set<string>();
    for (const file of group) {
      const signature = file.header!.join("\u0000");
      if (seenHeaders.has(signature)) continue;
      seenHeaders.add(signature);
      let plan = planColumns(file.header!, known, fixedColumns(kind));
      if (!known || plan.undescribed.length > 0) {
        profiles ??= await profileColumns(group);
        const evidence = (column: string): ColumnEvidence => ({ kind: evidenceOf(profiles!.get(column) ?? emptyProfile()) });
        plan = planColumns(file.header!, known, fixedColumns(kind), { evidence });
      }
      mergeVariableSets(variables, planVariables(plan));
      for (const a of plan.ambiguities) if (!warnedAmbiguous.has(a.variable) && warnedAmbiguous.add(a.variable)) reportAmbiguity(a, entity, file, problems);
      if (described) for (const column of plan.undescribed) inferred.add(column);
    }
    if (inferred.size > 0) {
      problems.report({
        severity: "warning",
        code: "unknown-column",
        file: group[0].source.name,
        line: 1,
        message: `${describeType(group[0])}: column${inferred.size === 1 ? "" : "s"} ${[...inferred].join(", ")} not in the protocol's codebook; types inferred from the values`,
      });
    }
    overlayDeclarations(variables, config, entity);
    if (kind === "ego") codebook.ego = variables;
    else if (kind === "node") codebook.node[type] = variables;
    else codebook.edge[type] = variables;
  }
  // Types in the protocol's order, then the others in the order their files came.
  if (protocol) {
    codebook.node = inOrderOf(codebook.node, Object.keys(protocol.node));
    codebook.edge = inOrderOf(codebook.edge, Object.keys(protocol.edge));
  }
  return codebook;
}

function inOrderOf<T>(record: Record<string, T>, order: string[]): Record<string, T> {
  const keys = [...order.filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

/** One warning per ambiguous inference, with the config entry that settles it. */
function reportAmbiguity(a: PlanAmbiguity, entity: string, file: ExportFile, problems: ProblemSink): void {
  problems.report({
    severity: "warning",
    code: "ambiguous-columns",
    file: file.source.name,
    line: 1,
    message:
      `${entity}: columns ${a.columns.join(", ")} ${a.chosen}; the CSV alone cannot say where the variable name ends. ` +
      `To settle it, declare it in netsp.config.json: "variables": ${JSON.stringify({ [`${entity}.${a.variable}`]: a.declaration })} ` +
      "(or give the protocol)",
  });
}

function variablesFor(codebook: Codebook, file: ExportFile): VariableSet {
  if (file.kind === "ego") return codebook.ego;
  return (file.kind === "node" ? codebook.node : codebook.edge)[file.type] ?? {};
}

/** What the values of each column look like, over the first INFERENCE_SAMPLE_ROWS rows of a type's files. */
async function profileColumns(files: ExportFile[]): Promise<Map<string, ColumnProfile>> {
  const profiles = new Map<string, ColumnProfile>();
  let budget = INFERENCE_SAMPLE_ROWS;
  for (const file of files) {
    if (budget <= 0) break;
    const header = file.header!;
    const row = header.map((c) => {
      let p = profiles.get(c);
      if (!p) profiles.set(c, (p = emptyProfile()));
      return p;
    });
    let first = true;
    for await (const record of csvRows(file.source)) {
      if (first) {
        first = false;
        continue;
      }
      for (let i = 0; i < row.length; i++) profileCell(row[i], i < record.fields.length ? record.fields[i] : "");
      if (--budget <= 0) break;
    }
  }
  return profiles;
}

/** Node and edge types in the data that the protocol does not list: one warning each. */
function reportTypesNotInProtocol(files: ExportFile[], protocol: Codebook, problems: ProblemSink): void {
  const warned = new Set<string>();
  for (const file of files) {
    if (file.kind === "ego") continue;
    const types = file.kind === "node" ? protocol.node : protocol.edge;
    const key = `${file.kind}\u0000${file.type}`;
    if (Object.hasOwn(types, file.type) || warned.has(key)) continue;
    warned.add(key);
    problems.report({
      severity: "warning",
      code: file.kind === "node" ? "unknown-node-type" : "unknown-edge-type",
      file: file.source.name,
      message: `${file.kind} type ${file.type} is not in the protocol's codebook (${file.kind} types: ${
        Object.keys(types).join(", ") || "none"
      }); its variables are read untyped`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Streaming the egos

async function* streamParts(units: ExportUnit[], ctx: ReaderContext, problems: ProblemSink, inOrder: boolean): AsyncGenerator<EgoParts> {
  const egoIds = new Map<string, EgoIdSeen>();
  const readable = units.filter((u) => u.ego?.plan);
  // While one export is read, the files of the next small ones are loaded (PRELOAD_UNITS exports ahead,
  // each at most PRELOAD_BYTES): per-session exports are many tiny files, and waiting on each in turn
  // (every open and read a trip to the thread pool) is most of the time.
  const ahead: Array<Promise<ExportUnit>> = [];
  let loaded = 0;
  const fill = () => {
    while (ahead.length < PRELOAD_UNITS && loaded < readable.length) {
      const next = preload(readable[loaded++]);
      next.catch(() => undefined); // a failure surfaces when that export's turn comes
      ahead.push(next);
    }
  };
  for (let i = 0; i < readable.length; i++) {
    fill();
    const unit = await ahead.shift()!;
    fill();
    yield* unitParts(unit, unit.ego!, ctx, egoIds, problems, inOrder);
  }
}

/** Small exports loaded ahead of the one being read. */
const PRELOAD_UNITS = 8;

/** Files of a small disk export loaded into memory; larger exports (and zip entries) stay as they are. */
async function preload(unit: ExportUnit): Promise<ExportUnit> {
  const files = [unit.ego!, ...unit.nodes, ...unit.edges];
  const total = files.reduce((sum, f) => sum + f.source.size, 0);
  if (total > PRELOAD_BYTES || files.every((f) => f.source.inMemory)) return unit;
  const load = async (f: ExportFile): Promise<ExportFile> => {
    const now = readNow(f.source);
    if (now !== f.source) return { ...f, source: now };
    try {
      return { ...f, source: memoryFile(f.source.name, f.source.path, await f.source.bytes()) };
    } catch {
      return f; // read normally, so the problem is reported where it belongs
    }
  };
  const [ego, ...rest] = await Promise.all(files.map(load));
  return { key: unit.key, ego, nodes: rest.slice(0, unit.nodes.length), edges: rest.slice(unit.nodes.length) };
}

/**
 * Of a file in memory whose first line holds no quote, that line alone: all readHeader needs (splitting the
 * rest of thousands of small files at opening is a good part of the time it takes). Else the file as it is.
 */
function firstLine(source: SourceFile): SourceFile {
  if (!source.inMemory || source.size > READ_NOW_BYTES) return source;
  return {
    ...source,
    chunks: async function* () {
      const bytes = await source.bytes();
      const end = bytes.indexOf(10);
      yield end >= 0 && bytes.subarray(0, end).indexOf(34) === -1 ? bytes.subarray(0, end + 1) : bytes;
    },
  };
}

/** Files up to this size are read at once, synchronously. */
const READ_NOW_BYTES = 256 * 1024;

/**
 * A small disk file read whole, synchronously: per-session exports are thousands of tiny files, and an
 * asynchronous open, read and close each take a trip to libuv's four threads. Anything else (and a file that
 * cannot be read, whose problem is then reported where it belongs) as it is.
 */
function readNow(source: SourceFile): SourceFile {
  if (source.inMemory || source.size > READ_NOW_BYTES) return source;
  try {
    return memoryFile(source.name, source.path, readFileSync(source.path));
  } catch {
    return source;
  }
}

/** What building an ego needs to know about a side file; plain data, so a worker thread can have it. */
export interface SideFile {
  /** The file's name, for problems and source references. */
  name: string;
  kind: "node" | "edge";
  type: string;
  plan: ColumnPlan;
  /** Fields in the header. */
  width: number;
}

/** Rows of one side file as the file holds them: CsvRun texts, each with the line it starts on. */
export interface SidePiece {
  text: string;
  line: number;
}

/**
 * One interview as read, before its alters and ties are decoded: the ego (decoded, since ego ids must be
 * checked across interviews) and, per side file, the text of the rows that belong to it. Plain data.
 */
export interface EgoParts {
  ego: Ego;
  sides: Array<{ file: SideFile; pieces: SidePiece[] }>;
}

/**
 * Builds one interview from its parts, as egos() hands it on: node files' rows become alters, edge files'
 * rows ties (joined on the UUIDs, else on node ids), then checkNetwork runs. Rows whose field count differs
 * from the header are reported (short-row / long-row) as they are split. The same in any thread; its
 * problems go to `problems` in a fixed order.
 */
export function buildEgoNetwork(parts: EgoParts, codebook: Codebook, problems: ProblemSink): EgoNetwork {
  const { ego } = parts;
  const report = (p: Problem) => problems.report(p);
  const alters: Alter[] = [];
  const ties: Tie[] = [];
  const nodeIds = new Map<string, string>();
  for (const kind of ["node", "edge"] as const) {
    for (const { file, pieces } of parts.sides) {
      if (file.kind !== kind) continue;
      const rows: CsvRow[] = [];
      for (const piece of pieces) for (const row of csvRecords(piece.text, piece.line, file.width, file.name, report)) rows.push(row);
      if (kind === "node") {
        for (const r of rows) {
          const alter = readAlter(r, file, ego.egoId, problems);
          if (!alter) continue;
          alters.push(alter.alter);
          if (alter.nodeId !== undefined) nodeIds.set(alter.nodeId, alter.alter.alterId);
        }
      } else {
        for (const r of rows) ties.push(readTie(r, file, ego.egoId, nodeIds, problems));
      }
    }
  }
  const network: EgoNetwork = { ego, alters, ties };
  checkNetwork(network, codebook, problems);
  return network;
}

/** A copy of a string that does not keep alive the (much longer) text it was cut from. */
function own(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * Reads one side file (node or edge rows) in step with the ego file, a run of rows at a time. How it knows
 * an ego's rows are all read: a one-ego export's are all its rows; for a merged export, either counts per
 * ego (from a first pass, so any order works: rows of later egos met on the way are kept for them) or, in
 * one pass, the rows of a later ego (then rows of an earlier ego met after it throw RowsOutOfOrder).
 */
class SideReader {
  private readonly runs: AsyncGenerator<CsvRun[]>;
  private batch: CsvRun[] = [];
  private at = 0;
  private done = false;
  private readonly pending = new Map<string, CsvRun[]>();
  private readonly noEgoColumn: boolean;

  constructor(
    readonly file: ExportFile,
    private readonly egoFile: ExportFile,
    private readonly known: Map<string, number>,
    /** One-ego export: undefined. Merged: rows per egoUUID, or "in-order" (no counts, one pass). */
    private readonly counts: Map<string, number> | "in-order" | undefined,
    private readonly problems: ProblemSink,
  ) {
    const col = file.plan!.fixed.networkCanvasEgoUUID;
    this.noEgoColumn = col === undefined;
    this.runs = csvRuns(largeChunks(file.source), col, (p) => problems.report(p));
  }

  /** The next run, left unread. */
  private async peek(): Promise<CsvRun | undefined> {
    while (this.at >= this.batch.length) {
      if (this.done) return undefined;
      const r = await this.runs.next();
      if (r.done) {
        this.done = true;
        this.batch = [];
        return undefined;
      }
      this.batch = r.value;
      this.at = 0;
    }
    return this.batch[this.at];
  }

  /** The next run, read (problems found just before it are reported now). */
  private async next(): Promise<CsvRun | undefined> {
    const run = await this.peek();
    if (run === undefined) return undefined;
    this.at++;
    if (run.before) for (const p of run.before) this.problems.report(p);
    return run;
  }

  /** The rows of ego `uuid` (the `index`-th of the ego file), as pieces of the file's text. */
  async take(uuid: string, index: number): Promise<SidePiece[]> {
    const mine: SidePiece[] = [];
    if (!this.counts) {
      // One ego in this export: every row is its, or belongs to an unknown ego.
      for (let run = await this.next(); run; run = await this.next()) {
        if (this.noEgoColumn || run.key === uuid) mine.push({ text: run.text, line: run.line });
        else this.unknownEgo(run);
      }
      return mine;
    }
    if (this.counts === "in-order") {
      for (let run = await this.peek(); run; run = await this.peek()) {
        if (run.key !== uuid) {
          const owner = this.known.get(run.key);
          if (owner !== undefined && owner > index) break; // the next ego's rows: this one's are all read
          if (owner !== undefined) throw new RowsOutOfOrder(this.file.source.name);
          await this.next();
          this.unknownEgo(run);
          continue;
        }
        await this.next();
        mine.push({ text: run.text, line: run.line });
      }
      return mine;
    }
    let need = this.counts.get(uuid) ?? 0;
    const ready = this.pending.get(uuid);
    if (ready) {
      this.pending.delete(uuid);
      for (const run of ready) {
        mine.push({ text: run.text, line: run.line });
        need -= run.rows;
      }
    }
    while (need > 0) {
      const run = await this.next();
      if (!run) break;
      if (run.key === uuid) {
        mine.push({ text: run.text, line: run.line });
        need -= run.rows;
      } else if (this.known.has(run.key)) {
        // Out of ego-file order: keep it for its ego.
        const list = this.pending.get(run.key);
        if (list) list.push(run);
        else this.pending.set(run.key, [run]);
      } else this.unknownEgo(run);
    }
    return mine;
  }

  /** After the last ego: whatever is left belongs to no ego of the ego file. */
  async drain(): Promise<void> {
    for (let run = await this.next(); run; run = await this.next()) {
      if (this.counts === "in-order" && this.known.has(run.key)) throw new RowsOutOfOrder(this.file.source.name);
      if (!this.counts || !this.known.has(run.key)) this.unknownEgo(run);
    }
  }

  async close(): Promise<void> {
    await this.runs.return(undefined);
  }

  private unknownEgo(run: CsvRun): void {
    const what = this.file.kind === "node" ? "alter" : "tie";
    const width = this.file.header!.length;
    for (const row of csvRecords(run.text, run.line, width, this.file.source.name)) {
      const mismatch = row.fields.length === width ? undefined : widthProblem(this.file.source.name, row.line, row.fields.length, width);
      if (mismatch) this.problems.report(mismatch);
      this.problems.report({
        severity: "error",
        code: "unknown-ego",
        file: this.file.source.name,
        line: row.line,
        message: `${what} of an unknown ego: this row's networkCanvasEgoUUID ${run.key ? run.key : "(empty)"} is not in ${this.egoFile.source.name}`,
      });
    }
  }
}

async function* unitParts(
  unit: ExportUnit,
  egoFile: ExportFile,
  ctx: ReaderContext,
  egoIds: Map<string, EgoIdSeen>,
  problems: ProblemSink,
  inOrder: boolean,
): AsyncGenerator<EgoParts> {
  const egoPlan = egoFile.plan!;
  const uuidCol = egoPlan.fixed.networkCanvasEgoUUID;

  // First pass over the ego file: which egos, in which order. A one-ego file is kept from this pass.
  const early = new ProblemList();
  const uuids: string[] = [];
  const kept: CsvRow[] = [];
  let header = true;
  for await (const row of csvRows(egoFile.source, (p) => early.report(p))) {
    if (header) {
      header = false;
      continue;
    }
    uuids.push(own(row.fields[uuidCol] ?? ""));
    if (kept.length < 2) kept.push(row);
  }
  const merged = uuids.length > 1;
  if (uuids.length === 0 && early.problems.length === 0) {
    problems.report({
      severity: "error",
      code: "no-ego-rows",
      file: egoFile.source.name,
      message: "this ego file has a header but no rows (an export always has one per interview): the file is cut short or the export is incomplete",
    });
  }
  const known = new Map<string, number>();
  uuids.forEach((u, i) => {
    if (!known.has(u)) known.set(u, i);
  });

  const sides: SideReader[] = [];
  try {
    for (const file of [...unit.nodes, ...unit.edges]) {
      if (!file.plan) continue;
      if (merged && file.plan.fixed.networkCanvasEgoUUID === undefined) {
        problems.report({
          severity: "error",
          code: "missing-column",
          file: file.source.name,
          line: 1,
          message: `no networkCanvasEgoUUID column, but ${egoFile.source.name} holds ${uuids.length} egos: the rows cannot be joined; this file is not read`,
        });
        continue;
      }
      const counts = !merged ? undefined : inOrder ? "in-order" : await countRowsPerEgo(file);
      sides.push(new SideReader(file, egoFile, known, counts, problems));
    }

    let egoRows: AsyncIterable<CsvRow>;
    if (merged) egoRows = dataRows(csvRows(largeChunks(egoFile.source), (p) => problems.report(p)));
    else {
      for (const p of early.problems) problems.report(p);
      egoRows = fromArray(kept);
    }

    const seen = new Set<string>();
    for await (const row of egoRows) {
      const egoUUID = row.fields[uuidCol] ?? "";
      if (seen.has(egoUUID)) {
        problems.report({
          severity: "error",
          code: "duplicate-ego-uuid",
          file: egoFile.source.name,
          line: row.line,
          message: `networkCanvasEgoUUID ${egoUUID || "(empty)"} appears twice in this file; the rows of that ego go to its first row, this one is not read`,
        });
        continue;
      }
      seen.add(own(egoUUID));
      const ego = readEgo(row, egoFile, ctx, egoIds, problems);
      const parts: EgoParts = { ego, sides: [] };
      for (const kind of ["node", "edge"] as const) {
        for (const side of sides) {
          if (side.file.kind !== kind) continue;
          const pieces = await side.take(egoUUID, known.get(egoUUID)!);
          if (pieces.length > 0) parts.sides.push({ file: side.file.side!, pieces });
        }
      }
      yield parts;
    }
    for (const side of sides) await side.drain();
  } finally {
    for (const side of sides) await side.close();
  }
}

async function* dataRows(rows: AsyncGenerator<CsvRow>): AsyncGenerator<CsvRow> {
  let header = true;
  try {
    for await (const row of rows) {
      if (header) {
        header = false;
        continue;
      }
      yield row;
    }
  } finally {
    await rows.return(undefined);
  }
}

async function* fromArray(rows: CsvRow[]): AsyncGenerator<CsvRow> {
  yield* rows;
}

/** Pieces read at a time from a large file. */
const LARGE_CHUNK = 1024 * 1024;
const FIRST_CHUNK = 64 * 1024;

/**
 * A large disk file read a mebibyte at a time: merged exports run to gigabytes, and the 64 KiB pieces a
 * read stream gives make reading them several times slower. The first pieces are smaller (64 KiB, then
 * doubling), so that the first interviews reach the worker threads without waiting for whole mebibytes of
 * every file to be read and split.
 */
function largeChunks(source: SourceFile): SourceFile {
  if (source.inMemory || source.size <= LARGE_CHUNK) return source;
  return {
    ...source,
    chunks: async function* () {
      const handle = await open(source.path, "r");
      try {
        for (let size = FIRST_CHUNK; ; size = Math.min(2 * size, LARGE_CHUNK)) {
          const buffer = Buffer.allocUnsafe(size);
          const { bytesRead } = await handle.read(buffer, 0, size, null);
          if (bytesRead === 0) break;
          yield bytesRead < size ? buffer.subarray(0, bytesRead) : buffer;
        }
      } finally {
        await handle.close();
      }
    },
  };
}

/** Rows per networkCanvasEgoUUID, counted silently (problems are reported on the reading pass). */
async function countRowsPerEgo(file: ExportFile): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const runs of csvRuns(largeChunks(file.source), file.plan!.fixed.networkCanvasEgoUUID)) {
    for (const run of runs) {
      const n = counts.get(run.key);
      if (n === undefined) counts.set(own(run.key), run.rows);
      else counts.set(run.key, n + run.rows);
    }
  }
  return counts;
}

function readEgo(row: CsvRow, file: ExportFile, ctx: ReaderContext, egoIds: Map<string, EgoIdSeen>, problems: ProblemSink): Ego {
  const plan = file.plan!;
  const cell = (name: string): string | undefined => {
    const i = plan.fixed[name];
    return i === undefined ? undefined : row.fields[i];
  };
  const egoUUID = cell("networkCanvasEgoUUID") ?? "";
  const meta: Ego["meta"] = { egoUUID };
  const caseId = cell("networkCanvasCaseID");
  const sessionId = cell("networkCanvasSessionID");
  const protocolName = cell("networkCanvasProtocolName");
  if (caseId !== undefined) meta.caseId = caseId;
  if (sessionId !== undefined) meta.sessionId = sessionId;
  if (protocolName !== undefined) meta.protocolName = protocolName;
  const [sessionFinish, finishOutcome] = [cell("sessionFinish"), cell("networkCanvasFinishOutcome")];
  if (sessionFinish !== undefined) meta.sessionFinish = sessionFinish;
  if (finishOutcome !== undefined) meta.finishOutcome = finishOutcome;
  const here = `${file.source.name}:${row.line}`;

  const column = EGO_ID_COLUMN[ctx.egoIdField];
  let egoId = cell(column) ?? egoUUID;
  if (egoId === "") {
    const fallback = egoUUID || here;
    if (plan.fixed[column] !== undefined) {
      problems.report({
        severity: "error",
        code: "missing-ego-id",
        file: file.source.name,
        line: row.line,
        message: `this ego has an empty ${column}; ${egoUUID ? "its networkCanvasEgoUUID" : "its place in the file"} (${fallback}) is used as the ego id`,
      });
    }
    egoId = fallback;
  }
  const first = egoIds.get(egoId);
  if (first !== undefined) {
    problems.report({
      severity: "error",
      code: "duplicate-ego-id",
      file: file.source.name,
      line: row.line,
      egoId,
      message: duplicateEgoIdMessage(egoId, { at: here, egoUUID }, first, ctx.egoIdField),
    });
  } else egoIds.set(own(egoId), { at: here, egoUUID: own(egoUUID) });

  const { attributes } = decodeRecord(plan, row.fields, { file: file.source.name, line: row.line, egoId }, problems);
  return { egoId, attributes, meta, source: { file: file.source.name, line: row.line } };
}

function readAlter(
  row: CsvRow,
  file: SideFile,
  egoId: string,
  problems: ProblemSink,
): { alter: Alter; nodeId?: string } | undefined {
  const plan = file.plan;
  const fixed = plan.fixed;
  const fields = row.fields;
  const nodeId = (fixed.nodeID === undefined ? undefined : fields[fixed.nodeID]) ?? (fixed.id === undefined ? undefined : fields[fixed.id]);
  const alterId = (fixed.networkCanvasUUID === undefined ? undefined : fields[fixed.networkCanvasUUID]) || nodeId || "";
  if (alterId === "") {
    problems.report(rowProblem("error", "missing-id", file, row, egoId, "this alter has no networkCanvasUUID (nor nodeID); it is not read"));
    return undefined;
  }
  const decoded = decodeRecord(plan, row.fields, { file: file.name, line: row.line, egoId }, problems);
  const alter: Alter = {
    egoId,
    alterId,
    nodeType: file.type,
    attributes: decoded.attributes,
    source: { file: file.name, line: row.line },
  };
  if (decoded.layout) alter.layout = decoded.layout;
  return nodeId ? { alter, nodeId } : { alter };
}

function readTie(row: CsvRow, file: SideFile, egoId: string, nodeIds: Map<string, string>, problems: ProblemSink): Tie {
  const plan = file.plan;
  const f = plan.fixed;
  const fields = row.fields;
  // Most edge types have no variables: nothing to decode (decodeRecord would give {} and report nothing).
  const attributes = plan.variables.length === 0 ? NO_ATTRIBUTES : decodeRecord(plan, fields, { file: file.name, line: row.line, egoId }, problems).attributes;
  return {
    egoId,
    sourceId: tieEnd(fields, f.networkCanvasSourceUUID, f.from, nodeIds),
    targetId: tieEnd(fields, f.networkCanvasTargetUUID, f.to, nodeIds),
    edgeType: file.type,
    attributes,
    source: { file: file.name, line: row.line },
  };
}

/** The attributes of a tie whose edge type has no variables: one shared, frozen, empty object (a tie row each). */
const NO_ATTRIBUTES: Attributes = Object.freeze({});

/** A tie's endpoint: its UUID; exports without them (or with an empty one) fall back to from/to node ids. */
function tieEnd(fields: readonly string[], uuid: number | undefined, nodeId: number | undefined, nodeIds: Map<string, string>): string {
  const u = uuid === undefined ? undefined : fields[uuid];
  if (u) return u;
  const n = nodeId === undefined ? undefined : fields[nodeId];
  return n ? (nodeIds.get(n) ?? `nodeID ${n}`) : "";
}

function rowProblem(
  severity: Problem["severity"],
  code: string,
  file: SideFile,
  row: CsvRow,
  egoId: string,
  message: string,
): Problem {
  return { severity, code, file: file.name, line: row.line, egoId, message };
}
