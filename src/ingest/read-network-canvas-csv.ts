import type { Codebook, EgoNetwork, ProblemSink } from "../model/index.js";
import type { Dataset, ReaderContext } from "./dataset.js";
import type { EgoParts, PartsOptions } from "./ego-parts.js";
import { buildCodebook, reportTypesNotInProtocol } from "./network-canvas-csv/build-codebook.js";
import { buildEgoNetwork } from "./network-canvas-csv/build-ego-network.js";
import type { CsvEgoParts } from "./network-canvas-csv/csv-ego-parts.js";
import { discoverExports } from "./network-canvas-csv/discover-exports.js";
import { planExportFiles } from "./network-canvas-csv/plan-export-files.js";
import { readExportHeaders } from "./network-canvas-csv/read-export-headers.js";
import { expectedEgos, streamParts } from "./network-canvas-csv/stream-parts.js";
import type { ZipLimits } from "./read-zip.js";

export interface NetworkCanvasCsvOptions {
  /** Zip-bomb limits for a zip input (defaults: DEFAULT_ZIP_LIMITS). */
  zipLimits?: ZipLimits;
}

/**
 * Opens Network Canvas CSV exports: a folder (searched recursively; several exports may sit side by side),
 * the export zip itself (read in memory, with zip-bomb limits), or one `_ego.csv` file. Files are grouped by
 * their prefix using the known suffixes; ids come from the columns, never from the file names (see
 * discoverExports).
 *
 * Opening reads the protocol and every file's header (and, with no protocol, a sample of rows to infer the
 * types). `egos()` then streams one interview at a time: per-session exports one session's files at a time;
 * merged exports (one prefix, many egos) by streaming every file in step with the ego file, joined on
 * networkCanvasEgoUUID, a run of rows at a time (csvRuns). A file whose rows are not in ego-file order has
 * its out-of-order groups buffered (memory then grows only for that file); a first pass counts each ego's
 * rows so the join knows when an ego is complete. Every ego goes through `checkNetwork` before it is
 * handed on. `parts()` gives the same interviews unbuilt (for worker threads), reading merged exports in
 * one pass when their rows are in ego-file order, as Network Canvas writes them.
 */
export async function openNetworkCanvasCsv(
  input: string,
  ctx: ReaderContext,
  options: NetworkCanvasCsvOptions = {},
): Promise<Dataset> {
  const problems = ctx.problems;
  const { listing, inputName, exports, protocol, used } = await discoverExports(input, ctx, options.zipLimits);
  const readable = await readExportHeaders(exports, protocol, problems);
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
  planExportFiles(readable, codebook, ctx.egoIdField, problems);
  if (protocol) reportTypesNotInProtocol(readable, protocol, problems);

  const diskFiles = new Set<string>([...used]);
  if (listing.kind === "zip") diskFiles.add(listing.input);
  else for (const unit of exports) for (const f of [unit.ego!, ...unit.nodes, ...unit.edges]) diskFiles.add(f.source.archive ?? f.source.path);

  let iterated = false;
  const once = () => {
    if (iterated) throw new Error("bug: Dataset.egos() iterated twice");
    iterated = true;
  };
  return {
    format: "network-canvas-csv",
    input: listing.input,
    files: [...diskFiles].sort(),
    codebook,
    egos: () => {
      once();
      return buildEach(streamParts(exports, ctx, ctx.problems, false), codebook, ctx.problems);
    },
    parts: (sink: ProblemSink, options: PartsOptions = { inOrder: false }): AsyncIterable<EgoParts> => {
      if (!options.again) once();
      return streamParts(exports, ctx, sink, options.inOrder);
    },
    expectedEgos: () => expectedEgos(exports),
  };
}

async function* buildEach(parts: AsyncIterable<CsvEgoParts>, codebook: Codebook, problems: ProblemSink): AsyncGenerator<EgoNetwork> {
  for await (const p of parts) yield buildEgoNetwork(p, codebook, problems);
}
