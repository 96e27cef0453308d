import { crc32 } from "node:zlib";
import { lazyModule } from "../lazy-module.js";
import { InputError } from "../errors.js";

const fflate = lazyModule<typeof import("fflate")>("fflate");

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

/** Lists the entries without decompressing anything. Two entries of one name are refused (one would hide the other). */
export function listZip(bytes: Uint8Array, file: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    fflate().unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressedSize: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw notAZip(file, e);
  }
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new InputError(`the zip holds two entries named ${e.name}; one would hide the other`, { file });
    names.add(e.name);
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
  const directory = centralDirectory(bytes, file);
  const declared = new Map<string, CentralEntry>();
  let files: Record<string, Uint8Array>;
  try {
    let index = 0;
    files = fflate().unzipSync(bytes, {
      filter: (f) => {
        const entry = directory[index++];
        if (!names.has(f.name)) return false;
        if (entry === undefined) throw new InputError("the zip's central directory cannot be read", { file });
        if (entry.flags & 1) {
          throw new InputError(`zip entry ${f.name} is encrypted (password-protected): unzip it first and pass the folder`, { file });
        }
        declared.set(f.name, entry);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw notAZip(file, e);
  }
  // fflate does not check the CRC-32 the archive stores: a damaged entry, or one whose declared size is
  // smaller than its content (it would be cut short silently), is caught here.
  for (const [name, data] of Object.entries(files)) {
    const entry = declared.get(name);
    if (entry === undefined || crc32(data) !== entry.crc32 || data.length !== entry.size) {
      throw new InputError(`zip entry ${name} is damaged (its checksum or size does not match the archive's record); re-export or copy the zip again`, {
        file,
      });
    }
  }
  return new Map(Object.entries(files));
}

/** What the central directory records for an entry (in directory order, as fflate walks it). */
interface CentralEntry {
  flags: number;
  crc32: number;
  size: number;
}

/**
 * The central directory's flags, CRC-32 and uncompressed size of every entry, in order. Follows the same
 * records fflate reads (end of central directory, Zip64 when present). Throws InputError when unreadable.
 */
function centralDirectory(bytes: Uint8Array, file: string): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  try {
    let end = bytes.length - 22;
    while (end >= 0 && bytes.length - end <= 65558 && u32(end) !== 0x06054b50) end--;
    if (end >= 0 && u32(end) !== 0x06054b50) end = -1;
    if (end < 0) throw new RangeError("no end of central directory");
    let count = u16(end + 8);
    let offset = u32(end + 16);
    let zip64 = end >= 20 && u32(end - 20) === 0x07064b50;
    if (zip64) {
      const at = Number(u64(end - 12));
      zip64 = u32(at) === 0x06064b50;
      if (zip64) {
        count = u64(at + 32);
        offset = u64(at + 48);
      }
    }
    const out: CentralEntry[] = [];
    for (let i = 0; i < count; i++) {
      if (u32(offset) !== 0x02014b50) throw new RangeError("bad central directory record");
      const nameLength = u16(offset + 28);
      const extraLength = u16(offset + 30);
      const commentLength = u16(offset + 32);
      let size = u32(offset + 24);
      if (size === 0xffffffff) {
        // Zip64 extended information: the uncompressed size comes first.
        const extra = offset + 46 + nameLength;
        for (let at = extra; at + 4 <= extra + extraLength; at += 4 + u16(at + 2)) {
          if (u16(at) === 1) {
            size = u64(at + 4);
            break;
          }
        }
      }
      out.push({ flags: u16(offset + 8), crc32: u32(offset + 16), size });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return out;
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(`not a readable zip archive (${e.message})`, { file });
    throw e;
  }
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
