import { unzipSync } from "fflate";
import { InputError } from "../errors.js";

/**
 * Limits that keep a hostile zip ("zip bomb") from exhausting memory. Sizes are the uncompressed sizes the
 * archive declares; fflate never writes more than the declared size for an entry, so they bound memory.
 */
export interface ZipLimits {
  /** Largest single entry, in bytes. */
  maxEntryBytes: number;
  /** Largest total of the entries read, in bytes. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of an entry bigger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/** Defaults for export zips: CSV compresses 5–30×; bombs compress 1000× and more. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 1024 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};

/** An entry as listed in the zip's central directory. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  size: number;
}

/** Lists the entries without decompressing anything. */
export function listZip(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressedSize: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw notAZip(file, e);
  }
  return entries;
}

/**
 * Decompresses the entries `accept` selects, after checking every limit against the sizes the archive
 * declares (all checks pass before anything is decompressed). Throws InputError naming the entry.
 */
export function unzipEntries(
  bytes: Uint8Array,
  file: string,
  accept: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const wanted = listZip(bytes, file).filter((e) => accept(e.name));
  let total = 0;
  for (const e of wanted) {
    if (e.size > limits.maxEntryBytes) {
      throw new InputError(
        `zip entry ${e.name} would unpack to ${e.size} bytes, more than the ${limits.maxEntryBytes}-byte limit; unzip it and pass the folder`,
        { file },
      );
    }
    if (e.size > limits.ratioFloorBytes && e.size / Math.max(e.compressedSize, 1) > limits.maxRatio) {
      throw new InputError(
        `zip entry ${e.name} is compressed more than ${limits.maxRatio}:1 (a "zip bomb"?); refusing to unpack it`,
        { file },
      );
    }
    total += e.size;
    if (total > limits.maxTotalBytes) {
      throw new InputError(
        `zip would unpack to more than ${limits.maxTotalBytes} bytes; unzip it and pass the folder instead`,
        { file },
      );
    }
  }
  const names = new Set(wanted.map((e) => e.name));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => names.has(f.name) });
  } catch (e) {
    throw notAZip(file, e);
  }
  return new Map(Object.entries(files));
}

/**
 * True when an entry name could escape the folder it is unpacked in (`..` segments, absolute paths, drive
 * letters). Such entries are never read; nothing is ever written to disk either way.
 */
export function isUnsafeZipName(name: string): boolean {
  const parts = name.split(/[\\/]/);
  return /^([\\/]|[A-Za-z]:)/.test(name) || parts.includes("..") || name.includes("\0");
}

function notAZip(file: string, e: unknown): InputError {
  const detail = e instanceof Error ? e.message : String(e);
  return new InputError(`not a readable zip archive (${detail})`, { file });
}
