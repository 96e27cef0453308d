import { readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { memoryFile, type SourceFile } from "../source-file.js";

/**
 * How the files of an export are read, by size: per-session exports are thousands of tiny files (read
 * whole, at once), merged exports a few very large ones (read a mebibyte at a time).
 */

/** Files up to this size are read at once, synchronously. */
export const READ_NOW_BYTES = 256 * 1024;

/**
 * A small disk file read whole, synchronously: per-session exports are thousands of tiny files, and an
 * asynchronous open, read and close each take a trip to libuv's four threads. Anything else (and a file that
 * cannot be read, whose problem is then reported where it belongs) as it is.
 */
export function readNow(source: SourceFile): SourceFile {
  if (source.inMemory || source.size > READ_NOW_BYTES) return source;
  try {
    return memoryFile(source.name, source.path, readFileSync(source.path));
  } catch {
    return source;
  }
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
export function largeChunks(source: SourceFile): SourceFile {
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
