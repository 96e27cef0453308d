import type { ProblemSink } from "../model/index.js";
import { emptyProfile, profileCell, type ColumnProfile } from "./column-profile.js";
import { GRAPHML_DEFAULT_EDGE_TYPE, GRAPHML_DEFAULT_NODE_TYPE } from "./graphml-network.js";
import { graphmlPieceSources, splitGraphml, type GraphmlPiece, type GraphmlPieceSource } from "./graphml-split.js";
import { parseGraphmlPiece, streamGraphmlGraphs, type GraphmlData, type GraphmlGraph, type GraphmlKey } from "./graphml-stream.js";
import { exportTypeName } from "./read-protocol.js";
import type { SourceFile } from "./source-file.js";

const silent: ProblemSink = { report: () => undefined };

/** What the opening pass over GraphML files learns. */
export interface GraphmlScan {
  /** Which key names each node and edge type has values for. */
  used: { node: Map<string, Set<string>>; edge: Map<string, Set<string>> };
  /** A profile of every key's values, by key name, in order of first appearance. */
  profiles: Map<string, ColumnProfile>;
  /** The graphs of each file that splits (see graphml-split.ts), to be parsed one by one. */
  pieces: Map<SourceFile, GraphmlPiece[]>;
}

/** Graphs of several files to scan, each tagged with its file's position in the input. */
export type ScanBatch = Array<{ file: number; source: GraphmlPieceSource }>;

/** A batch's scan: one part per run of one file's graphs, `failed` when one of them did not parse. */
export type ScanBatchResult = Array<{ file: number; part?: ScanPart; failed?: true }>;

/**
 * Scans graphs somewhere else (worker threads), results in the batches' order. Given by the caller that
 * may use threads; without one, batches are scanned in this thread.
 */
export interface GraphmlScanPool {
  run(batches: AsyncIterable<ScanBatch>, onResult: (result: ScanBatchResult) => void): Promise<void>;
}

/** Graphs per batch. */
const SCAN_BATCH = 16;

/**
 * One pass over the files: what scanGraph learns from every graph. A file that splits is parsed graph by
 * graph (in a pool's threads, when given); when a graph of it fails to parse, or the file does not split,
 * the whole file is parsed as one document, which names the first thing wrong with it exactly as a
 * one-file read does. Parts are merged in input order, so the result is the same either way.
 */
export async function scanGraphml(files: SourceFile[], keysOf: Map<SourceFile, GraphmlKey[]>, pool?: GraphmlScanPool): Promise<GraphmlScan> {
  const scan: GraphmlScan = { used: { node: new Map(), edge: new Map() }, profiles: new Map(), pieces: new Map() };
  const parts: Array<ScanPart | undefined> = files.map(() => undefined);
  const failed = new Set<number>();
  const pieces: Array<GraphmlPiece[] | undefined> = [];
  async function* batches(): AsyncGenerator<ScanBatch> {
    let batch: ScanBatch = [];
    for (const [f, file] of files.entries()) {
      const split = await splitGraphml(file);
      pieces.push(split);
      if (split === undefined) continue;
      for await (const source of graphmlPieceSources(file, split, keysOf.get(file)!)) {
        batch.push({ file: f, source });
        if (batch.length >= SCAN_BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }
  const take = (result: ScanBatchResult) => {
    for (const r of result) {
      if (r.failed) failed.add(r.file);
      else if (!failed.has(r.file)) {
        const into = (parts[r.file] ??= emptyScan());
        mergeScan(into, r.part!);
      }
    }
  };
  if (pool) await pool.run(batches(), take);
  else for await (const batch of batches()) take(scanBatch(batch));

  for (const [f, file] of files.entries()) {
    let part = parts[f];
    if (pieces[f] === undefined || failed.has(f)) {
      part = emptyScan();
      for await (const g of streamGraphmlGraphs(file, silent)) scanGraph(g, part);
    } else scan.pieces.set(file, pieces[f]!);
    if (part) mergeScan(scan, part);
  }
  return scan;
}

/** Scans a batch of graphs (in any thread). */
export function scanBatch(batch: ScanBatch): ScanBatchResult {
  const out: ScanBatchResult = [];
  let keysFor: GraphmlKey[] | undefined;
  let keys = new Map<string, GraphmlKey>();
  for (const { file, source } of batch) {
    let last = out[out.length - 1];
    if (last === undefined || last.file !== file) out.push((last = { file, part: emptyScan() }));
    if (last.failed) continue;
    if (source.keys !== keysFor) {
      keysFor = source.keys;
      keys = new Map(source.keys.map((k) => [k.id, k]));
    }
    try {
      scanGraph(parseGraphmlPiece(source, keys, silent), last.part!);
    } catch {
      last.failed = true;
      delete last.part;
    }
  }
  return out;
}

/** What scanGraph learns from some graphs. */
export type ScanPart = Pick<GraphmlScan, "used" | "profiles">;

function emptyScan(): ScanPart {
  return { used: { node: new Map(), edge: new Map() }, profiles: new Map() };
}

/** Adds `part` to `into` (sets joined, profiles summed, new names after those already there). */
export function mergeScan(into: ScanPart, part: ScanPart): void {
  for (const kind of ["node", "edge"] as const) {
    for (const [type, names] of part.used[kind]) {
      const set = into.used[kind].get(type);
      if (set === undefined) into.used[kind].set(type, new Set(names));
      else for (const n of names) set.add(n);
    }
  }
  for (const [name, p] of part.profiles) {
    const q = into.profiles.get(name);
    if (q === undefined) into.profiles.set(name, { ...p });
    else {
      q.cells += p.cells;
      q.empty += p.empty;
      q.booleans += p.booleans;
      q.numbers += p.numbers;
      q.dates += p.dates;
    }
  }
}

/** What one graph says: the key names each of its node and edge types has values for, and its values' profiles. */
export function scanGraph(g: GraphmlGraph, into: ScanPart): void {
  const { used, profiles } = into;
  const profile = (data: GraphmlData) => {
    for (const [id, text] of data) {
      const name = g.keys.get(id)?.name;
      if (name === undefined) continue;
      let p = profiles.get(name);
      if (!p) profiles.set(name, (p = emptyProfile()));
      profileCell(p, text);
    }
  };
  profile(g.data);
  const typeIds = [...g.keys.values()].filter((k) => k.name === "networkCanvasType").map((k) => k.id);
  for (const [kind, elements, fallback] of [
    ["node", g.nodes, GRAPHML_DEFAULT_NODE_TYPE],
    ["edge", g.edges, GRAPHML_DEFAULT_EDGE_TYPE],
  ] as const) {
    for (const el of elements) {
      profile(el.data);
      const raw = typeIds.map((id) => el.data.get(id)).find((v) => v !== undefined && v !== "");
      const type = raw === undefined ? fallback : exportTypeName(raw) || raw;
      let set = used[kind].get(type);
      if (set === undefined) used[kind].set(type, (set = new Set()));
      for (const id of el.data.keys()) {
        const n = g.keys.get(id)?.name;
        if (n !== undefined) set.add(n);
      }
    }
  }
}
