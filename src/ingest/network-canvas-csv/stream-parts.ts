import { ProblemList, type ProblemSink } from "../../model/index.js";
import { csvRows, csvRuns, type CsvRow } from "../csv/csv-rows.js";
import type { ReaderContext } from "../dataset.js";
import type { EgoIdSeen } from "../duplicate-ego-id.js";
import { memoryFile } from "../source-file.js";
import { readEgo } from "./build-ego-network.js";
import type { CsvEgoParts } from "./csv-ego-parts.js";
import type { ExportFile, ExportUnit } from "./export-file.js";
import { largeChunks, readNow } from "./file-chunks.js";
import { own } from "./own-string.js";
import { SideReader } from "./side-reader.js";

/**
 * Streaming the interviews of Network Canvas CSV exports as CsvEgoParts, in input order: per-session
 * exports one session's files at a time (the next few small ones loaded ahead); merged exports (one
 * prefix, many egos) by reading every side file in step with the ego file, joined on networkCanvasEgoUUID,
 * a run of rows at a time (see SideReader). Also the cheap count of egos a progress bar needs.
 */

/** Largest export (all its files) loaded ahead into memory while the previous one is read. */
const PRELOAD_BYTES = 4 * 1024 * 1024;

/**
 * The interviews of the exports, in order. Problems met on the way go to `problems`; with `inOrder`, a
 * merged export is read in one pass and a side file out of ego-file order throws RowsOutOfOrder.
 */
export async function* streamParts(units: ExportUnit[], ctx: ReaderContext, problems: ProblemSink, inOrder: boolean): AsyncGenerator<CsvEgoParts> {
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

async function* unitParts(
  unit: ExportUnit,
  egoFile: ExportFile,
  ctx: ReaderContext,
  egoIds: Map<string, EgoIdSeen>,
  problems: ProblemSink,
  inOrder: boolean,
): AsyncGenerator<CsvEgoParts> {
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
      const ego = readEgo(row, egoFile, ctx.egoIdField, egoIds, problems);
      const parts: CsvEgoParts = { kind: "network-canvas-csv", ego, sides: [] };
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

/** Ego files of at most this size are taken to hold one interview each (per-session exports) when counting. */
const SMALL_EGO_FILE = 64 * 1024;

/** About how many egos the exports hold: ego-file lines (a small ego file counts as one), without reading the rest. */
export async function expectedEgos(units: ExportUnit[]): Promise<number> {
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
