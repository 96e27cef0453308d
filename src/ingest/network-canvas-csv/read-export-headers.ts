import { ProblemList, type Codebook, type ProblemSink } from "../../model/index.js";
import { mapConcurrently } from "../../map-concurrently.js";
import { csvRows, type CsvRow } from "../csv/csv-rows.js";
import { typeNameMatches } from "../read-protocol.js";
import type { SourceFile } from "../source-file.js";
import type { ExportFile, ExportUnit } from "./export-file.js";
import { READ_NOW_BYTES, readNow } from "./file-chunks.js";

/** Header reads in flight at once when opening. */
const HEADER_CONCURRENCY = 16;

/**
 * Reads the header of every file of the exports (file.header; problems in them are reported now, and those
 * files are then left out), names each file's type as the protocol does when it lists it, and returns the
 * files that can be read, with one warning per file whose columns differ from the first of its type.
 */
export async function readExportHeaders(exports: ExportUnit[], protocol: Codebook | undefined, problems: ProblemSink): Promise<ExportFile[]> {
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
  return readable;
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
