import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";

/** A file to read, on disk or inside a zip already in memory. */
export interface SourceFile {
  /** Path for messages: relative to the input, with `/` separators (a zip entry: its name in the zip). */
  name: string;
  /** Absolute path on disk; for a zip entry, `<absolute zip path>/<entry name>`. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** The content in chunks (streamed from disk, or sliced from memory). */
  chunks(): AsyncIterable<Uint8Array>;
  /** The whole content (small files only, e.g. a protocol). */
  bytes(): Promise<Uint8Array>;
  /** True when the content is already in memory (a zip entry, a preloaded file). */
  inMemory?: boolean;
  /** For an entry of a zip inside a folder input: the zip's absolute path (the file on disk to hash and cite). */
  archive?: string;
}

const CHUNK = 64 * 1024;

/** Files up to this size are read in one call rather than streamed (fewer round trips to the disk). */
const READ_WHOLE = 1024 * 1024;

/** A file on disk, streamed in 64 KiB chunks (small files in one read). */
export function diskFile(name: string, path: string, size: number): SourceFile {
  return {
    name,
    path,
    size,
    chunks:
      size <= READ_WHOLE
        ? async function* () {
            yield new Uint8Array(await readFile(path));
          }
        : () => createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Uint8Array>,
    bytes: async () => new Uint8Array(await readFile(path)),
  };
}

/** A file held in memory (a zip entry). */
export function memoryFile(name: string, path: string, data: Uint8Array): SourceFile {
  return {
    name,
    path,
    size: data.length,
    chunks: async function* () {
      for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, Math.min(i + CHUNK, data.length));
    },
    bytes: async () => data,
    inMemory: true,
  };
}

/**
 * Orders paths as a person would: digit runs compare as numbers, so `case_2` comes before `case_10`.
 * Deterministic and locale-free (plain code-unit comparison elsewhere).
 */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const nx = x.replace(/^0+(?=\d)/, "");
      const ny = y.replace(/^0+(?=\d)/, "");
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
