import { basename, resolve } from "node:path";
import { InputError } from "../errors.js";
import type {
  Alter,
  Codebook,
  Ego,
  EgoNetwork,
  Problem,
  ProblemSink,
  Tie,
  VariableSet,
} from "../model/index.js";
import { ProblemList } from "../model/index.js";
import { checkNetwork } from "./check-network.js";
import { csvRows, type CsvRow } from "./csv-rows.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import { decodeRecord } from "./decode-record.js";
import { exportFileName } from "./export-file-name.js";
import { listInput } from "./list-input.js";
import { mergeVariableSets, planColumns, planVariables, type ColumnPlan } from "./plan-columns.js";
import { codebookFromProtocolJson, protocolJsonText, readProtocol, typeNameMatches } from "./read-protocol.js";
import type { ZipLimits } from "./read-zip.js";
import { memoryFile, naturalCompare, type SourceFile } from "./source-file.js";

/** Ego columns that identify the interview or describe the export; never ego variables. */
export const EGO_FIXED_COLUMNS = [
  "networkCanvasEgoUUID",
  "networkCanvasCaseID",
  "networkCanvasSessionID",
  "networkCanvasProtocolName",
  "sessionStart",
  "sessionFinish",
  "sessionExported",
  "APP_VERSION",
  "COMMIT_HASH",
  "networkCanvasInterviewLocale",
  "networkCanvasFinishOutcome",
];
/** attributeList id columns (`id` in exports older than Interviewer 6.0). */
export const NODE_FIXED_COLUMNS = ["nodeID", "id", "networkCanvasEgoUUID", "networkCanvasUUID"];
/** edgeList id columns (`id` in exports older than Interviewer 6.0). */
export const EDGE_FIXED_COLUMNS = [
  "edgeID",
  "id",
  "from",
  "to",
  "networkCanvasEgoUUID",
  "networkCanvasUUID",
  "networkCanvasSourceUUID",
  "networkCanvasTargetUUID",
];

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
 * networkCanvasEgoUUID. A file whose rows are not in ego-file order has its out-of-order groups buffered
 * (memory then grows only for that file); a first pass counts each ego's rows so the join knows when an
 * ego is complete. Every ego goes through `checkNetwork` before it is handed on.
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
    const header = await readHeader(file.source, found);
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
  const codebook = await buildCodebook(readable, protocol);
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
  const undescribed = new Set<string>();
  for (const file of readable) {
    const variables = variablesFor(codebook, file);
    file.plan = planColumns(file.header!, variables, fixedColumns(file.kind));
    for (const column of file.plan.undescribed) {
      const key = `${file.kind}\u0000${file.type}\u0000${column}`;
      if (!protocol || undescribed.has(key)) continue;
      undescribed.add(key);
      problems.report({
        severity: "warning",
        code: "unknown-column",
        file: file.source.name,
        line: 1,
        message: `column ${column} is not a variable of ${describeType(file)} in the protocol's codebook; it is read untyped`,
      });
    }
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
  else for (const f of all) diskFiles.add(f.source.path);

  let iterated = false;
  return {
    format: "network-canvas-csv",
    input: listing.input,
    files: [...diskFiles].sort(),
    codebook,
    egos: () => {
      if (iterated) throw new Error("bug: Dataset.egos() iterated twice");
      iterated = true;
      return streamEgos(exports, codebook, ctx);
    },
  };
}

function fixedColumns(kind: Kind): string[] {
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
  if (!zipPath) for (const f of list) used.add(f.path);
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
  problems.report({
    severity: "error",
    code: "missing-column",
    file: file.source.name,
    line: 1,
    message: `the header has no ${missing} column, so the rows cannot be joined; this file is not read`,
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

/** The protocol's codebook, with inferred variables for anything it does not describe. */
async function buildCodebook(files: ExportFile[], protocol: Codebook | undefined): Promise<Codebook> {
  const codebook: Codebook = protocol
    ? { source: "protocol", ego: protocol.ego, node: { ...protocol.node }, edge: { ...protocol.edge } }
    : { source: "inferred", ego: {}, node: {}, edge: {} };
  const groups = new Map<string, ExportFile[]>();
  for (const file of files) {
    if (protocol && (file.kind === "ego" || Object.hasOwn(file.kind === "node" ? protocol.node : protocol.edge, file.type))) continue;
    const key = `${file.kind}\u0000${file.type}`;
    const list = groups.get(key);
    if (list) list.push(file);
    else groups.set(key, [file]);
  }
  for (const group of groups.values()) {
    const kind = group[0].kind;
    const booleans = await booleanColumns(group);
    const variables: VariableSet = {};
    const seenHeaders = new Set<string>();
    for (const file of group) {
      const signature = file.header!.join("\u0000");
      if (seenHeaders.has(signature)) continue;
      seenHeaders.add(signature);
      mergeVariableSets(variables, planVariables(planColumns(file.header!, undefined, fixedColumns(kind), { booleanColumns: booleans })));
    }
    if (kind === "ego") codebook.ego = variables;
    else if (kind === "node") codebook.node[group[0].type] = variables;
    else codebook.edge[group[0].type] = variables;
  }
  return codebook;
}

function variablesFor(codebook: Codebook, file: ExportFile): VariableSet {
  if (file.kind === "ego") return codebook.ego;
  return (file.kind === "node" ? codebook.node : codebook.edge)[file.type] ?? {};
}

/** Columns whose sampled values are all `true`, `false`, empty (or ENCRYPTED). */
async function booleanColumns(files: ExportFile[]): Promise<Set<string>> {
  const candidates = new Set<string>();
  const notBoolean = new Set<string>();
  for (const file of files) for (const c of file.header!) candidates.add(c);
  let budget = INFERENCE_SAMPLE_ROWS;
  for (const file of files) {
    if (budget <= 0) break;
    const header = file.header!;
    let first = true;
    for await (const row of csvRows(file.source)) {
      if (first) {
        first = false;
        continue;
      }
      row.fields.forEach((value, i) => {
        if (i < header.length && value !== "" && value !== "true" && value !== "false" && value !== "ENCRYPTED") {
          notBoolean.add(header[i]);
        }
      });
      if (--budget <= 0) break;
    }
  }
  for (const c of notBoolean) candidates.delete(c);
  return candidates;
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

async function* streamEgos(units: ExportUnit[], codebook: Codebook, ctx: ReaderContext): AsyncGenerator<EgoNetwork> {
  const egoIds = new Map<string, string>();
  const readable = units.filter((u) => u.ego?.plan);
  // While one export is read, the files of the next small one are loaded (one export ahead, at most
  // PRELOAD_BYTES): per-session exports are many tiny files, and waiting on each in turn is most of the time.
  let next = readable.length > 0 ? preload(readable[0]) : undefined;
  for (let i = 0; i < readable.length; i++) {
    const unit = await next!;
    next = i + 1 < readable.length ? preload(readable[i + 1]) : undefined;
    next?.catch(() => undefined); // a failure surfaces when that export's turn comes
    yield* unitEgos(unit, unit.ego!, codebook, ctx, egoIds);
  }
}

/** Files of a small disk export loaded into memory; larger exports (and zip entries) stay as they are. */
async function preload(unit: ExportUnit): Promise<ExportUnit> {
  const files = [unit.ego!, ...unit.nodes, ...unit.edges];
  const total = files.reduce((sum, f) => sum + f.source.size, 0);
  if (total > PRELOAD_BYTES || files.every((f) => f.source.inMemory)) return unit;
  const load = async (f: ExportFile): Promise<ExportFile> => {
    try {
      return { ...f, source: memoryFile(f.source.name, f.source.path, await f.source.bytes()) };
    } catch {
      return f; // read normally, so the problem is reported where it belongs
    }
  };
  const [ego, ...rest] = await Promise.all(files.map(load));
  return { key: unit.key, ego, nodes: rest.slice(0, unit.nodes.length), edges: rest.slice(unit.nodes.length) };
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapConcurrently<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Reads one side file (node or edge rows) in step with the ego file. */
class SideReader {
  private readonly rows: AsyncGenerator<CsvRow>;
  private readonly pending = new Map<string, CsvRow[]>();
  private started = false;
  private done = false;

  constructor(
    readonly file: ExportFile,
    private readonly egoFile: ExportFile,
    private readonly known: Map<string, number>,
    /** Rows per egoUUID (merged exports); undefined for a one-ego export. */
    private readonly counts: Map<string, number> | undefined,
    private readonly problems: ProblemSink,
  ) {
    this.rows = csvRows(file.source, (p) => problems.report(p));
  }

  private egoOf(row: CsvRow): string {
    const col = this.file.plan!.fixed.networkCanvasEgoUUID;
    return col === undefined ? "" : (row.fields[col] ?? "");
  }

  private async next(): Promise<CsvRow | undefined> {
    if (this.done) return undefined;
    if (!this.started) {
      this.started = true;
      const header = await this.rows.next();
      if (header.done) {
        this.done = true;
        return undefined;
      }
    }
    const r = await this.rows.next();
    if (r.done) {
      this.done = true;
      return undefined;
    }
    return r.value;
  }

  /** The rows of ego `uuid`. */
  async take(uuid: string): Promise<CsvRow[]> {
    if (!this.counts) {
      // One ego in this export: every row is its, or belongs to an unknown ego.
      const mine: CsvRow[] = [];
      const noEgoColumn = this.file.plan!.fixed.networkCanvasEgoUUID === undefined;
      for (let row = await this.next(); row; row = await this.next()) {
        if (noEgoColumn || this.egoOf(row) === uuid) mine.push(row);
        else this.unknownEgo(row);
      }
      return mine;
    }
    const mine = this.pending.get(uuid) ?? [];
    this.pending.delete(uuid);
    let need = (this.counts.get(uuid) ?? 0) - mine.length;
    while (need > 0) {
      const row = await this.next();
      if (!row) break;
      const owner = this.egoOf(row);
      if (owner === uuid) {
        mine.push(row);
        need--;
      } else if (this.known.has(owner)) {
        // Out of ego-file order: keep it for its ego.
        const list = this.pending.get(owner);
        if (list) list.push(row);
        else this.pending.set(owner, [row]);
      } else this.unknownEgo(row);
    }
    return mine;
  }

  /** After the last ego: whatever is left belongs to no ego of the ego file. */
  async drain(): Promise<void> {
    for (let row = await this.next(); row; row = await this.next()) {
      if (!this.counts || !this.known.has(this.egoOf(row))) this.unknownEgo(row);
    }
  }

  async close(): Promise<void> {
    await this.rows.return(undefined);
  }

  private unknownEgo(row: CsvRow): void {
    const what = this.file.kind === "node" ? "alter" : "tie";
    const owner = this.egoOf(row);
    this.problems.report({
      severity: "error",
      code: "unknown-ego",
      file: this.file.source.name,
      line: row.line,
      message: `${what} of an unknown ego: this row's networkCanvasEgoUUID ${owner ? owner : "(empty)"} is not in ${this.egoFile.source.name}`,
    });
  }
}

async function* unitEgos(
  unit: ExportUnit,
  egoFile: ExportFile,
  codebook: Codebook,
  ctx: ReaderContext,
  egoIds: Map<string, string>,
): AsyncGenerator<EgoNetwork> {
  const problems = ctx.problems;
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
    uuids.push(row.fields[uuidCol] ?? "");
    if (kept.length < 2) kept.push(row);
  }
  const merged = uuids.length > 1;
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
      const counts = merged ? await countRowsPerEgo(file) : undefined;
      sides.push(new SideReader(file, egoFile, known, counts, problems));
    }

    let egoRows: AsyncIterable<CsvRow>;
    if (merged) egoRows = dataRows(csvRows(egoFile.source, (p) => problems.report(p)));
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
      seen.add(egoUUID);
      const ego = readEgo(row, egoFile, ctx, egoIds);
      const alters: Alter[] = [];
      const ties: Tie[] = [];
      const nodeIds = new Map<string, string>();
      for (const side of sides) {
        if (side.file.kind !== "node") continue;
        for (const r of await side.take(egoUUID)) {
          const alter = readAlter(r, side.file, ego.egoId, problems);
          if (!alter) continue;
          alters.push(alter.alter);
          if (alter.nodeId !== undefined) nodeIds.set(alter.nodeId, alter.alter.alterId);
        }
      }
      for (const side of sides) {
        if (side.file.kind !== "edge") continue;
        for (const r of await side.take(egoUUID)) ties.push(readTie(r, side.file, ego.egoId, nodeIds, problems));
      }
      const network: EgoNetwork = { ego, alters, ties };
      checkNetwork(network, codebook, problems);
      yield network;
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

/** Rows per networkCanvasEgoUUID, counted silently (problems are reported on the reading pass). */
async function countRowsPerEgo(file: ExportFile): Promise<Map<string, number>> {
  const col = file.plan!.fixed.networkCanvasEgoUUID;
  const counts = new Map<string, number>();
  let header = true;
  for await (const row of csvRows(file.source)) {
    if (header) {
      header = false;
      continue;
    }
    const uuid = row.fields[col] ?? "";
    counts.set(uuid, (counts.get(uuid) ?? 0) + 1);
  }
  return counts;
}

function readEgo(row: CsvRow, file: ExportFile, ctx: ReaderContext, egoIds: Map<string, string>): Ego {
  const problems = ctx.problems;
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
      message: `ego id ${egoId} is used twice: here and at ${first}${
        ctx.egoIdField === "caseId" ? " (several interviews with one case id? try --ego-id sessionId)" : ""
      }`,
    });
  } else egoIds.set(egoId, here);

  const { attributes } = decodeRecord(plan, row.fields, { file: file.source.name, line: row.line, egoId }, problems);
  return { egoId, attributes, meta, source: { file: file.source.name, line: row.line } };
}

function readAlter(
  row: CsvRow,
  file: ExportFile,
  egoId: string,
  problems: ProblemSink,
): { alter: Alter; nodeId?: string } | undefined {
  const plan = file.plan!;
  const at = (name: string) => (plan.fixed[name] === undefined ? undefined : row.fields[plan.fixed[name]]);
  const nodeId = at("nodeID") ?? at("id");
  const alterId = at("networkCanvasUUID") || nodeId || "";
  if (alterId === "") {
    problems.report(rowProblem("error", "missing-id", file, row, egoId, "this alter has no networkCanvasUUID (nor nodeID); it is not read"));
    return undefined;
  }
  const decoded = decodeRecord(plan, row.fields, { file: file.source.name, line: row.line, egoId }, problems);
  const alter: Alter = {
    egoId,
    alterId,
    nodeType: file.type,
    attributes: decoded.attributes,
    source: { file: file.source.name, line: row.line },
  };
  if (decoded.layout) alter.layout = decoded.layout;
  return nodeId ? { alter, nodeId } : { alter };
}

function readTie(row: CsvRow, file: ExportFile, egoId: string, nodeIds: Map<string, string>, problems: ProblemSink): Tie {
  const plan = file.plan!;
  const at = (name: string) => (plan.fixed[name] === undefined ? undefined : row.fields[plan.fixed[name]]);
  // Join on the UUIDs; exports without them (or with an empty one) fall back to from/to node ids.
  const end = (uuid: string, nodeId: string) => {
    const u = at(uuid);
    if (u) return u;
    const n = at(nodeId);
    return n ? (nodeIds.get(n) ?? `nodeID ${n}`) : "";
  };
  const decoded = decodeRecord(plan, row.fields, { file: file.source.name, line: row.line, egoId }, problems);
  return {
    egoId,
    sourceId: end("networkCanvasSourceUUID", "from"),
    targetId: end("networkCanvasTargetUUID", "to"),
    edgeType: file.type,
    attributes: decoded.attributes,
    source: { file: file.source.name, line: row.line },
  };
}

function rowProblem(
  severity: Problem["severity"],
  code: string,
  file: ExportFile,
  row: CsvRow,
  egoId: string,
  message: string,
): Problem {
  return { severity, code, file: file.source.name, line: row.line, egoId, message };
}
