import { basename, resolve } from "node:path";
import { InputError } from "../../errors.js";
import type { Codebook, ProblemSink } from "../../model/index.js";
import type { ReaderContext } from "../dataset.js";
import { exportFileName } from "../export-file-name.js";
import { listInput, type InputListing } from "../list-input.js";
import { codebookFromProtocolJson, protocolJsonText, readProtocol } from "../read-protocol.js";
import type { ZipLimits } from "../read-zip.js";
import { naturalCompare, type SourceFile } from "../source-file.js";
import type { ExportFile, ExportUnit } from "./export-file.js";

/** What discoverExports found. */
export interface DiscoveredExports {
  listing: InputListing;
  /** The input's own name, for messages about the whole input. */
  inputName: string;
  /** The exports with an ego file, in natural order of folder and prefix. */
  exports: ExportUnit[];
  /** The codebook of the protocol given or found beside the data, if any. */
  protocol: Codebook | undefined;
  /** The protocol files read (absolute paths), for provenance. */
  used: Set<string>;
}

/**
 * Finds the Network Canvas CSV exports of an input: a folder (searched recursively; several exports may sit
 * side by side), the export zip itself (read in memory, with zip-bomb limits), or one `_ego.csv` file. Files
 * are grouped by folder and prefix using the known suffixes (ids come from the columns, never from the file
 * names); other files are reported and left out, as are node and edge files with no ego file beside them.
 * The protocol is the one given, else the one beside the data.
 */
export async function discoverExports(input: string, ctx: ReaderContext, zipLimits: ZipLimits | undefined): Promise<DiscoveredExports> {
  const problems = ctx.problems;
  const listing = await listInput(input, problems, {
    keep: (name) => /\.(csv|netcanvas)$/i.test(name),
    zipLimits,
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
  return { listing, inputName, exports, protocol, used };
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
